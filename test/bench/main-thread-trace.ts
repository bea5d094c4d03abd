import type { CDPSession } from 'playwright-core';
import { endMark, FRAME_MARK, PROBE_OWN, startMark } from './step-marks.ts';

/**
 * The stricter probe's first measure: a trace of the renderer (the DevTools protocol's Tracing
 * domain) while steps run, and each step's main-thread busy time read from it. Busy time is the
 * union of the top-level tasks on CrRendererMain (the scheduler's `RunTask` events: input
 * handling, React's MessageChannel tasks, timers, idle callbacks, rAF, style, layout, paint,
 * commit, GC) and the spans in which the thread is awake between them (TASKS), so nested events
 * are never counted twice. A step runs from its start marker to its end marker (step-marks.ts):
 * a task that overlaps it counts whole, an awake span only for its part between the markers. What
 * the probes themselves run inside the app's tasks (their PROBE_OWN measures) is taken out.
 *
 * Only the categories needed are traced (`toplevel` and `base` for the tasks, `blink.user_timing`
 * for the frame recorder's marks; the steps' clock sync markers are always recorded), so tracing
 * adds as little as it can to the work it measures.
 */
export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  /** A thread's name (`thread_name`), a clock sync marker's name (`clock_sync`). */
  readonly args?: { readonly name?: string; readonly sync_id?: string };
  /** What pairs a `performance.measure`'s begin (`b`) and end (`e`) events. */
  readonly id2?: { readonly local?: string };
}

const CATEGORIES = ['toplevel', 'base', 'blink.user_timing'];
/**
 * What makes a thread busy: the scheduler's top-level task events (TASKS; the name differs
 * between Chromium versions), and the spans in which its thread controller is awake (AWAKE,
 * category `base`), which also hold the scheduler's own work around each task and the
 * microtask checkpoint after it. Without those, a step of a dozen tasks read about 1 ms less than
 * the renderer's own TaskDuration (15-30 µs a task).
 */
const TASKS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
/**
 * An awake span can run on across a step's marker through the probe's own tasks between steps
 * (seen: 88 ms from an end marker into the next step), so it counts only within a step's window.
 */
const AWAKE = 'ThreadController active';

export type Trace = readonly TraceEvent[];

/** Every trace event recorded while `action` runs, with the DevTools protocol's Tracing domain. */
export const recordTrace = async (
  cdp: CDPSession,
  traceConfig: {
    readonly includedCategories: readonly string[];
    readonly excludedCategories?: readonly string[];
  },
  action: () => Promise<void>,
): Promise<TraceEvent[]> => {
  const events: TraceEvent[] = [];
  const collect = (data: { value: object[] }) => events.push(...(data.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: [...traceConfig.includedCategories],
      excludedCategories: [...(traceConfig.excludedCategories ?? [])],
    },
    transferMode: 'ReportEvents',
  });
  const outcome = await action().then(
    () => null,
    (error: unknown) => ({ error }),
  );
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  if (outcome) throw outcome.error;
  return events;
};

export const traceSteps = (cdp: CDPSession, action: () => Promise<void>): Promise<Trace> =>
  recordTrace(cdp, { includedCategories: CATEGORIES, excludedCategories: ['*'] }, action);

interface Span {
  readonly start: number;
  readonly end: number;
}

/** The main thread's name in a trace, and the one every dedicated worker's thread has (the board's painter and presenter). */
export const MAIN_THREAD = 'CrRendererMain';
export const WORKER_THREAD = 'DedicatedWorker thread';

/** One thread's spans (µs): its tasks, its awake spans, and the probes' own runs inside them. */
interface ThreadSpans {
  readonly tasks: readonly Span[];
  readonly awake: readonly Span[];
  readonly own: readonly Span[];
}

/** The spans of each thread named `thread` (the board's two workers share a name). */
const threadSpans = (trace: Trace, thread: string): ThreadSpans[] => {
  const threads = threadsNamed(trace, thread);
  const byThread = new Map<string, { tasks: Span[]; awake: Span[] }>();
  for (const event of trace) {
    const key = threadOf(event);
    const awake = event.name === AWAKE;
    if (event.ph !== 'X' || !(awake || TASKS.has(event.name)) || !threads.has(key)) continue;
    const spans = byThread.get(key) ?? { tasks: [], awake: [] };
    (awake ? spans.awake : spans.tasks).push({ start: event.ts, end: event.ts + (event.dur ?? 0) });
    byThread.set(key, spans);
  }
  const own = probeOwnSpans(trace);
  return [...byThread].map(([key, spans]) => ({ ...spans, own: own.get(key) ?? [] }));
};

/**
 * The busy spans (µs) of the threads named `thread`, nested and overlapping tasks merged within
 * each thread, the probes' own runs taken out; where several threads have the name (the board's
 * two workers), their spans are listed together, so busy time is their sum, as the CPU pays it.
 */
const busySpans = (trace: Trace, thread: string = MAIN_THREAD): Span[] =>
  threadSpans(trace, thread).flatMap(({ tasks, awake, own }) =>
    withoutSpans(mergeSpans([...tasks, ...awake]), own),
  );

/**
 * A step's busy µs on the threads' spans from `from` to `to`: a task across either end counts
 * whole (it is the step's, or the step waited on it), an awake span only its part inside.
 */
const stepBusy = (threads: readonly ThreadSpans[], from: number, to: number): number =>
  threads.reduce((sum, { tasks, awake, own }) => {
    const overlaps = (span: Span) => span.end >= from && span.start <= to;
    const inside = [
      ...tasks.filter(overlaps),
      ...awake
        .filter(overlaps)
        .map((span) => ({ start: Math.max(span.start, from), end: Math.min(span.end, to) })),
    ];
    return (
      sum + withoutSpans(mergeSpans(inside), own).reduce((total, span) => total + span.end - span.start, 0)
    );
  }, 0);

const threadOf = (event: TraceEvent): string => `${event.pid}:${event.tid}`;

const threadsNamed = (trace: Trace, thread: string): Set<string> =>
  new Set(trace.filter((event) => event.name === 'thread_name' && event.args?.name === thread).map(threadOf));

/** The probes' own runs (PROBE_OWN measures: a begin and an end event each), by thread, in order. */
const probeOwnSpans = (trace: Trace): Map<string, Span[]> => {
  const begun = new Map<string, TraceEvent>();
  const byThread = new Map<string, Span[]>();
  for (const event of trace) {
    if (event.name !== PROBE_OWN) continue;
    const id = `${event.pid}:${event.id2?.local}`;
    if (event.ph === 'b') begun.set(id, event);
    const begin = begun.get(id);
    if (event.ph !== 'e' || !begin) continue;
    begun.delete(id);
    const spans = byThread.get(threadOf(begin)) ?? [];
    spans.push({ start: begin.ts, end: event.ts });
    byThread.set(threadOf(begin), spans);
  }
  return new Map([...byThread].map(([key, spans]) => [key, mergeSpans(spans)]));
};

/** `spans` with every part that `cut` covers taken out (both merged and in order). */
const withoutSpans = (spans: readonly Span[], cut: readonly Span[]): Span[] =>
  spans.flatMap((span) => {
    const pieces: Span[] = [];
    let start = span.start;
    for (const gap of cut) {
      if (gap.end <= start || gap.start >= span.end) continue;
      if (gap.start > start) pieces.push({ start, end: gap.start });
      start = Math.max(start, gap.end);
    }
    if (start < span.end) pieces.push({ start, end: span.end });
    return pieces;
  });

/** One thread's tasks, nested and overlapping ones merged, in order. */
const mergeSpans = (tasks: Span[]): Span[] => {
  const merged: Span[] = [];
  for (const task of tasks.sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && task.start <= last.end)
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, task.end) };
    else merged.push(task);
  }
  return merged;
};

/** Busy µs of `spans` within [from, to): a task across either end counts only its part inside. */
const busyWithin = (spans: readonly Span[], from: number, to: number): number =>
  spans.reduce((sum, span) => sum + Math.max(0, Math.min(span.end, to) - Math.max(span.start, from)), 0);

/** A step's start or end: the clock sync marker of that name (step-marks.ts). */
const markTime = (trace: Trace, name: string): number => {
  const mark = trace.find((event) => event.name === 'clock_sync' && event.args?.sync_id === name);
  if (!mark) throw new Error(`The trace has no marker ${name}: the probe's markers were not traced`);
  return mark.ts;
};

/** Each step's main-thread busy ms, by step number, from the trace of the steps. */
export const stepWork = (trace: Trace, steps: readonly number[]): Map<number, number> => {
  const threads = threadSpans(trace, MAIN_THREAD);
  if (!threads.some((thread) => thread.tasks.length > 0))
    throw new Error('The trace has no tasks on the renderer main thread');
  const work = new Map<number, number>();
  for (const step of steps) {
    const busy = stepBusy(threads, markTime(trace, startMark(step)), markTime(trace, endMark(step)));
    work.set(step, busy / 1000);
  }
  return work;
};

/**
 * Each frame's main-thread busy ms in a step that runs an animation: every task from the frame's
 * start (its FRAME_MARK, set first thing in the frame's rAF callbacks) to the next frame's start,
 * from any source: the frame's rAF, style, layout, paint and commit, and the tasks queued after
 * it (React's render and effects, timers). The first frame's span starts at the step's start
 * mark, so the input that starts the animation is that frame's work. Only the frames that began
 * within `withinMs` of the step's start are taken; the last one ends at the step's end mark.
 */
export const frameWork = (trace: Trace, step: number, withinMs: number): number[] =>
  frameSpans(trace, step, withinMs).map((frame) => frame.work);

/** A frame of a step, as frameWork cuts it: where it runs in the trace (µs) and its busy ms. */
export interface FrameSpan {
  readonly from: number;
  readonly to: number;
  readonly work: number;
}

/** frameWork's frames with their bounds, so other marks can be placed in them. */
export const frameSpans = (trace: Trace, step: number, withinMs: number): FrameSpan[] => {
  const spans = busySpans(trace);
  const start = markTime(trace, startMark(step));
  const end = markTime(trace, endMark(step));
  const marks = markTimes(trace, FRAME_MARK, start, end);
  const taken = marks.filter((mark) => mark <= start + withinMs * 1000);
  return taken.map((mark, index) => {
    const from = index === 0 ? start : mark;
    const to = marks[index + 1] ?? end;
    return { from, to, work: busyWithin(spans, from, to) / 1000 };
  });
};

/** The times (µs) of every mark named `name` strictly between `from` and `to`, in order. */
export const markTimes = (trace: Trace, name: string, from: number, to: number): number[] =>
  trace
    .filter((event) => event.name === name && event.ts > from && event.ts < to)
    .map((event) => event.ts)
    .sort((a, b) => a - b);

/** The busy ms of the threads named `thread` (the main thread unless named) from step `step`'s start mark to its end mark. */
export const busyBetweenMarks = (trace: Trace, step: number, thread: string = MAIN_THREAD): number =>
  busyWithin(busySpans(trace, thread), markTime(trace, startMark(step)), markTime(trace, endMark(step))) /
  1000;

/** The ms the probes themselves ran on the main thread within step `step` (taken out of its work). */
export const probeOwnBetweenMarks = (trace: Trace, step: number): number => {
  const from = markTime(trace, startMark(step));
  const to = markTime(trace, endMark(step));
  const main = threadsNamed(trace, MAIN_THREAD);
  const own = [...probeOwnSpans(trace)].flatMap(([key, spans]) => (main.has(key) ? spans : []));
  return busyWithin(own, from, to) / 1000;
};

/** The busy ms of the threads named `thread` over the whole trace. */
export const busyInTrace = (trace: Trace, thread: string): number =>
  busySpans(trace, thread).reduce((sum, span) => sum + span.end - span.start, 0) / 1000;
