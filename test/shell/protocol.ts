/**
 * The messages between the harness (the test process: Chromium, the preload sandbox) and the
 * stand-in main process (a child Node process running dist-electron/main.cjs). They cross a
 * child-process channel with `serialization: 'advanced'` (V8's structured clone), the way
 * Electron's IPC crosses between its processes.
 */

/** What main learns about a frame: the same fields Electron's WebFrameMain offers. */
export interface FrameInfo {
  readonly frameToken: string;
  readonly processId: number;
  readonly routingId: number;
  /** In the app's terms: app://journeywall/… rather than the https stand-in origin. */
  readonly url: string;
  readonly parent: FrameInfo | null;
}

/** A serialisable copy of a menu item, for the harness to find and click items by label. */
export interface MenuSnapshot {
  readonly label: string;
  readonly role: string | null;
  readonly id: string | null;
  readonly accelerator: string | null;
  readonly enabled: boolean;
  readonly submenu: MenuSnapshot[] | null;
}

export type DialogMethod = 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox';

/** How a request for the renderer's main frame started: by main (loadURL, reload) or by the page. */
export type Navigation = 'none' | 'browser' | 'renderer';

export type RequestOutcome =
  | {
      readonly action: 'fulfill';
      readonly status: number;
      readonly headers: Record<string, string>;
      readonly body: Uint8Array;
    }
  /** `refused`: will-navigate prevented; `cancelled`: webRequest cancelled; `failed`: no response. */
  | { readonly action: 'refused' | 'cancelled' | 'failed'; readonly reason: string };

export type ContentsEvent =
  | { readonly name: 'dom-ready' | 'did-finish-load' | 'ready-to-show' }
  | { readonly name: 'did-navigate'; readonly url: string; readonly mainFrame: FrameInfo }
  | { readonly name: 'render-process-gone'; readonly reason: string; readonly exitCode: number };

export interface SlowRename {
  /** The file whose final rename (temp file over target) waits. */
  readonly target: string;
  readonly ms: number;
}

/** Faults the stand-in injects, as a slow disk or a failing network layer would. */
export interface Faults {
  /** The first N loads of the main frame fail with ERR_FAILED (the page never arrives). */
  readonly failLoads?: number;
  /** This stand-in API throws the error Electron throws when it cannot do its job. */
  readonly breakApi?: 'protocol.handle';
}

/** A rectangle in screen coordinates, as Electron's Rectangle. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface MainOptions {
  /** The command line after the executable, as the OS passes it. */
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly platform: NodeJS.Platform;
  readonly paths: { readonly userData: string; readonly documents: string; readonly home: string };
  /** macOS hands files over as 'open-file' events, possibly before 'ready'. */
  readonly openFilesBeforeReady: readonly string[];
  readonly faults: Faults;
  /** The bundle to run: dist-electron/main.cjs, or a small script for the stand-in's own tests. */
  readonly entry: string;
  /** The folder `electron .` was started in: its package.json gives the app's name and version. */
  readonly appPath: string;
  /** The bounds of each display, the primary (the one with the taskbar) first. */
  readonly displays: readonly Rect[];
}

/** Harness → main process. */
export type ToMain =
  | {
      readonly kind: 'invoke';
      readonly id: number;
      readonly webContentsId: number;
      readonly frame: FrameInfo | null;
      readonly channel: string;
      readonly args: unknown[];
    }
  | {
      readonly kind: 'request';
      readonly id: number;
      readonly webContentsId: number;
      readonly url: string;
      readonly method: string;
      readonly headers: Record<string, string>;
      readonly resourceType: string;
      readonly navigation: Navigation;
    }
  | { readonly kind: 'contents-event'; readonly webContentsId: number; readonly event: ContentsEvent }
  | { readonly kind: 'reply'; readonly id: number; readonly value: unknown }
  | {
      readonly kind: 'window-open';
      readonly id: number;
      readonly webContentsId: number;
      readonly url: string;
    }
  | { readonly kind: 'menu-click'; readonly id: number; readonly path: readonly string[] }
  | {
      readonly kind: 'download';
      readonly id: number;
      readonly webContentsId: number;
      readonly url: string;
      readonly filename: string;
    }
  | { readonly kind: 'user-close'; readonly windowId: number }
  | { readonly kind: 'activate' }
  | { readonly kind: 'open-file'; readonly path: string }
  | { readonly kind: 'slow-rename'; readonly fault: SlowRename };

/** Main process → harness. */
export type ToHarness =
  | {
      readonly kind: 'window-created';
      readonly windowId: number;
      readonly webContentsId: number;
      /** Where the window is: its display's bounds when it opens full screen. */
      readonly bounds: Rect;
      readonly fullScreen: boolean;
      readonly title: string;
      readonly contextIsolation: boolean;
      readonly preload: string | null;
    }
  /** The window's content size changed (full screen, back): the page's viewport follows. */
  | {
      readonly kind: 'window-resized';
      readonly windowId: number;
      readonly width: number;
      readonly height: number;
    }
  | { readonly kind: 'window-event'; readonly windowId: number; readonly name: string; readonly at: number }
  | { readonly kind: 'close-page'; readonly id: number; readonly webContentsId: number }
  | { readonly kind: 'load-url'; readonly id: number; readonly webContentsId: number; readonly url: string }
  | {
      readonly kind: 'contents-send';
      readonly webContentsId: number;
      readonly channel: string;
      readonly args: unknown[];
    }
  | { readonly kind: 'invoke-result'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly kind: 'invoke-result'; readonly id: number; readonly ok: false; readonly message: string }
  | { readonly kind: 'request-result'; readonly id: number; readonly outcome: RequestOutcome }
  | { readonly kind: 'window-open-result'; readonly id: number; readonly action: 'allow' | 'deny' }
  | { readonly kind: 'menu-click-result'; readonly id: number; readonly error: string | null }
  | { readonly kind: 'download-result'; readonly id: number; readonly cancelled: boolean }
  | {
      readonly kind: 'dialog';
      readonly id: number;
      readonly method: DialogMethod;
      readonly options: Record<string, unknown>;
      readonly windowId: number | null;
    }
  | { readonly kind: 'error-box'; readonly title: string; readonly content: string }
  | { readonly kind: 'app-event'; readonly name: string; readonly at: number }
  | {
      readonly kind: 'privileged-schemes';
      readonly schemes: readonly { scheme: string; standard: boolean; secure: boolean }[];
    }
  | { readonly kind: 'menu'; readonly items: MenuSnapshot[] | null }
  | { readonly kind: 'fault-holding'; readonly path: string }
  | { readonly kind: 'stand-in-error'; readonly message: string };
