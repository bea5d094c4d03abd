import type { CDPSession } from 'playwright-core';

/**
 * Where each step starts and ends on the renderer's main thread, for the stricter probe
 * (step-work.ts): a `performance.mark` just before the step's input is sent (with the old probe
 * armed in the same task) and one once the renderer is quiet again. Marks land in the trace
 * (category `blink.user_timing`), on the same clock as its tasks, so the trace can be cut at them.
 * They are set with a bare `Runtime.evaluate`, the cheapest task the protocol can run in the
 * page, since the probe's own tasks count as the step's work too.
 */
const PREFIX = 'journeywall-bench:';

/** Set by the animation frame recorder (animation-frames.ts) at the start of each frame. */
export const FRAME_MARK = `${PREFIX}frame`;

export const startMark = (step: number): string => `${PREFIX}start:${step}`;
export const endMark = (step: number): string => `${PREFIX}end:${step}`;

const evaluate = async (cdp: CDPSession, expression: string): Promise<void> => {
  const { exceptionDetails } = await cdp.send('Runtime.evaluate', { expression });
  if (exceptionDetails) throw new Error(`The step mark failed: ${exceptionDetails.text}`);
};

/** Marks the step's start and arms the old probe (frame-probe.ts) for it. */
export const markStart = (cdp: CDPSession, step: number): Promise<void> =>
  evaluate(cdp, `performance.mark('${startMark(step)}'); window.__journeywallProbe?.arm();`);

/** Marks the step's end; only the trace needs the marks, so the page's timeline drops them. */
export const markEnd = (cdp: CDPSession, step: number): Promise<void> =>
  evaluate(
    cdp,
    `performance.mark('${endMark(step)}'); performance.clearMarks('${startMark(step)}'); performance.clearMarks('${endMark(step)}');`,
  );
