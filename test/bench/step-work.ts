import type { CDPSession, Page } from 'playwright-core';
import { collectStep, type StepSample } from './frame-probe.ts';
import { busyBetweenMarks, stepWork, traceSteps, WORKER_THREAD } from './main-thread-trace.ts';
import { markEnd, markStart } from './step-marks.ts';

/**
 * The stricter probe (issue 15): a step's work is everything the renderer's main thread does
 * from just before its input is sent until the renderer is quiet again after the frame that
 * shows it, from any source: the input's handling, React's scheduled renders and effects, timers,
 * idle callbacks, rAF, style, layout, paint, commit and GC. Measured two independent ways for the
 * same steps:
 *
 *  - trace: the top-level tasks of a trace of the steps, cut at the step's marks (main-thread-trace.ts);
 *  - devtools: the growth of `Performance.getMetrics`' TaskDuration, read before the step's start
 *    mark and after its end mark (the renderer's own count of main-thread task time).
 *
 * The old probe (frame-probe.ts: input handling plus the rendering of the frames after it) runs
 * inside the same steps, so the figures can be compared step by step. Steps are paced: each waits
 * until the board's paper shows the step's view (its worker's drawing has arrived and is up) and
 * then until the renderer is quiet, so one step's work never lands in the next.
 *
 * The board's paper is drawn in a worker: that work is not the main thread's and does not hold
 * a frame, but it is the step's too, so it is reported beside (`worker`), from the same trace.
 */
export interface StepWork {
  readonly old: StepSample;
  readonly trace: number;
  readonly devtools: number;
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
/** What reading TaskDuration costs the main thread, with a margin: less than this is nothing. */
const READ_COST_MS = 0.5;
/** A step that never goes quiet (an endless animation) ends here, and is counted as not quiet. */
const QUIET_TIMEOUT_MS = 3000;

/**
 * Waits until the board's paper is current (use-board-painter.ts's `data-painted`): a drawing the
 * step asked its worker for has arrived and is shown. Watched by a MutationObserver in the page,
 * so waiting costs the main thread nothing; a page without a board answers at once.
 */
const waitUntilPainted = async (cdp: CDPSession): Promise<boolean> => {
  const { result } = await cdp.send('Runtime.evaluate', {
    awaitPromise: true,
    returnByValue: true,
    expression: `new Promise((resolve) => {
      const board = document.querySelector('.board');
      const painted = () => board?.getAttribute('data-painted') !== 'behind';
      if (painted()) return resolve(true);
      const observer = new MutationObserver(() => {
        if (!painted()) return;
        observer.disconnect();
        resolve(true);
      });
      observer.observe(board, { attributes: true, attributeFilter: ['data-painted'] });
      setTimeout(() => resolve(false), ${QUIET_TIMEOUT_MS});
    })`,
  });
  return result.value === true;
};

/**
 * Waits until the renderer is quiet: two readings of TaskDuration two frames apart that differ
 * by no more than the readings' own cost. False when it timed out instead.
 */
const waitUntilQuiet = async (cdp: CDPSession): Promise<boolean> => {
  const giveUpAt = Date.now() + QUIET_TIMEOUT_MS;
  let last = await taskMs(cdp);
  while (Date.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    const now = await taskMs(cdp);
    if (now - last <= READ_COST_MS) return true;
    last = now;
  }
  return false;
};

/** Step numbers are unique in a run, so marks never repeat within a trace. */
let nextStep = 0;
export const newStepId = (): number => nextStep++;

/** A step's TaskDuration growth (the cross-check) and whether the renderer went quiet after it. */
export interface MarkedStep {
  readonly devtools: number;
  readonly quiet: boolean;
}

/**
 * Runs `action` as step `step`: between its trace marks (step-marks.ts), then until the renderer
 * is quiet, with TaskDuration read just inside the marks. Inside, because a task that ran between
 * a reading and its mark would otherwise count in TaskDuration's window and not in the trace's.
 */
export const markedStep = async (
  cdp: CDPSession,
  step: number,
  action: () => Promise<void>,
): Promise<MarkedStep> => {
  await markStart(cdp, step);
  const before = await taskMs(cdp);
  await action();
  const painted = await waitUntilPainted(cdp);
  const quiet = (await waitUntilQuiet(cdp)) && painted;
  const devtools = (await taskMs(cdp)) - before;
  await markEnd(cdp, step);
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
  await cdp.send('Performance.enable');
  const pending: PendingStep[] = [];
  const trace = await traceSteps(cdp, async () => {
    for (const action of steps) {
      const id = newStepId();
      await hooks.before?.();
      let sample: StepSample | undefined;
      const { devtools, quiet } = await markedStep(cdp, id, async () => {
        await action();
        sample = await collectStep(page);
      });
      if (!sample) throw new Error('The step was not collected');
      const old = hooks.after ? await hooks.after(sample) : sample;
      pending.push({ id, old, devtools, quiet });
    }
  });
  const work = stepWork(
    trace,
    pending.map((step) => step.id),
  );
  return pending.map(({ id, old, devtools, quiet }) => ({
    old,
    devtools,
    quiet,
    trace: work.get(id) ?? Number.NaN,
    worker: busyBetweenMarks(trace, id, WORKER_THREAD),
  }));
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
      await new Promise((resolve) => setTimeout(resolve, windowMs));
      if ((await taskMs(cdp)) - before < windowMs * 0.05) return;
    }
  } finally {
    await page.evaluate(() => {
      (window as FrameLoop).__journeywallBenchFrames = false;
    });
  }
};
