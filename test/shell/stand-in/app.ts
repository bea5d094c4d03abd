/**
 * `app`: readiness, paths, the single-instance lock and Electron's quit sequence, as
 * shell/browser/browser.cc runs it:
 *   quit(): 'before-quit' (preventable) → every window closes ('close' preventable: a prevented
 *   close cancels the quit) → once none is left 'will-quit' (preventable) → 'quit' → exit.
 * 'window-all-closed' is emitted only when the windows close outside a quit; without a listener
 * the app then quits. exit() skips every event.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEvent, type Runtime } from './runtime.ts';
import { createSingleInstance } from './singleton.ts';

/** The executable the OS started: what process.argv[0] is in a packaged Electron app. */
export const EXECUTABLE = '/opt/Journeywall/journeywall';

export interface StandInApp extends EventEmitter {
  /** Emits 'will-finish-launching' and 'ready' and resolves whenReady(). */
  emitReady(): void;
  exit(exitCode?: number): void;
  quit(): void;
}

export function createApp(
  runtime: Runtime & {
    setReady(): void;
    onWindowGone(l: () => void): void;
    onCloseCancelled(l: () => void): void;
  },
  terminate: (exitCode: number) => Promise<void>,
): StandInApp {
  const { options } = runtime;
  const packageJson = JSON.parse(readFileSync(path.join(options.appPath, 'package.json'), 'utf8')) as {
    name: string;
    productName?: string;
    version: string;
  };
  const paths = new Map<string, string>([
    ['home', options.paths.home],
    ['appData', path.dirname(options.paths.userData)],
    ['userData', options.paths.userData],
    ['sessionData', options.paths.userData],
    ['temp', tmpdir()],
    ['exe', EXECUTABLE],
    ['module', EXECUTABLE],
    ['desktop', path.join(options.paths.home, 'Desktop')],
    ['documents', options.paths.documents],
    ['downloads', path.join(options.paths.home, 'Downloads')],
    ['music', path.join(options.paths.home, 'Music')],
    ['pictures', path.join(options.paths.home, 'Pictures')],
    ['videos', path.join(options.paths.home, 'Videos')],
    ['logs', path.join(options.paths.userData, 'logs')],
    ['crashDumps', path.join(options.paths.userData, 'Crashpad')],
  ]);
  const singleInstance = createSingleInstance(options.paths.userData);
  // A refused second instance quits at once; its command line must reach the first one before it exits.
  const finish = (exitCode: number): Promise<void> =>
    singleInstance.delivered().then(() => terminate(exitCode));
  let resolveReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  let quitting = false;
  let shutDown = false;
  const name = packageJson.productName ?? packageJson.name;

  const app = new EventEmitter() as StandInApp & Record<string, unknown>;
  const record = (event: string): void =>
    runtime.link.send({ kind: 'app-event', name: event, at: Date.now() });

  const shutdown = (): void => {
    if (shutDown) return;
    shutDown = true;
    quitting = true;
    record('quit');
    app.emit('quit', createEvent(), 0);
    singleInstance.release();
    void finish(0);
  };

  const notifyAndShutdown = (): void => {
    if (shutDown) return;
    const event = createEvent();
    record('will-quit');
    app.emit('will-quit', event);
    if (event.defaultPrevented) {
      quitting = false;
      return;
    }
    shutdown();
  };

  runtime.onCloseCancelled(() => {
    quitting = false;
  });
  runtime.onWindowGone(() => {
    if (runtime.windows.length > 0) return;
    if (quitting) {
      notifyAndShutdown();
      return;
    }
    record('window-all-closed');
    // Electron quits by default only when nobody listens.
    if (app.listenerCount('window-all-closed') === 0) app.quit();
    else app.emit('window-all-closed');
  });

  const requireNotReady = (what: string): void => {
    if (runtime.isReady()) throw new Error(`${what} can only be called before app is ready`);
  };

  Object.assign(app, {
    isPackaged: false,
    emitReady() {
      app.emit('will-finish-launching');
      runtime.setReady();
      record('ready');
      app.emit('ready', createEvent(), {});
      resolveReady();
    },
    isReady: () => runtime.isReady(),
    whenReady: () => readyPromise,
    enableSandbox() {
      requireNotReady('app.enableSandbox()');
      record('enable-sandbox');
    },
    requestSingleInstanceLock(additionalData: unknown = {}) {
      const owner = singleInstance.request(
        { argv: [...process.argv], workingDirectory: process.cwd(), additionalData },
        (second) => {
          // Electron delivers it only once the app is ready.
          void readyPromise.then(() => {
            record('second-instance');
            app.emit(
              'second-instance',
              createEvent(),
              second.argv,
              second.workingDirectory,
              second.additionalData,
            );
          });
        },
      );
      record(owner ? 'single-instance-lock' : 'single-instance-lock-refused');
      return owner;
    },
    quit() {
      if (quitting) return;
      const event = createEvent();
      record('before-quit');
      app.emit('before-quit', event);
      quitting = !event.defaultPrevented;
      if (!quitting) return;
      if (runtime.windows.length === 0) notifyAndShutdown();
      else for (const window of [...runtime.windows]) if (!window.isDestroyed()) window.close();
    },
    exit(exitCode = 0) {
      if (shutDown) return;
      shutDown = true;
      record('exit');
      for (const window of [...runtime.windows]) window.destroy();
      singleInstance.release();
      void finish(exitCode);
    },
    getPath(pathName: string) {
      const found = paths.get(pathName);
      if (found === undefined) throw new Error(`Failed to get '${pathName}' path`);
      return found;
    },
    getName: () => name,
    getVersion: () => packageJson.version,
    addRecentDocument(filePath: string) {
      if (typeof filePath !== 'string') throw new TypeError('path must be a string');
    },
    clearRecentDocuments() {},
    setAboutPanelOptions(panel: Record<string, unknown>) {
      if (typeof panel !== 'object' || panel === null) throw new TypeError('options must be an object');
    },
  });
  return app;
}
