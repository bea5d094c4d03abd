import type { Page } from 'playwright-core';
import { type OwnRuns, probeOwnSource } from './step-marks.ts';

/**
 * Measures, inside the page, the main-thread work one input step causes:
 *
 *  - handling: from the first listener of the input event (a capture listener on window, added
 *    before the app's) to the last (a bubbling listener on window). Microtasks run between
 *    listeners, so React's synchronous re-render and commit are inside this span.
 *  - frames: the rendering work of each following frame, from a requestAnimationFrame callback
 *    registered before the app's (so it runs first) to a message posted from it (which can only
 *    run once the frame's rAF callbacks, style, layout, paint and commit are done). Frames are
 *    followed as they come until one has no board draw in it (at most 5), so a redraw deferred to
 *    a later frame counts; `collect` reads them once the step is over.
 *
 * work = handling + the frames' rendering work: busy time only, not the idle wait for vsync.
 * The board's own 'journeywall:draw' measures say how much of that is Konva drawing.
 */
export interface StepSample {
  readonly handling: number;
  readonly frames: number;
  readonly work: number;
  readonly draw: number;
  /** From the input event to the end of the frame that shows it (includes waiting for vsync). */
  readonly latency: number;
}

/** When the board first showed the map: the end of the frame that first drew its notes. */
export interface FirstBoardFrame {
  /** Ms since navigation start; the frame's rendering and commit are done. */
  readonly frameEnd: number;
}

interface Probe {
  firstBoardFrame(): FirstBoardFrame | null;
  longTasksSince(start: number): number[];
  arm(): void;
  collect(): Promise<StepSample>;
  startIntervals(): void;
  stopIntervals(): number[];
}

declare global {
  interface Window {
    __journeywallProbe?: Probe;
  }
}

/**
 * Runs in the page before the app: keep it self-contained (it is sent as source text). Each of
 * its callbacks that can run inside a step is wrapped in `own` (step-marks.ts's PROBE_OWN), so
 * the stricter probe takes its runs out of the step's work.
 */
function installFrameProbe(own: OwnRuns): void {
  const inputTypes = ['pointerdown', 'pointermove', 'pointerup', 'wheel', 'keydown'];
  let armed = false;
  let inputStart = -1;
  let handling = 0;
  const starts = new WeakMap<Event, number>();
  let frames: { start: number; end: number }[] = [];
  let frameRequested = false;
  let waiting: (() => void) | null = null;
  const channel = new MessageChannel();

  const frameEnded = (start: number) => {
    const end = performance.now();
    frames.push({ start, end });
    frameRequested = false;
    waiting?.();
    // While the board keeps drawing, the next frame is followed too (at most 5 in all), as they
    // come: the stricter probe reads them only once its step has ended.
    if (armed && frames.length < 5 && drawsBetween(start, end).length > 0) requestFrame();
  };
  channel.port1.onmessage = own((message: MessageEvent<number>) => frameEnded(message.data));
  const requestFrame = () => {
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(own(() => channel.port2.postMessage(performance.now())));
  };

  for (const type of inputTypes) {
    window.addEventListener(
      type,
      own((event: Event) => {
        if (!armed) return;
        const now = performance.now();
        if (inputStart < 0) inputStart = now;
        starts.set(event, now);
        requestFrame();
      }),
      { capture: true },
    );
    window.addEventListener(
      type,
      own((event: Event) => {
        const start = starts.get(event);
        if (start !== undefined) handling += performance.now() - start;
      }),
    );
  }

  const nextFrame = () =>
    new Promise<void>((resolve) => {
      waiting = () => {
        waiting = null;
        resolve();
      };
      requestFrame();
    });

  const drawsBetween = (start: number, end: number) =>
    performance
      .getEntriesByName('journeywall:draw', 'measure')
      .filter((entry) => entry.startTime >= start && entry.startTime <= end);

  // From page start until the board's first draw: every frame's span, to find the frame it is in.
  const frameLog: { start: number; end: number }[] = [];
  const logChannel = new MessageChannel();
  const firstStaticDraw = () =>
    performance
      .getEntriesByName('journeywall:draw', 'measure')
      .find((entry) => (entry as PerformanceMeasure).detail === 'static');
  const logNextFrame = () => requestAnimationFrame(() => logChannel.port2.postMessage(performance.now()));
  logChannel.port1.onmessage = (message: MessageEvent<number>) => {
    frameLog.push({ start: message.data, end: performance.now() });
    const draw = firstStaticDraw();
    if ((!draw || draw.startTime > message.data) && performance.now() < 120_000) logNextFrame();
  };
  logNextFrame();

  const longTasks: PerformanceEntry[] = [];
  new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask' });

  let intervals: number[] = [];
  let lastFrame = -1;
  let looping = false;
  const loop = (time: number) => {
    if (!looping) return;
    if (lastFrame >= 0) intervals.push(time - lastFrame);
    lastFrame = time;
    requestAnimationFrame(loop);
  };

  window.__journeywallProbe = {
    firstBoardFrame: () => {
      const draw = firstStaticDraw();
      if (!draw) return null;
      // Drawn inside a frame, or (drawn outside one) shown by the next frame.
      const frame =
        frameLog.find((entry) => entry.start <= draw.startTime && draw.startTime <= entry.end) ??
        frameLog.find((entry) => entry.start >= draw.startTime);
      if (!frame) return null;
      return { frameEnd: frame.end };
    },
    longTasksSince: (start) =>
      longTasks.filter((task) => task.startTime >= start).map((task) => task.duration),
    arm: () => {
      armed = true;
      inputStart = -1;
      handling = 0;
      frames = [];
      performance.clearMeasures('journeywall:draw');
    },
    collect: async () => {
      // The frames followed since the input (frameEnded), waiting for any still to come; a step
      // with no input, the next frame.
      if (frames.length === 0) await nextFrame();
      while (frameRequested) await nextFrame();
      armed = false;
      const first = frames[0];
      const start = inputStart >= 0 ? inputStart : (first?.start ?? 0);
      const end = frames[frames.length - 1]?.end ?? start;
      // Frames after the first count only if the board drew in them; an empty one is not its work.
      const busy = frames
        .filter((frame, index) => index === 0 || drawsBetween(frame.start, frame.end).length > 0)
        .reduce((sum, frame) => sum + (frame.end - frame.start), 0);
      const draw = drawsBetween(start, end).reduce((sum, entry) => sum + entry.duration, 0);
      return { handling, frames: busy, work: handling + busy, draw, latency: end - start };
    },
    startIntervals: () => {
      intervals = [];
      lastFrame = -1;
      looping = true;
      requestAnimationFrame(loop);
    },
    stopIntervals: () => {
      looping = false;
      return intervals;
    },
  };
}

/**
 * tsx (esbuild with keepNames) wraps named functions in __name(); the page has no such helper,
 * so it gets a stand-in before the probe's source and every evaluated function.
 */
export const injectFrameProbe = async (page: Page): Promise<void> => {
  await page.addInitScript({
    content: `globalThis.__name = globalThis.__name || ((fn) => fn);\n(${installFrameProbe.toString()})(${probeOwnSource});`,
  });
};

export const now = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** Durations of the tasks longer than 50 ms since a page time. */
export const longTasksSince = (page: Page, start: number): Promise<number[]> =>
  page.evaluate((since) => window.__journeywallProbe?.longTasksSince(since) ?? [], start);

/** Null until the board has drawn its notes once and that frame has ended. */
export const firstBoardFrame = (page: Page): Promise<FirstBoardFrame | null> =>
  page.evaluate(() => window.__journeywallProbe?.firstBoardFrame() ?? null);

/** Starts a step: the next input events and the frames after them are what collectStep reports. */
export const armStep = async (page: Page): Promise<void> => {
  await page.evaluate(() => window.__journeywallProbe?.arm());
};

export const collectStep = (page: Page): Promise<StepSample> =>
  page.evaluate(() => {
    const installed = window.__journeywallProbe;
    if (!installed) throw new Error('The frame probe is not installed');
    return installed.collect();
  });

/** Records the intervals between animation frames until stopFrameIntervals. */
export const startFrameIntervals = async (page: Page): Promise<void> => {
  await page.evaluate(() => window.__journeywallProbe?.startIntervals());
};

export const stopFrameIntervals = (page: Page): Promise<number[]> =>
  page.evaluate(() => window.__journeywallProbe?.stopIntervals() ?? []);
