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

export const startMark = (step: number): string => `${PREFIX}start:${step}`;
export const endMark = (step: number): string => `${PREFIX}end:${step}`;

const marker = async (cdp: CDPSession, name: string): Promise<void> => {
  await cdp.send('Tracing.recordClockSyncMarker', { syncId: name });
};

export const markStart = (cdp: CDPSession, step: number): Promise<void> => marker(cdp, startMark(step));

export const markEnd = (cdp: CDPSession, step: number): Promise<void> => marker(cdp, endMark(step));
