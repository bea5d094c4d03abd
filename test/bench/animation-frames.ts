import type { Page } from 'playwright-core';
import { FRAME_MARK, type OwnRuns, probeOwnSource } from './step-marks.ts';

/**
 * Every frame of an animation the app runs on its own (present mode's move from step to step),
 * measured the way frame-probe.ts measures the frames after an input: from a
 * requestAnimationFrame callback that runs first in the frame to a message posted from it, which
 * can only run once the frame's rAF callbacks, style, layout, paint and commit are done. The
 * recorder's callback asks for the next frame before anything else, so it stays ahead of the
 * app's animation, which asks for each frame from the one before.
 *
 * React renders a state set in a rAF callback in a task of its own after the frame; that task
 * is outside the frame's span. So each frame also has `withTasks`: up to a second message posted
 * when the first arrives, which runs after the tasks queued during the frame (React's render and
 * commit among them). Both end at the next frame's start at the latest: the scheduler may run a
 * frame before a queued message, and the frames' spans must not overlap.
 */
export interface AnimationFrame {
  /** The rAF timestamp: when the frame began. */
  readonly time: number;
  /** Ms from the previous frame's timestamp: above 16.7 means frames were dropped. */
  readonly interval: number;
  /** Main-thread ms of the frame's rendering work. */
  readonly work: number;
  /** The same with the tasks queued during the frame. */
  readonly withTasks: number;
}

interface Recorder {
  start(): void;
  stop(): void;
  /** The frames that began in [from, to], dropping every frame before `to`. */
  take(from: number, to: number): AnimationFrame[];
}

declare global {
  interface Window {
    __journeywallAnimationFrames?: Recorder;
  }
}

/**
 * Runs in the page: keep it self-contained (it is sent as source text). Each frame also sets
 * `frameMark`, so a trace can be cut into frames (main-thread-trace.ts's frameWork). Its
 * callbacks are wrapped in `own` (step-marks.ts's PROBE_OWN), so the trace takes their runs out
 * of the frames' work.
 */
function installRecorder(frameMark: string, own: OwnRuns): void {
  interface Recorded {
    time: number;
    interval: number;
    start: number;
    end: number;
    tail: number;
  }
  let frames: Recorded[] = [];
  let running = false;
  let previous = Number.NaN;
  const channel = new MessageChannel();
  channel.port1.onmessage = own((message: MessageEvent<{ time: number; tail: boolean }>) => {
    const { time, tail } = message.data;
    const frame = frames.find((candidate) => candidate.time === time);
    if (!frame) return;
    if (tail) {
      frame.tail = performance.now();
      return;
    }
    frame.end = performance.now();
    channel.port2.postMessage({ time, tail: true });
  });
  const loop = own((time: number) => {
    if (!running) return;
    requestAnimationFrame(loop);
    const frame = {
      time,
      interval: time - previous,
      start: performance.now(),
      end: Number.NaN,
      tail: Number.NaN,
    };
    previous = time;
    frames.push(frame);
    performance.mark(frameMark);
    channel.port2.postMessage({ time, tail: false });
  });
  window.__journeywallAnimationFrames = {
    start: () => {
      frames = [];
      previous = Number.NaN;
      running = true;
      requestAnimationFrame(loop);
    },
    stop: () => {
      running = false;
    },
    take: (from, to) => {
      const taken = frames.flatMap((frame, index) => {
        if (frame.start < from || frame.start > to || Number.isNaN(frame.end)) return [];
        // A message can wait behind the next frame's rendering; the frame itself ended before it.
        const next = frames[index + 1]?.start ?? Number.POSITIVE_INFINITY;
        const end = Math.min(frame.end, next);
        const tail = Number.isNaN(frame.tail) ? end : Math.min(frame.tail, next);
        return [
          {
            time: frame.time,
            interval: frame.interval,
            work: end - frame.start,
            withTasks: Math.max(end, tail) - frame.start,
          },
        ];
      });
      frames = frames.filter((frame) => frame.start > to);
      performance.clearMarks(frameMark);
      return taken;
    },
  };
}

/** The recorder as an init script's source, for a page or a whole browser context. */
export const animationFramesScript = (): string =>
  `globalThis.__name = globalThis.__name || ((fn) => fn);\n(${installRecorder.toString()})(${JSON.stringify(FRAME_MARK)}, ${probeOwnSource});`;

export const injectAnimationFrames = async (page: Page): Promise<void> => {
  await page.addInitScript({ content: animationFramesScript() });
};

export const startAnimationFrames = async (page: Page): Promise<void> => {
  await page.evaluate(() => window.__journeywallAnimationFrames?.start());
};

export const stopAnimationFrames = async (page: Page): Promise<void> => {
  await page.evaluate(() => window.__journeywallAnimationFrames?.stop());
};

/** The frames that began from `from` to `to` (page times), with their rendering work. */
export const takeAnimationFrames = (page: Page, from: number, to: number): Promise<AnimationFrame[]> =>
  page.evaluate(
    ({ from, to }) => {
      const installed = window.__journeywallAnimationFrames;
      if (!installed) throw new Error('The animation frame recorder is not installed');
      return installed.take(from, to);
    },
    { from, to },
  );
