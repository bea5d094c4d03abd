import type { CDPSession } from 'playwright-core';
import { recordTrace, type TraceEvent } from './main-thread-trace.ts';

/**
 * Where the renderer's main thread spends its time, native work included (style, layout,
 * paint, handing canvases to the compositor), which a JavaScript profile shows only as
 * "(program)". Recorded with the DevTools protocol's tracing and summed as self time per trace
 * event name.
 */

export interface Phase {
  readonly name: string;
  /** Self time in ms, over the whole traced action. */
  readonly self: number;
}

export const BREAKDOWN_CATEGORIES = [
  'toplevel',
  'blink',
  'cc',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
];

/** Wrappers that only dispatch: their self time is scheduling noise, not work. */
const PLUMBING = new Set([
  'ThreadControllerImpl::RunTask',
  'RunTask',
  'ThreadPool_RunTask',
  'SimpleWatcher::OnHandleReady',
  'Receive mojo message',
  'Receive mojo reply',
]);

export const traceDuring = async (cdp: CDPSession, action: () => Promise<void>): Promise<Phase[]> =>
  selfTimes(await recordTrace(cdp, { includedCategories: BREAKDOWN_CATEGORIES }, action));

/** Self time per trace event name on the renderer's main thread, over a whole trace. */
export const selfTimes = (events: readonly TraceEvent[]): Phase[] => {
  const mainThreads = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ph !== 'X' || event.dur === undefined || !mainThreads.has(thread)) continue;
    const list = byThread.get(thread);
    if (list) list.push(event);
    else byThread.set(thread, [event]);
  }
  const self = new Map<string, number>();
  for (const thread of byThread.values()) {
    // Complete events nest on a thread: a parent's self time is its duration minus its children's.
    thread.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const open: { event: TraceEvent; children: number }[] = [];
    const close = (entry: { event: TraceEvent; children: number }) => {
      const duration = entry.event.dur ?? 0;
      self.set(entry.event.name, (self.get(entry.event.name) ?? 0) + duration - entry.children);
      const parent = open[open.length - 1];
      if (parent) parent.children += duration;
    };
    for (const event of thread) {
      for (let top = open[open.length - 1]; top && top.event.ts + (top.event.dur ?? 0) <= event.ts; ) {
        open.pop();
        close(top);
        top = open[open.length - 1];
      }
      open.push({ event, children: 0 });
    }
    for (let top = open.pop(); top; top = open.pop()) close(top);
  }
  return [...self.entries()]
    .filter(([name]) => !PLUMBING.has(name))
    .map(([name, micros]) => ({ name, self: micros / 1000 }))
    .sort((a, b) => b.self - a.self);
};
