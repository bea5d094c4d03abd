/**
 * The projector window in the browser build: a second tab or popup of this page with
 * `#projector=<id>`, which the board's tab reaches over a BroadcastChannel (same origin). The
 * tab the browser gave back is kept, so it can be closed again from the board.
 */
const PROJECTOR_TARGET = 'journeywall-projector';
const PROJECTOR_FEATURES = 'popup,width=1280,height=720';

export interface BrowserProjector {
  openProjector(id: string): Promise<boolean>;
  closeProjector(): Promise<void>;
}

export const createBrowserProjector = (): BrowserProjector => {
  let projector: WindowProxy | null = null;

  const closeProjector = async (): Promise<void> => {
    if (projector && !projector.closed) projector.close();
    projector = null;
  };

  return {
    openProjector: async (id) => {
      // A fresh tab for each id: reusing the named one would be a same-page hash change.
      await closeProjector();
      const page = new URL(location.href);
      page.hash = '';
      // A popup blocker answers null.
      projector = window.open(`${page.href}#projector=${id}`, PROJECTOR_TARGET, PROJECTOR_FEATURES);
      return projector !== null;
    },
    closeProjector,
  };
};

/**
 * The page full screen or back. The browser refuses it outside a user gesture (or in a frame
 * that may not): then the page simply stays as it is.
 */
export const setPageFullScreen = async (on: boolean): Promise<void> => {
  try {
    if (on && !document.fullscreenElement) await document.documentElement.requestFullscreen();
    if (!on && document.fullscreenElement) await document.exitFullscreen();
  } catch {
    // Refused: nothing changes, which the caller sees in document.fullscreenElement.
  }
};
