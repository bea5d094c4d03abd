/**
 * The app's one window. It shows the library and the board (the renderer switches screens), so a
 * single renderer is the only writer to IndexedDB: two windows on one map could overwrite each
 * other's edits. The renderer runs sandboxed, isolated from the preload, without Node.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import { BOARD_BACKGROUND } from '../../shared/model/palette.ts';
import { APP_ENTRY_URL } from './app-origin.ts';
import { MIN_SIZE, type WindowPlacement } from './window-state.ts';

export interface MainWindowConfig {
  readonly preloadPath: string;
  readonly placement: WindowPlacement;
  /** DevTools only in development builds. */
  readonly devTools: boolean;
}

export function mainWindowOptions({
  preloadPath,
  placement,
  devTools,
}: MainWindowConfig): BrowserWindowConstructorOptions {
  return {
    ...placement.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Journeywall',
    // The board's own colour, so there is no flash of a different colour before the first paint.
    backgroundColor: BOARD_BACKGROUND,
    // Shown once the first frame is ready, so the user never sees a blank white window.
    show: false,
    webPreferences: { preload: preloadPath, ...hardenedWebPreferences(devTools) },
  };
}

/** What every window of the app runs with: sandboxed, isolated, without Node. */
export function hardenedWebPreferences(devTools: boolean): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools,
  };
}

export function createMainWindow(config: MainWindowConfig): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(config));
  // Maximizing shows a hidden window, so it too waits for the first frame.
  window.once('ready-to-show', () => {
    if (config.placement.isMaximized) window.maximize();
    window.show();
  });
  // A failed load is also reported as did-fail-load, where window-recovery.ts offers a reload.
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('[window] could not load the app', error);
  });
  return window;
}
