import { describe, expect, it } from 'vitest';
import {
  busyBetweenMarks,
  frameWork,
  probeOwnBetweenMarks,
  stepWork,
  type TraceEvent,
  WORKER_THREAD,
} from '../bench/main-thread-trace.ts';
import { endMark, FRAME_MARK, PROBE_OWN, startMark } from '../bench/step-marks.ts';

/** A trace as Chromium writes it: the renderer's main thread named, tasks as complete events (µs). */
const MAIN = { pid: 1, tid: 7 };
const named: TraceEvent = { name: 'thread_name', ph: 'M', ts: 0, ...MAIN, args: { name: 'CrRendererMain' } };
/** A task; or, named `ThreadController active`, a span in which the thread is awake. */
const task = (
  ms: number,
  durationMs: number,
  thread = MAIN,
  name = 'ThreadControllerImpl::RunTask',
): TraceEvent => ({
  name,
  ph: 'X',
  ts: ms * 1000,
  dur: durationMs * 1000,
  ...thread,
});
/** A mark the page sets (the frame recorder's). */
const mark = (name: string, ms: number): TraceEvent => ({ name, ph: 'R', ts: ms * 1000, ...MAIN });
/** A probe's own run inside an app's task: a `performance.measure`, as a begin and an end event. */
const own = (id: string, ms: number, durationMs: number): TraceEvent[] => [
  { name: PROBE_OWN, ph: 'b', ts: ms * 1000, ...MAIN, id2: { local: id } },
  { name: PROBE_OWN, ph: 'e', ts: (ms + durationMs) * 1000, ...MAIN, id2: { local: id } },
];
/** A step's start or end: a clock sync marker, which the browser process records. */
const BROWSER = { pid: 2, tid: 2 };
const marker = (name: string, ms: number): TraceEvent => ({
  name: 'clock_sync',
  ph: 'c',
  ts: ms * 1000,
  ...BROWSER,
  args: { sync_id: name },
});

describe("the bench's main-thread trace", () => {
  it("counts a step's tasks once each, nested and overlapping ones merged, on the renderer's main thread only", () => {
    const trace = [
      named,
      marker(startMark(1), 100),
      task(101, 4),
      // Nested in the task before: already counted.
      task(102, 1),
      task(110, 3),
      // Another thread's task: not the renderer's main thread.
      task(111, 50, { pid: 1, tid: 9 }),
      marker(endMark(1), 150),
      task(200, 10),
    ];
    expect(stepWork(trace, [1]).get(1)).toBeCloseTo(7);
  });

  it("counts the scheduler's own work around the tasks: the span the thread is awake, once", () => {
    const trace = [
      named,
      marker(startMark(5), 100),
      // Awake 101-111: two tasks, and the scheduler's work before, between and after them.
      task(101, 10, MAIN, 'ThreadController active'),
      task(102, 3),
      task(106, 4),
      // A task outside any awake span still counts.
      task(130, 2),
      marker(endMark(5), 150),
    ];
    expect(stepWork(trace, [5]).get(5)).toBeCloseTo(12);
  });

  it('counts an awake span that runs on across a marker only for its part inside the step', () => {
    const trace = [
      named,
      marker(startMark(6), 100),
      task(101, 2),
      // Awake from the step's last task on through the probe's own tasks after its end marker.
      task(140, 88, MAIN, 'ThreadController active'),
      task(140, 1),
      marker(endMark(6), 150),
      task(160, 3),
      marker(startMark(7), 230),
      task(231, 4),
      marker(endMark(7), 260),
    ];
    const work = stepWork(trace, [6, 7]);
    expect(work.get(6)).toBeCloseTo(12);
    expect(work.get(7)).toBeCloseTo(4);
  });

  it("takes the probes' own runs out of a step's work, and says how long they ran", () => {
    const trace = [
      named,
      marker(startMark(8), 100),
      // The app's wheel task, with the painted watch's callback inside it.
      task(101, 10),
      ...own('0x1', 104, 6),
      // The old probe's own message task.
      task(120, 1),
      ...own('0x2', 120.1, 0.8),
      marker(endMark(8), 150),
      // After the step: neither its work nor its probes'.
      task(160, 5),
      ...own('0x3', 161, 2),
    ];
    expect(stepWork(trace, [8]).get(8)).toBeCloseTo(4.2);
    expect(probeOwnBetweenMarks(trace, 8)).toBeCloseTo(6.8);
  });

  it("cuts a step at the browser's clock sync markers, counting a task that holds a marker whole", () => {
    const trace = [
      named,
      // Began just before the marker: the step's, whole (the input already being handled).
      task(99, 2),
      marker(startMark(3), 100),
      task(120, 3),
      marker(endMark(3), 150),
      // After the end marker: not the step's.
      task(151, 5),
    ];
    expect(stepWork(trace, [3]).get(3)).toBeCloseTo(5);
    expect(() => stepWork([named, task(1, 1), marker(startMark(4), 0)], [4])).toThrow(/no marker/);
  });

  it('sums the busy time of every worker thread of the name, each merged on its own', () => {
    const painter = { pid: 1, tid: 20 };
    const presenter = { pid: 1, tid: 21 };
    const trace = [
      named,
      { name: 'thread_name', ph: 'M', ts: 0, ...painter, args: { name: WORKER_THREAD } },
      { name: 'thread_name', ph: 'M', ts: 0, ...presenter, args: { name: WORKER_THREAD } },
      marker(startMark(1), 100),
      task(101, 30, painter),
      // Nested in the painter's task: counted once.
      task(105, 2, painter),
      // At the same time on the other worker: both threads' CPU.
      task(110, 4, presenter),
      // Cut at the step's end mark.
      task(145, 10, presenter),
      marker(endMark(1), 150),
    ];
    expect(busyBetweenMarks(trace, 1, WORKER_THREAD)).toBeCloseTo(39);
  });

  it("gives each frame the tasks from its start to the next frame's, the first frame holding the input", () => {
    const trace = [
      named,
      // A frame before the step: not its.
      mark(FRAME_MARK, 90),
      marker(startMark(2), 100),
      // The key press, before the first frame.
      task(100.5, 2),
      mark(FRAME_MARK, 105),
      task(105, 6),
      // React's render after the frame, queued in it.
      task(112, 3),
      mark(FRAME_MARK, 121.7),
      // A task across the next frame's start counts in each frame for its part there.
      task(130, 10),
      mark(FRAME_MARK, 138.4),
      // Past the animation: not taken.
      mark(FRAME_MARK, 155),
      task(156, 1),
      marker(endMark(2), 200),
    ];
    const frames = frameWork(trace, 2, 40);
    expect(frames).toHaveLength(3);
    expect(frames[0]).toBeCloseTo(11);
    expect(frames[1]).toBeCloseTo(8.4);
    expect(frames[2]).toBeCloseTo(1.6);
  });
});
