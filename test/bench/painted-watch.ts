import type { CDPSession } from 'playwright-core';
import { probeOwnSource } from './step-marks.ts';

/**
 * Whether the board's paper is current (use-board-painter.ts's `data-painted`), as the page
 * reports it: a MutationObserver in the page calls a DevTools binding whenever the attribute
 * changes, so the bench learns it with no task of its own on the page's main thread (the
 * observer's callback runs in the app's task that changed the attribute). A page without a board
 * counts as painted. The callback's run is the probe's, not the app's: it is measured as
 * PROBE_OWN and taken out of the step. The binding's call sends a message out of the renderer,
 * and took up to 10 ms in a zoom step while the board's workers and the compositor held both
 * cores (p50 0.1 ms).
 */
export interface PaintedWatch {
  readonly behind: boolean;
  /** Resolves true once the paper is no longer behind, false after `timeoutMs`. */
  untilPainted(timeoutMs: number): Promise<boolean>;
  /** Takes the observer and the binding away, so nothing of the watch runs in the page after it. */
  stop(): Promise<void>;
}

const BINDING = '__journeywallBenchPainted';
const BEHIND = 'behind';

/**
 * Installs the observer (once per document: a watch started after a reload installs it again)
 * and returns the attribute's value now.
 */
const OBSERVE = `(() => {
  if (!window.__journeywallBenchPaintedObserver) {
    const own = ${probeOwnSource};
    window.__journeywallBenchPaintedObserver = new MutationObserver(own((records) => {
      for (const record of records)
        ${BINDING}(record.target.getAttribute('data-painted') ?? '');
    }));
    window.__journeywallBenchPaintedObserver.observe(document, {
      subtree: true,
      attributes: true,
      attributeFilter: ['data-painted'],
    });
  }
  return document.querySelector('.board')?.getAttribute('data-painted') ?? '';
})()`;

const UNOBSERVE = `window.__journeywallBenchPaintedObserver?.disconnect();
delete window.__journeywallBenchPaintedObserver;`;

export const watchPainted = async (cdp: CDPSession): Promise<PaintedWatch> => {
  let state = '';
  let wake: (() => void) | null = null;
  const called = (event: { name: string; payload: string }) => {
    if (event.name !== BINDING) return;
    state = event.payload;
    wake?.();
  };
  cdp.on('Runtime.bindingCalled', called);
  await cdp.send('Runtime.addBinding', { name: BINDING });
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: OBSERVE,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`The painted watch failed: ${exceptionDetails.text}`);
  state = String(result.value);
  return {
    get behind() {
      return state === BEHIND;
    },
    untilPainted: (timeoutMs) =>
      new Promise<boolean>((resolve) => {
        if (state !== BEHIND) {
          resolve(true);
          return;
        }
        const timer = setTimeout(() => {
          wake = null;
          resolve(false);
        }, timeoutMs);
        wake = () => {
          if (state === BEHIND) return;
          clearTimeout(timer);
          wake = null;
          resolve(true);
        };
      }),
    stop: async () => {
      cdp.off('Runtime.bindingCalled', called);
      await cdp.send('Runtime.evaluate', { expression: UNOBSERVE });
      await cdp.send('Runtime.removeBinding', { name: BINDING });
    },
  };
};
