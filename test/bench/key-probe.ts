import type { Page } from 'playwright-core';

/**
 * The main-thread time a key press takes to handle, from the first keydown listener to the last,
 * whatever phase the app listens in. frame-probe.ts's own span ends at a bubbling listener on
 * window added before the app's, which runs before the board's window listener and never runs in
 * present mode (its capture listener on window stops the key there). So here the start is a
 * capture listener on window added before the app's, and the end is the later of a capture and
 * a bubbling listener on window added again before each key, after every listener of the app's.
 * Microtasks run between listeners, so React's synchronous re-render and commit are inside.
 */
/** A key as the DevTools protocol's Input.dispatchKeyEvent sends it. */
export interface Key {
  readonly key: string;
  readonly code: string;
  readonly keyCode: number;
}

export interface KeyHandling {
  /** Page time of the first listener. */
  readonly start: number;
  readonly handling: number;
}

interface KeyProbe {
  arm(): void;
  /** When the first listener ran, and ms from it to the last; NaN when no keydown came since arm. */
  last(): KeyHandling;
}

declare global {
  interface Window {
    __journeywallKeyProbe?: KeyProbe;
  }
}

/** Runs in the page before the app: keep it self-contained (it is sent as source text). */
function installKeyProbe(): void {
  let start = Number.NaN;
  let end = Number.NaN;
  window.addEventListener(
    'keydown',
    () => {
      if (Number.isNaN(start)) start = performance.now();
    },
    { capture: true },
  );
  const last = () => {
    end = performance.now();
  };
  window.__journeywallKeyProbe = {
    arm: () => {
      start = Number.NaN;
      end = Number.NaN;
      for (const capture of [true, false]) {
        window.removeEventListener('keydown', last, { capture });
        window.addEventListener('keydown', last, { capture });
      }
    },
    last: () => ({ start, handling: end - start }),
  };
}

export const injectKeyProbe = async (page: Page): Promise<void> => {
  await page.addInitScript({
    content: `globalThis.__name = globalThis.__name || ((fn) => fn);\n(${installKeyProbe.toString()})();`,
  });
};

/** Puts the probe's last listeners after the app's, for the next key. */
export const armKey = async (page: Page): Promise<void> => {
  await page.evaluate(() => window.__journeywallKeyProbe?.arm());
};

export const keyHandling = async (page: Page): Promise<KeyHandling> => {
  const handling = await page.evaluate(() => window.__journeywallKeyProbe?.last() ?? null);
  if (!handling || Number.isNaN(handling.handling)) throw new Error('The key probe saw no keydown');
  return handling;
};
