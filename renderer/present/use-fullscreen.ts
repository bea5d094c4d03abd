import { type RefObject, useEffect } from 'react';

/** The Keyboard Lock API (Chromium): in full screen, Escape reaches the page instead of leaving it. */
interface KeyboardLock {
  lock?(keys: readonly string[]): Promise<void>;
  unlock?(): void;
}

const keyboardLock = (): KeyboardLock | undefined =>
  (navigator as Navigator & { keyboard?: KeyboardLock }).keyboard;

/**
 * Shows the element full screen while it is mounted. Where full screen is refused (no user
 * gesture, as from the desktop menu; a headless browser), the window itself is made full screen
 * (`windowFullScreen`, the desktop shell's) if it can be, and the element stays as it is styled:
 * a fixed layer over the whole window. Escape is kept for the page (it closes the spotlight
 * first); leaving full screen by the browser's own means (holding Escape, F11) calls `onExit`.
 */
export const useFullscreen = (
  element: RefObject<HTMLElement | null>,
  onExit: () => void,
  windowFullScreen?: (on: boolean) => void,
): void => {
  useEffect(() => {
    const shown = element.current;
    if (!shown?.requestFullscreen) return;
    let entered = false;
    let windowMadeFull = false;
    let left = false;
    const onChange = () => {
      if (document.fullscreenElement === shown) {
        entered = true;
        keyboardLock()
          ?.lock?.(['Escape'])
          .catch(() => undefined);
        return;
      }
      if (entered) onExit();
      entered = false;
    };
    document.addEventListener('fullscreenchange', onChange);
    shown.requestFullscreen().catch(() => {
      // Refused after present mode was left: the window stays as it is.
      if (!windowFullScreen || left) return;
      windowMadeFull = true;
      windowFullScreen(true);
    });
    return () => {
      left = true;
      if (windowMadeFull) windowFullScreen?.(false);
      document.removeEventListener('fullscreenchange', onChange);
      keyboardLock()?.unlock?.();
      if (document.fullscreenElement === shown) document.exitFullscreen().catch(() => undefined);
    };
  }, [element, onExit, windowFullScreen]);
};
