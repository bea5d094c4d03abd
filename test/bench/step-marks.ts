import type { CDPSession } from 'playwright-core';

/**
 * Where each step starts and ends, for the stricter probe (step-work.ts): a clock sync marker
 * (the DevTools protocol's `Tracing.recordClockSyncMarker`) just before the step's input is sent,
 * and another once the renderer is quiet again. The browser process records them in the trace on
 * the clock of the renderer's own tasks, so the trace can be cut at them, and setting them runs
 * nothing on the renderer's main thread: a step's window holds only what the page does. (Until
 * 2026-12-06 they were `performance.mark`s set by a `Runtime.evaluate`, a task of the probe's own
 * at each end of every step.)
 */
const PREFIX = 'journeywall-bench:';

/** Set by the animation frame recorder (animation-frames.ts) at the start of each frame, in the page. */
export const FRAME_MARK = `${PREFIX}frame`;

/**
 * What the probes themselves run inside the app's tasks (the painted watch's observer, the old
 * probe's listeners, rAF callback and message handler, the frame recorder's callbacks): each such
 * callback ends with a `performance.measure` of this name over its own run, so the trace can take
 * it out of a step's work (main-thread-trace.ts). What stays in: the measure's own call, after its
 * end (some µs), and the key probe's two listeners (a `performance.now()` each).
 */
export const PROBE_OWN = `${PREFIX}own`;

/** Wraps a probe's callback so that each of its runs is measured. */
export type OwnRuns = <A extends unknown[]>(callback: (...args: A) => void) => (...args: A) => void;

/**
 * Runs in the page: keep it self-contained (it is sent as source text). One entry of the name is
 * kept in the page's timeline; the trace holds every one.
 */
function measuredAs(name: string): OwnRuns {
  return (callback) =>
    (...args) => {
      const start = performance.now();
      callback(...args);
      performance.clearMeasures(name);
      performance.measure(name, { start });
    };
}

/** Source text of the PROBE_OWN wrapper, handed to a probe's init script. */
export const probeOwnSource = `(${measuredAs.toString()})(${JSON.stringify(PROBE_OWN)})`;

export const startMark = (step: number): string => `${PREFIX}start:${step}`;
export const endMark = (step: number): string => `${PREFIX}end:${step}`;

const marker = async (cdp: CDPSession, name: string): Promise<void> => {
  await cdp.send('Tracing.recordClockSyncMarker', { syncId: name });
};

export const markStart = (cdp: CDPSession, step: number): Promise<void> => marker(cdp, startMark(step));

export const markEnd = (cdp: CDPSession, step: number): Promise<void> => marker(cdp, endMark(step));
