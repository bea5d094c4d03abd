/**
 * The stand-in `electron` module for the main process, assembled from its parts, and the handling
 * of what the harness reports (IPC from the page, page requests, page events, the user's menu
 * clicks and window closes, files the OS hands over). Members the app uses that the stand-in
 * lacks fail loudly rather than reading as undefined.
 */
import type { MainOptions, ToMain } from '../protocol.ts';
import { createApp, type StandInApp } from './app.ts';
import { StandInBrowserWindow, type WindowOptions, type WindowServices } from './browser-window.ts';
import { createDialog, type DialogWindow } from './dialog.ts';
import { createIpcMain } from './ipc-main.ts';
import type { Link } from './link.ts';
import { createMenuModule } from './menu.ts';
import { createEvent, createRuntime } from './runtime.ts';
import { createScreen } from './screen.ts';
import { createSessionModule } from './session.ts';
import type { StandInWebContents } from './web-contents.ts';

/** What esbuild's CommonJS interop and Node may probe on any module object. */
const TOLERATED = new Set(['__esModule', 'default', 'then', 'toJSON', 'constructor']);

export interface StandIn {
  readonly electron: Record<string, unknown>;
  readonly app: StandInApp;
}

export function createElectron(
  link: Link,
  options: MainOptions,
  terminate: (code: number) => Promise<void>,
): StandIn {
  const runtime = createRuntime(link, options);
  const app = createApp(runtime, terminate);
  const sessions = createSessionModule(runtime, options.faults);
  const ipcMain = createIpcMain(runtime);
  const screen = createScreen(runtime, options.displays);
  const contentsById = new Map<number, StandInWebContents>();
  const windows = (): StandInBrowserWindow[] =>
    runtime.windows.filter(
      (window): window is StandInBrowserWindow => window instanceof StandInBrowserWindow,
    );

  const services: WindowServices = {
    displayMatching: screen.displayMatching,
    emitCreated(window, contents) {
      contentsById.set(contents.id, contents);
      app.emit('web-contents-created', createEvent(), contents);
      app.emit('browser-window-created', createEvent(), window);
    },
  };

  class BrowserWindow extends StandInBrowserWindow {
    constructor(windowOptions?: WindowOptions) {
      super(runtime, services, windowOptions);
    }
    static getAllWindows = (): StandInBrowserWindow[] => windows();
  }

  const focusedOrFirst = (): StandInBrowserWindow | null =>
    windows().find((window) => window.isFocused()) ?? windows()[0] ?? null;
  const menu = createMenuModule(runtime, {
    appName: () => (app as unknown as { getName(): string }).getName(),
    run(role) {
      switch (role) {
        case 'quit':
          app.quit();
          return true;
        case 'close':
          focusedOrFirst()?.close();
          return true;
        case 'minimize':
          focusedOrFirst()?.minimize();
          return true;
        case 'togglefullscreen': {
          const window = focusedOrFirst();
          window?.setFullScreen(!window.isFullScreen());
          return true;
        }
        case 'window':
        case 'help':
          return false;
        default:
          // Editing, zoom, DevTools and macOS roles act on the native side only.
          return true;
      }
    },
  });
  const dialog = createDialog(
    runtime,
    (value): value is DialogWindow => value instanceof StandInBrowserWindow,
  );
  const members: Record<string, unknown> = {
    app,
    BrowserWindow,
    ipcMain,
    Menu: menu.Menu,
    protocol: sessions.protocol,
    session: sessions.session,
    dialog,
  };
  const electron = new Proxy(members, {
    get(target, property) {
      if (property === 'screen') {
        if (!runtime.isReady())
          throw new Error("The 'screen' module can't be used before the app 'ready' event");
        return screen.module;
      }
      if (typeof property === 'symbol' || TOLERATED.has(property)) return target[property as string];
      if (!(property in target))
        runtime.misuse(`the stand-in has no electron.${property}: add it to test/shell/stand-in`);
      return target[property];
    },
  });

  const handle = (message: ToMain): void => {
    const contents = 'webContentsId' in message ? contentsById.get(message.webContentsId) : undefined;
    switch (message.kind) {
      case 'invoke':
        if (!contents || contents.isDestroyed()) {
          link.send({
            kind: 'invoke-result',
            id: message.id,
            ok: false,
            message: 'Error: the window is gone',
          });
          return;
        }
        ipcMain.dispatchInvoke(message.id, contents, message.frame, message.channel, message.args);
        return;
      case 'request': {
        if (!contents) {
          link.send({
            kind: 'request-result',
            id: message.id,
            outcome: { action: 'failed', reason: 'no such page' },
          });
          return;
        }
        const request = {
          url: message.url,
          method: message.method,
          headers: message.headers,
          resourceType: message.resourceType,
        };
        void contents.request(sessions.pipeline, request, message.navigation).then((outcome) => {
          link.send({ kind: 'request-result', id: message.id, outcome });
        });
        return;
      }
      case 'contents-event':
        contents?.report(message.event);
        return;
      case 'window-open':
        link.send({
          kind: 'window-open-result',
          id: message.id,
          action: contents?.windowOpen(message.url) ?? 'deny',
        });
        return;
      case 'download': {
        const verdict = contents
          ? sessions.download(contents, message.url, message.filename)
          : { cancelled: true, savePath: null };
        link.send({ kind: 'download-result', id: message.id, ...verdict });
        return;
      }
      case 'menu-click':
        link.send({ kind: 'menu-click-result', id: message.id, error: menu.click(message.path) });
        return;
      case 'user-close':
        windows()
          .find((window) => window.id === message.windowId)
          ?.close();
        return;
      case 'activate':
        if (options.platform !== 'darwin') runtime.misuse("'activate' is emitted on macOS only");
        app.emit(
          'activate',
          createEvent(),
          windows().some((window) => window.isVisible()),
        );
        return;
      case 'open-file':
        if (options.platform !== 'darwin') runtime.misuse("'open-file' is emitted on macOS only");
        app.emit('open-file', createEvent(), message.path);
        return;
      case 'reply':
      case 'slow-rename':
        return;
    }
  };
  link.onMessage((message) => {
    try {
      handle(message);
    } catch (error) {
      console.error('[stand-in] handling', message.kind, 'failed:', error);
    }
  });

  return { electron, app };
}
