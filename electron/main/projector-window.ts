/**
 * The projector window: present mode on a second screen while the board window keeps the
 * editable board. It shows the app's own page with `#projector=<id>`; the two pages talk over a
 * BroadcastChannel tagged with the id, so this window needs no bridge and gets no preload (main's
 * IPC gate trusts the board window only, in any case). It never takes the focus from the board
 * window, where a presentation clicker's keys must keep landing.
 */
import { BrowserWindow, type Display, type Rectangle, screen } from 'electron';
import { APP_ENTRY_URL } from './app-origin.ts';
import { hardenedWebPreferences } from './window.ts';

export const PROJECTOR_TITLE = 'Journeywall – projector';
/** The present view's own dark, so the window does not flash white before its first paint. */
const PROJECTOR_BACKGROUND = '#141517';
/** Without a second display: a 720p window the user can drag to the projector and make full screen. */
export const PROJECTOR_WINDOW_SIZE = { width: 1280, height: 720 } as const;

export interface ProjectorPlacement extends Rectangle {
  readonly fullscreen: boolean;
}

/**
 * Full screen on the first display the board is not on; with one display, a window centred on
 * it (shrunk to its work area if that is smaller).
 */
export function placeProjector(boardDisplay: Display, displays: readonly Display[]): ProjectorPlacement {
  const other = displays.find((display) => display.id !== boardDisplay.id);
  if (other) return { ...other.bounds, fullscreen: true };
  const area = boardDisplay.workArea;
  const width = Math.min(PROJECTOR_WINDOW_SIZE.width, area.width);
  const height = Math.min(PROJECTOR_WINDOW_SIZE.height, area.height);
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
    fullscreen: false,
  };
}

export interface ProjectorConfig {
  /** The board window the projector belongs to; null while there is none. */
  readonly getBoardWindow: () => BrowserWindow | null;
  /** DevTools only in development builds, as in the board window. */
  readonly devTools: boolean;
}

export interface ProjectorWindow {
  /** Opens the projector window for the board's channel `id`, closing one already open. */
  open(id: string): boolean;
  /** Closes the projector window, if one is open. */
  close(): void;
}

export function createProjectorWindow({ getBoardWindow, devTools }: ProjectorConfig): ProjectorWindow {
  let current: BrowserWindow | null = null;

  const close = (): void => {
    if (current && !current.isDestroyed()) current.close();
    current = null;
  };

  const open = (id: string): boolean => {
    const board = getBoardWindow();
    if (!board || board.isDestroyed()) return false;
    close();
    const placement = placeProjector(screen.getDisplayMatching(board.getBounds()), screen.getAllDisplays());
    const window = new BrowserWindow({
      ...placement,
      title: PROJECTOR_TITLE,
      backgroundColor: PROJECTOR_BACKGROUND,
      show: false,
      webPreferences: hardenedWebPreferences(devTools),
    });
    current = window;
    // The title names the window in the taskbar and in screen-sharing pickers; the page's own
    // title (the map's name) would make it look like a second board.
    window.on('page-title-updated', (event) => event.preventDefault());
    // The page has nothing to save, so it may never hold up its closing or the app's quit.
    window.webContents.on('will-prevent-unload', (event) => event.preventDefault());
    window.once('ready-to-show', () => window.showInactive());
    // A projector without its board would show a map nobody can drive, and keep the app alive.
    const closeWithBoard = (): void => {
      if (!window.isDestroyed()) window.close();
    };
    board.once('closed', closeWithBoard);
    window.once('closed', () => {
      board.removeListener('closed', closeWithBoard);
      if (current === window) current = null;
    });
    window.loadURL(`${APP_ENTRY_URL}#projector=${id}`).catch((error: unknown) => {
      console.error('[projector] could not load the present view', error);
    });
    return true;
  };

  return { open, close };
}
