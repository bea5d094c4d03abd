import type { CDPSession, Page } from 'playwright-core';
import { startAnimationFrames, stopAnimationFrames, takeAnimationFrames } from './animation-frames.ts';
import { settle } from './board-session.ts';
import { armStep, collectStep, type StepSample } from './frame-probe.ts';
import { circle, type Input, MODIFIERS, type Point } from './input.ts';
import type { Layout } from './layout.ts';
import {
  busyBetweenMarks,
  frameWork,
  probeOwnBetweenMarks,
  stepWork,
  traceSteps,
  WORKER_THREAD,
} from './main-thread-trace.ts';
import {
  markedStep,
  measureSteps,
  newStepId,
  type StepWork,
  startStepProbe,
  waitUntilIdle,
} from './step-work.ts';

/**
 * The gestures measured: each is a list of input steps (one event each) with what must happen
 * before and after them. Every gesture ends where it started, so the next one sees the same
 * view, and dragging a note back to its place leaves the map unchanged.
 */
export interface Gesture {
  readonly name: string;
  readonly setUp: () => Promise<void>;
  readonly steps: readonly (() => Promise<unknown>)[];
  readonly tearDown: () => Promise<void>;
}

export interface GestureFigures {
  readonly steps: StepWork[];
  /** The work of the set-up and tear-down as one step each (picking a note up, dropping it). */
  readonly setUp: StepWork;
  readonly tearDown: StepWork;
  /** The same steps run back to back, as a continuous gesture. */
  readonly continuous: ContinuousFigures;
}

/**
 * A continuous gesture: the steps' inputs sent back to back, each as soon as the renderer has
 * taken the one before (the DevTools protocol answers once an input is handled), so the renderer
 * sees them as fast as it can take them, as from a hand on a mouse or trackpad.
 */
export interface ContinuousFigures {
  /**
   * Each frame's work, from a DevTools trace: every main-thread task from the frame's start to
   * the next frame's (main-thread-trace.ts's frameWork), whatever input, timer or idle callback
   * it came from; from the first input to the frames of the pause after the last.
   */
  readonly frames: readonly number[];
  /** Between the frames' rAF timestamps. */
  readonly intervals: readonly number[];
  /** Inputs per second the renderer took. */
  readonly inputRate: number;
  /** The whole gesture's work from the trace, and from DevTools TaskDuration (the cross-check). */
  readonly trace: number;
  readonly devtools: number;
  /** The board painter's worker's busy ms over the whole gesture (from the trace). */
  readonly worker: number;
}

/** Steps per gesture, after a few unmeasured ones that warm up caches and the JIT. */
export const STEPS = 60;
export const WARM_UP = 5;
/**
 * Paced passes of each gesture, their steps pooled: the p95 of 60 steps is about their fourth
 * slowest, and moved by tens of milliseconds between runs of the same code on a two-core
 * machine; of 120, about the seventh.
 */
export const PACED_PASSES = 2;

const SPACE = ['Space', 32] as const;

export const panWithSpaceDrag = (input: Input, start: Point): Gesture => {
  const path = circle(start, 160, STEPS + WARM_UP);
  return {
    name: 'pan (space + drag)',
    setUp: async () => {
      await input.move(start);
      await input.key('keyDown', ' ', ...SPACE);
      await input.down(start);
    },
    steps: path.slice(1).map((point) => () => input.move(point)),
    tearDown: async () => {
      await input.up(path[path.length - 1] ?? start);
      await input.key('keyUp', ' ', ...SPACE);
    },
  };
};

export const panWithWheel = (input: Input, at: Point): Gesture => {
  const path = circle(at, 160, STEPS + WARM_UP);
  return {
    name: 'pan (wheel)',
    setUp: () => input.move(at).then(() => undefined),
    steps: path.slice(1).map((point, index) => {
      const previous = path[index] ?? at;
      return () => input.wheel(at, point.x - previous.x, point.y - previous.y);
    }),
    tearDown: async () => undefined,
  };
};

/** Ctrl+wheel at the pointer in trackpad-pinch-sized steps: in, out past the start, back in. */
export const zoomWithCtrlWheel = (input: Input, at: Point): Gesture => {
  const quarter = Math.round((STEPS + WARM_UP) / 4);
  const deltas = [
    ...Array<number>(quarter).fill(-20),
    ...Array<number>(2 * quarter).fill(20),
    ...Array<number>(quarter).fill(-20),
  ];
  return {
    name: 'zoom (ctrl + wheel)',
    setUp: () => input.move(at).then(() => undefined),
    steps: deltas.map((delta) => () => input.wheel(at, 0, delta, MODIFIERS.ctrl)),
    tearDown: async () => undefined,
  };
};

/** Drags one note in a circle back to its place; picking it up and dropping it are set-up and tear-down. */
export const dragNote = (input: Input, note: Point): Gesture => {
  const path = circle(note, 120, STEPS + WARM_UP);
  return {
    name: 'drag one note',
    setUp: async () => {
      await input.move(note);
      await input.down(note);
    },
    steps: path.slice(1).map((point) => () => input.move(point)),
    tearDown: () => input.up(note).then(() => undefined),
  };
};

/** One step's main-thread work (see frame-probe.ts). */
export const measureStep = async (page: Page, action: () => Promise<unknown>): Promise<StepSample> => {
  await armStep(page);
  await action();
  return collectStep(page);
};

/** Runs a gesture's steps one at a time, each paced by the old probe (for the profiles of misses). */
export const paceGesture = async (
  page: Page,
  gesture: Gesture,
  resetView: () => Promise<void>,
): Promise<void> => {
  await resetView();
  for (const action of [gesture.setUp, ...gesture.steps, gesture.tearDown]) await measureStep(page, action);
};

/**
 * Each step's main-thread work under both probes (step-work.ts), paced, in PACED_PASSES passes
 * (set-up and tear-down from the first), then the same steps run back to back as a continuous
 * gesture, each frame's work measured (measureContinuous).
 * `resetView` puts the viewport back before each pass (zooming may stop at the zoom limit).
 */
export const measureGesture = async (
  page: Page,
  cdp: CDPSession,
  gesture: Gesture,
  resetView: () => Promise<void>,
): Promise<GestureFigures> => {
  const passes: StepWork[][] = [];
  for (let pass = 0; pass < PACED_PASSES; pass++) {
    await resetView();
    await waitUntilIdle(page, cdp);
    passes.push(await measureSteps(page, cdp, [gesture.setUp, ...gesture.steps, gesture.tearDown]));
  }
  const [measured = []] = passes;
  const setUp = measured[0];
  const tearDown = measured[measured.length - 1];
  if (!setUp || !tearDown || measured.length < 2) throw new Error(`${gesture.name}: no steps were measured`);
  const steps = passes.flatMap((pass) => pass.slice(1 + WARM_UP, -1));
  await resetView();
  const continuous = await measureContinuous(page, cdp, gesture);
  return { steps, setUp, tearDown, continuous };
};

/** Frames recorded before the first input, so its frame has an interval to compare. */
const LEAD_MS = 50;
/** After the last input the board is redrawn once the gesture has paused: its frames count too. */
const PAUSE_MS = 300;

/**
 * The gesture run continuously under one trace, with the frame recorder (animation-frames.ts)
 * marking each frame's start. Set-up and tear-down run outside it (picking a note up and dropping
 * it are steps of their own). The recorder stops before the wait for quiet: its own frames would
 * keep the renderer busy.
 */
const measureContinuous = async (
  page: Page,
  cdp: CDPSession,
  gesture: Gesture,
): Promise<ContinuousFigures> => {
  await waitUntilIdle(page, cdp);
  await gesture.setUp();
  const step = newStepId();
  let devtools = 0;
  let inputMs = 0;
  const probe = await startStepProbe(cdp);
  const trace = await traceSteps(cdp, async () => {
    await startAnimationFrames(page);
    await settle(LEAD_MS);
    ({ devtools } = await markedStep(probe, step, async () => {
      const started = Date.now();
      for (const action of gesture.steps) await action();
      inputMs = Date.now() - started;
      await settle(PAUSE_MS);
      await stopAnimationFrames(page);
    }));
  }).finally(probe.stop);
  const recorded = await takeAnimationFrames(page, 0, Number.POSITIVE_INFINITY);
  await gesture.tearDown();
  return {
    frames: frameWork(trace, step, Number.POSITIVE_INFINITY),
    intervals: recorded.map((frame) => frame.interval).filter(Number.isFinite),
    inputRate: gesture.steps.length / (inputMs / 1000),
    trace: stepWork(trace, [step]).get(step) ?? Number.NaN,
    devtools: devtools - probeOwnBetweenMarks(trace, step),
    worker: busyBetweenMarks(trace, step, WORKER_THREAD),
  };
};

/** The gestures measured in each view, aimed at the middle of the map and its middle note. */
export const boardGestures = (input: Input, layout: Layout): Gesture[] => {
  const { centre, noteOnScreen } = layout;
  const offCentre = { x: centre.x + 240, y: centre.y + 120 };
  return [
    panWithSpaceDrag(input, offCentre),
    panWithWheel(input, centre),
    zoomWithCtrlWheel(input, offCentre),
    dragNote(input, noteOnScreen),
  ];
};
