import { readFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import { recordTrace } from './main-thread-trace.ts';

/**
 * The page's renderer main thread as the operating system sees it, so the bench can tell when it
 * is quiet without running anything on it: its CPU time is read from Linux's
 * `/proc/<pid>/task/<tid>/schedstat` (nanoseconds on the CPU), which costs the renderer nothing.
 * The thread is found from a trace of one mark set in the page: the trace names the process and
 * thread that ran it. The bench runs Chromium with `--no-sandbox`, so those are the real ids.
 */
export interface RendererThread {
  readonly pid: number;
  readonly tid: number;
  /** The thread's CPU time so far, in ms. */
  cpuMs(): number;
}

const WHOAMI = 'journeywall-bench:whoami';

export const rendererMainThread = async (cdp: CDPSession): Promise<RendererThread> => {
  const trace = await recordTrace(
    cdp,
    { includedCategories: ['blink.user_timing'], excludedCategories: ['*'] },
    async () => {
      await cdp.send('Runtime.evaluate', {
        expression: `performance.mark('${WHOAMI}'); performance.clearMarks('${WHOAMI}');`,
      });
    },
  );
  const mark = trace.find((event) => event.name === WHOAMI);
  if (!mark) throw new Error('The page set no mark in the trace: its renderer thread cannot be found');
  const { pid, tid } = mark;
  const file = `/proc/${pid}/task/${tid}/schedstat`;
  const cpuMs = (): number => {
    const first = readFileSync(file, 'utf8').split(' ')[0];
    const nanoseconds = Number(first);
    if (!Number.isFinite(nanoseconds)) throw new Error(`${file} holds no CPU time`);
    return nanoseconds / 1e6;
  };
  // Read once now: a thread the file system does not show fails here, not in the middle of a step.
  cpuMs();
  return { pid, tid, cpuMs };
};
