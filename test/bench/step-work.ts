import type { CDPSession, Page } from 'playwright-core';
import { settle } from './board-session.ts';
import { armStep, collectStep, type StepSample } from './frame-probe.ts';
import {
  busyBetweenMarks,
  probeOwnBetweenMarks,
  stepWork,
  traceSteps,
  WORKER_THREAD,
} from './main-thread-trace.ts';
import { type PaintedWatch, watchPainted } from './painted-watch.ts';
import { type RendererThread, rendererMainThread } from './renderer-thread.ts';
import { markEnd, markStart } from './step-marks.ts';

/**
 * The stricter probe (issue 15): a step's work is everything the renderer's main thread does
 * from just before its input is sent until the renderer is quiet again after the frame that
 * shows it, from any source: the input's handling, React's scheduled renders and effects, timers,
 * idle callbacks, rAF, style, layout, paint, commit and GC. Measured two independent ways for the
 * same steps:
 *
 *  - trace: the top-level tasks of a trace of the steps, cut at the step's markers (main-thread-trace.ts);
 *  - devtools: the growth of `Performance.getMetrics`' TaskDuration, read just before the step's
 *    start marker and just after its end marker (the renderer's own count of main-thread task time).
 *
 * The probe runs no task of its own on the page's main thread inside a step: its markers are
 * recorded by the browser process, quiet is read from the operating system's count of the
 * thread's CPU time (renderer-thread.ts), and the board's paper reports itself current through a
 * binding (painted-watch.ts) from inside the app's own task. Steps are paced: each waits until
 * the board's paper shows the step's view (its worker's drawing has arrived and is up) and the
 * renderer is quiet, so one step's work never lands in the next. The old probe (frame-probe.ts:
 * input handling plus the rendering of the frames after it) is armed before each step and read
 * after it, outside its window; inside, its listeners and rAF callback run in the app's tasks,
 * and one short message task follows each frame it times.
 *
 * What the probes' own callbacks run inside the app's tasks (the painted watch's observer, the
 * old probe's listeners, rAF callback and message handler) each measure as PROBE_OWN
 * (step-marks.ts). That time is the probes', not the app's: it is taken out of both figures, the
 * trace's and DevTools', and reported as `probe`.
 *
 * The board's paper is drawn in a worker: that work is not the main thread's and does not hold
 * a frame, but it is the step's too, so it is reported beside (`worker`), from the same trace.
 */
export interface StepWork {
  readonly old: StepSample;
  readonly trace: number;
  readonly devtools: number;
  /** The probes' own ms inside the step's window, taken out of `trace` and `devtools`. */
  readonly probe: number;
  /** The board painter's worker's busy ms in the step (from the trace). */
  readonly worker: number;
  /** False when the renderer never went quiet within the probe's timeout. */
  readonly quiet: boolean;
}

interface PendingStep {
  readonly id: number;
  readonly old: StepSample;
  readonly devtools: number;
  readonly quiet: boolean;
}

/** The trace's and DevTools' figures apart by more than this share of the DevTools one: the probe is wrong. */
export const MAX_GAP = 0.2;

export const taskMs = async (cdp: CDPSession): Promise<number> => {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const task = metrics.find((metric) => metric.name === 'TaskDuration');
  if (!task) throw new Error('Performance.getMetrics has no TaskDuration');
  return task.value * 1000;
};

/** Two frames: a step is over when the main thread has run nothing for this long. */
const QUIET_MS = 2000 / 60;
/** CPU time the main thread may spend in QUIET_MS and still count as quiet (an idle one spends none). */
const QUIET_CPU_MS = 0.5;
/**
 * A step that is not painted and quiet by then (an endless animation, a drawing that never came)
 * ends here, and is counted as not quiet: one limit for the two waits together.
 */
const QUIET_TIMEOUT_MS = 3000;

/** What the stricter probe watches on a page: its renderer's main thread, and the board's paper. */
export interface StepProbe {
  readonly cdp: CDPSession;
  readonly thread: RendererThread;
  readonly painted: PaintedWatch;
}

/**
 * Starts the probe on a page, and waits until the renderer is quiet after it. Not while a trace
 * runs: finding the renderer's thread takes one. `stop` it when the steps are done.
 */
export const startStepProbe = async (cdp: CDPSession): Promise<StepProbe & { stop(): Promise<void> }> => {
  await cdp.send('Performance.enable');
  const thread = await rendererMainThread(cdp);
  const painted = await watchPainted(cdp);
  // What the trace that found the thread left the renderer to do is not the first step's.
  await waitUntilQuiet(thread, Date.now() + QUIET_TIMEOUT_MS);
  return { cdp, thread, painted, stop: () => painted.stop() };
};

/** Waits until the main thread spends no more than QUIET_CPU_MS of CPU over QUIET_MS. False when it timed out. */
const waitUntilQuiet = async (thread: RendererThread, giveUpAt: number): Promise<boolean> => {
  let last = thread.cpuMs();
  while (Date.now() < giveUpAt) {
    await settle(QUIET_MS);
    const now = thread.cpuMs();
    if (now - last <= QUIET_CPU_MS) return true;
    last = now;
  }
  return false;
};

/**
 * Waits until the board's paper is current and the main thread quiet. Quiet comes first: by
 * then the page has reported whatever the step's input did to the paper (it reports within the
 * input's own task). A paper behind is waited for, then quiet again, after the drawing's arrival.
 */
const waitUntilSettled = async ({ thread, painted }: StepProbe): Promise<boolean> => {
  const giveUpAt = Date.now() + QUIET_TIMEOUT_MS;
  for (;;) {
    if (!(await waitUntilQuiet(thread, giveUpAt))) return false;
    if (!painted.behind) return true;
    if (!(await painted.untilPainted(Math.max(0, giveUpAt - Date.now())))) return false;
  }
};

/** Step numbers are unique in a run, so markers never repeat within a trace. */
let nextStep = 0;
export const newStepId = (): number => nextStep++;

/** A step's TaskDuration growth (the cross-check) and whether the renderer went quiet after it. */
export interface MarkedStep {
  readonly devtools: number;
  readonly quiet: boolean;
}

/**
 * Runs `action` as step `step`: between its trace markers (step-marks.ts), then until the board
 * is painted and the renderer quiet, with TaskDuration read just outside the markers, so the
 * readings' own tasks are not in the trace's window. Its window then holds one reading's task
 * more than the trace's: the first, counted once it ends.
 */
export const markedStep = async (
  probe: StepProbe,
  step: number,
  action: () => Promise<unknown>,
): Promise<MarkedStep> => {
  const { cdp } = probe;
  const before = await taskMs(cdp);
  await markStart(cdp, step);
  await action();
  const quiet = await waitUntilSettled(probe);
  await markEnd(cdp, step);
  const devtools = (await taskMs(cdp)) - before;
  return { devtools, quiet };
};

/** What a caller does around each step, outside its window (so its tasks are not the step's). */
export interface StepHooks {
  /** Before the step's first TaskDuration reading. */
  readonly before?: () => Promise<void>;
  /** After the step's last reading: may correct the old probe's sample (key-probe.ts's handling). */
  readonly after?: (old: StepSample) => Promise<StepSample>;
}

/**
 * Runs `steps` under one trace and measures each with both probes: the trace figure needs the
 * whole trace, so it is filled in once tracing ends.
 */
export const measureSteps = async (
  page: Page,
  cdp: CDPSession,
  steps: readonly (() => Promise<unknown>)[],
  hooks: StepHooks = {},
): Promise<StepWork[]> => {
  const probe = await startStepProbe(cdp);
  const pending: PendingStep[] = [];
  try {
    const trace = await traceSteps(cdp, async () => {
      for (const action of steps) {
        const id = newStepId();
        await hooks.before?.();
        await armStep(page);
        const { devtools, quiet } = await markedStep(probe, id, action);
        const sample = await collectStep(page);
        const old = hooks.after ? await hooks.after(sample) : sample;
        pending.push({ id, old, devtools, quiet });
      }
    });
    const work = stepWork(
      trace,
      pending.map((step) => step.id),
    );
    return pending.map(({ id, old, devtools, quiet }) => {
      const probe = probeOwnBetweenMarks(trace, id);
      return {
        old,
        devtools: devtools - probe,
        probe,
        quiet,
        trace: work.get(id) ?? Number.NaN,
        worker: busyBetweenMarks(trace, id, WORKER_THREAD),
      };
    });
  } finally {
    await probe.stop();
  }
};

interface FrameLoop {
  __journeywallBenchFrames?: boolean;
}

/**
 * Waits until the main thread is all but idle (under 5 % busy over 250 ms) while frames are
 * drawn, so work left over from opening the map does not fall on the first steps. Frames are
 * requested all along: headless Chromium gives idle callbacks (the board's text-layout warm-up)
 * time only after a frame, so without them that work would wait for the steps.
 */
export const waitUntilIdle = async (page: Page, cdp: CDPSession, timeoutMs = 60_000): Promise<void> => {
  await cdp.send('Performance.enable');
  await page.evaluate(() => {
    const loop = window as FrameLoop;
    loop.__journeywallBenchFrames = true;
    const frame = () => {
      if (loop.__journeywallBenchFrames) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  try {
    const giveUpAt = Date.now() + timeoutMs;
    const windowMs = 250;
    while (Date.now() < giveUpAt) {
      const before = await taskMs(cdp);
      await settle(windowMs);
      if ((await taskMs(cdp)) - before < windowMs * 0.05) return;
    }
  } finally {
    await page.evaluate(() => {
      (window as FrameLoop).__journeywallBenchFrames = false;
    });
  }
};
