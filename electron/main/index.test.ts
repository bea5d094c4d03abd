/**
 * The entry's wiring, driven through a fake `electron`: what happens on launch, on a second
 * launch, when the window closes and when the app quits, with real files in a temp userData.
 */
import type { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENTS, type ExportTarget, INVOKE, type OpenedFile } from '../../shared/ipc/contract.ts';
import { EXPORT_MESSAGES } from './export-files.ts';
import { WRITES_TIMEOUT_MS } from './pending-writes.ts';
import { FLUSH_TIMEOUT_MS } from './quit-flush.ts';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

/**
 * Lets a test hold the next rename, the step that completes an atomic write, and lists the paths
 * main has looked at (stat), each once the look is over.
 */
const fsGate = vi.hoisted(() => ({
  beforeRename: undefined as (() => Promise<void>) | undefined,
  looked: [] as string[],
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rename: async (...args: Parameters<typeof actual.rename>) => {
      const wait = fsGate.beforeRename;
      fsGate.beforeRename = undefined;
      await wait?.();
      return actual.rename(...args);
    },
    stat: async (...args: Parameters<typeof actual.stat>) => {
      try {
        return await actual.stat(...args);
      } finally {
        fsGate.looked.push(String(args[0]));
      }
    },
  };
});

const fake = vi.hoisted(() => {
  const { EventEmitter: Emitter } = require('node:events') as typeof import('node:events');
  const state = {
    userData: '',
    hasLock: true,
    isReady: true,
    ready: Promise.resolve(),
    dialogAnswers: { open: [] as string[], save: '' },
    windows: [] as unknown[],
    handlers: new Map<string, Handler>(),
    electron: {} as Record<string, unknown>,
  };

  class FakeWebContents extends Emitter {
    readonly id = 1;
    readonly send = (...args: unknown[]) => this.sent.push(args);
    readonly sent: unknown[][] = [];
    readonly mainFrame = {
      processId: 1,
      frameToken: 'top',
      parent: null,
      url: 'app://journeywall/index.html',
    };
    isCrashed = () => false;
    setWindowOpenHandler = () => undefined;
  }

  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    destroyed = false;
    readonly focus = vi.fn();
    readonly show = vi.fn();
    readonly restore = vi.fn();
    readonly maximize = vi.fn();
    readonly showInactive = vi.fn();
    readonly setFullScreen = vi.fn();
    readonly loadURL = vi.fn(async () => undefined);
    constructor(readonly options: Record<string, unknown>) {
      super();
      state.windows.push(this);
    }
    isDestroyed = () => this.destroyed;
    isMinimized = () => false;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 50, y: 60, width: 1000, height: 700 });
    getBounds = () => ({ x: 50, y: 60, width: 1000, height: 700 });
    close(): void {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (prevented) return;
      this.destroyed = true;
      this.emit('closed');
    }
  }

  /** Replaces the fake's members in place: the entry reads them through the mocked module object. */
  function reset(): Record<string, unknown> {
    state.windows = [];
    state.handlers = new Map();
    const app = Object.assign(new Emitter(), {
      requestSingleInstanceLock: vi.fn(() => state.hasLock),
      enableSandbox: vi.fn(),
      quit: vi.fn(),
      exit: vi.fn(),
      isReady: () => state.isReady,
      whenReady: () => state.ready,
      addRecentDocument: vi.fn(),
      clearRecentDocuments: vi.fn(),
      isPackaged: false,
      getPath: () => state.userData,
      getName: () => 'Journeywall',
      getVersion: () => '0.1.0',
      setAboutPanelOptions: vi.fn(),
    });
    const display = {
      id: 1,
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      workArea: { x: 0, y: 0, width: 1920, height: 1080 },
    };
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      setSpellCheckerEnabled: vi.fn(),
      on: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn() },
    };
    Object.assign(state.electron, {
      app,
      BrowserWindow: FakeBrowserWindow,
      ipcMain: { handle: (channel: string, handler: Handler) => state.handlers.set(channel, handler) },
      Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      screen: {
        getAllDisplays: () => [display],
        getDisplayMatching: () => display,
      },
      session: { defaultSession: session },
      dialog: {
        showOpenDialog: vi.fn(async () => ({
          canceled: state.dialogAnswers.open.length === 0,
          filePaths: state.dialogAnswers.open,
        })),
        showSaveDialog: vi.fn(async () => ({
          canceled: state.dialogAnswers.save === '',
          filePath: state.dialogAnswers.save,
        })),
        showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
        showErrorBox: vi.fn(),
      },
    });
    return state.electron;
  }

  return { state, reset };
});

vi.mock('electron', () => fake.reset());

interface Window extends EventEmitter {
  webContents: EventEmitter & { sent: unknown[][]; mainFrame: { url: string } };
  focus: ReturnType<typeof vi.fn>;
  show: ReturnType<typeof vi.fn>;
  showInactive: ReturnType<typeof vi.fn>;
  setFullScreen: ReturnType<typeof vi.fn>;
  loadURL: ReturnType<typeof vi.fn>;
  maximize: ReturnType<typeof vi.fn>;
  options: Record<string, unknown>;
  destroyed: boolean;
  close(): void;
}

const app = () => fake.state.electron.app as EventEmitter & Record<string, ReturnType<typeof vi.fn>>;
const windows = () => fake.state.windows as Window[];
const dialog = () =>
  fake.state.electron.dialog as Record<
    'showOpenDialog' | 'showSaveDialog' | 'showMessageBox' | 'showErrorBox',
    ReturnType<typeof vi.fn>
  >;

async function launch(): Promise<Window> {
  vi.resetModules();
  await import('./index.ts');
  await vi.waitFor(() => expect(windows()).toHaveLength(1));
  return windows()[0] as Window;
}

function invoke(window: Window, channel: string, ...args: unknown[]): unknown {
  const handler = fake.state.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, ...args);
}

function flushTokens(window: Window): string[] {
  return window.webContents.sent
    .filter(([channel]) => channel === EVENTS.flushRequest)
    .map(([, token]) => String(token));
}

/**
 * Puts the time limits main starts from now on (the flush's, the writes') on the test's clock;
 * files and IPC stay real. vi.useRealTimers() drops the limits started meanwhile: from then on,
 * whatever lets a quit through is not a limit running out.
 */
const fakeTimeLimits = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });

/** Waits until main stored the window state, which it writes beside the renderer's flush. */
const windowStateStored = () =>
  vi.waitFor(async () =>
    expect(await readFile(path.join(fake.state.userData, 'window-state.json'), 'utf8')).not.toBe(''),
  );

const launchArgv = process.argv;

beforeEach(() => {
  fake.reset();
  fake.state.userData = mkdtempSync(path.join(tmpdir(), 'jw-userdata-'));
  fake.state.hasLock = true;
  fake.state.isReady = true;
  fake.state.ready = Promise.resolve();
  fake.state.dialogAnswers = { open: [], save: '' };
  fsGate.beforeRename = undefined;
  fsGate.looked = [];
  process.argv = ['/opt/Journeywall/journeywall'];
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(async () => {
  vi.useRealTimers();
  process.argv = launchArgv;
  vi.restoreAllMocks();
  await rm(fake.state.userData, { recursive: true, force: true });
});

describe('desktop shell entry', () => {
  it('opens one hardened window on the app protocol, with IPC and a menu', async () => {
    const window = await launch();
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(
      (fake.state.electron.protocol as { handle: ReturnType<typeof vi.fn> }).handle,
    ).toHaveBeenCalledWith('app', expect.any(Function));
    expect([...fake.state.handlers.keys()].sort()).toEqual(Object.values(INVOKE).sort());
    expect(
      (fake.state.electron.Menu as { setApplicationMenu: ReturnType<typeof vi.fn> }).setApplicationMenu,
    ).toHaveBeenCalled();
  });

  it('quits at once, without a window, when another instance holds the lock', async () => {
    fake.state.hasLock = false;
    vi.resetModules();
    await import('./index.ts');
    await vi.waitFor(() => expect(app().quit).toHaveBeenCalled());
    expect(windows()).toHaveLength(0);
  });

  it('focuses the existing window when Journeywall is launched again', async () => {
    const window = await launch();
    app().emit('second-instance', {}, ['journeywall'], '/');
    expect(window.focus).toHaveBeenCalled();
    expect(windows()).toHaveLength(1);
  });

  it('holds the quit until the renderer confirms its saves are flushed', async () => {
    const window = await launch();
    fakeTimeLimits();
    const flushLimit = Date.now() + FLUSH_TIMEOUT_MS;
    const beforeQuit = { preventDefault: vi.fn() };
    app().emit('before-quit', beforeQuit);
    expect(beforeQuit.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(flushTokens(window)).toHaveLength(1));
    await windowStateStored();
    await vi.advanceTimersByTimeAsync(flushLimit - 1 - Date.now());
    expect(app().quit).not.toHaveBeenCalled();

    vi.useRealTimers();
    await invoke(window, INVOKE.flushDone, flushTokens(window)[0]);
    await vi.waitFor(() => expect(app().quit).toHaveBeenCalledTimes(1));

    // The repeated quit passes, and closing the window on the way out asks for no second flush.
    const again = { preventDefault: vi.fn() };
    app().emit('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    window.close();
    expect(window.destroyed).toBe(true);
    expect(flushTokens(window)).toHaveLength(1);
  });

  it('flushes and remembers the window state before the window closes', async () => {
    const window = await launch();
    window.close();
    expect(window.destroyed).toBe(false);
    await vi.waitFor(() => expect(flushTokens(window)).toHaveLength(1));
    await invoke(window, INVOKE.flushDone, flushTokens(window)[0]);
    await vi.waitFor(() => expect(window.destroyed).toBe(true));
    const state = JSON.parse(await readFile(path.join(fake.state.userData, 'window-state.json'), 'utf8'));
    expect(state).toEqual({ x: 50, y: 60, width: 1000, height: 700, isMaximized: false });
  });

  it('quits without waiting for a window closed during its flush', async () => {
    const window = await launch();
    fakeTimeLimits();
    window.close();
    await vi.waitFor(() => expect(flushTokens(window)).toHaveLength(1));
    // The user quits while the closing window is still flushing.
    app().emit('before-quit', { preventDefault: vi.fn() });
    vi.useRealTimers();
    await invoke(window, INVOKE.flushDone, flushTokens(window)[0]);
    await vi.waitFor(() => expect(window.destroyed).toBe(true));
    // No flush time limit can run out now: nothing is left to wait for.
    await vi.waitFor(() => expect(app().quit).toHaveBeenCalledTimes(1));
  });

  it('quits without waiting for a renderer that crashes during the quit flush', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const window = await launch();
    fakeTimeLimits();
    app().emit('before-quit', { preventDefault: vi.fn() });
    await vi.waitFor(() => expect(flushTokens(window)).toHaveLength(1));
    vi.useRealTimers();
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await vi.waitFor(() => expect(app().quit).toHaveBeenCalled());
  });

  it('flushes the page reloaded after a crash before quitting', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const window = await launch();
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await vi.waitFor(() => expect(window.loadURL).toHaveBeenCalledTimes(2));
    window.webContents.emit('did-start-loading');
    window.webContents.emit('did-finish-load');

    fakeTimeLimits();
    const flushLimit = Date.now() + FLUSH_TIMEOUT_MS;
    app().emit('before-quit', { preventDefault: vi.fn() });
    await vi.waitFor(() => expect(flushTokens(window)).toHaveLength(1));
    await windowStateStored();
    await vi.advanceTimersByTimeAsync(flushLimit - 1 - Date.now());
    expect(app().quit).not.toHaveBeenCalled();
    vi.useRealTimers();
    await invoke(window, INVOKE.flushDone, flushTokens(window)[0]);
    await vi.waitFor(() => expect(app().quit).toHaveBeenCalledTimes(1));
  });

  it('quits only once a map save under way has finished', async () => {
    const window = await launch();
    const target = path.join(fake.state.userData, 'toner.cxmap');
    fake.state.dialogAnswers.save = target;
    let finishSaving: () => void = () => undefined;
    let renaming = false;
    fsGate.beforeRename = () => {
      renaming = true;
      return new Promise<void>((resolve) => (finishSaving = resolve));
    };
    const saving = invoke(window, INVOKE.saveFileAs, 'Toner', 'the last version');
    await vi.waitFor(() => expect(renaming).toBe(true));

    fakeTimeLimits();
    // The writes' time limit starts after the flush, so it runs out no earlier than this.
    const writesLimit = Date.now() + WRITES_TIMEOUT_MS;
    app().emit('before-quit', { preventDefault: vi.fn() });
    await vi.waitFor(() => expect(flushTokens(window)).toHaveLength(1));
    await invoke(window, INVOKE.flushDone, flushTokens(window)[0]);
    await windowStateStored();
    await vi.advanceTimersByTimeAsync(writesLimit - 1 - Date.now());
    expect(app().quit).not.toHaveBeenCalled();

    vi.useRealTimers();
    finishSaving();
    await vi.waitFor(() => expect(app().quit).toHaveBeenCalledTimes(1));
    expect(await saving).toMatchObject({ name: 'toner.cxmap' });
    expect(await readFile(target, 'utf8')).toBe('the last version');
    expect((await readdir(fake.state.userData)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('says why and exits with an error status when starting fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fake.state.electron.Menu = {
      buildFromTemplate: () => {
        throw new Error('the menu template is invalid');
      },
      setApplicationMenu: vi.fn(),
    };
    vi.resetModules();
    await import('./index.ts');
    await vi.waitFor(() => expect(app().exit).toHaveBeenCalledWith(1));
    expect(dialog().showErrorBox).toHaveBeenCalledWith(
      'Journeywall could not start',
      'the menu template is invalid',
    );
  });

  it('shows the window with a Reload or Quit question when the app fails to load', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const window = await launch();
    dialog().showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    window.webContents.emit(
      'did-fail-load',
      {},
      -6,
      'ERR_FILE_NOT_FOUND',
      'app://journeywall/index.html',
      true,
    );
    expect(window.show).toHaveBeenCalled();
    expect(dialog().showMessageBox).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ buttons: ['Reload', 'Quit'] }),
    );
    await vi.waitFor(() => expect(app().quit).toHaveBeenCalledTimes(1));

    // The quit that follows asks nothing of a page that never loaded, so waits out no time limit.
    fakeTimeLimits();
    app().emit('before-quit', { preventDefault: vi.fn() });
    vi.useRealTimers();
    await vi.waitFor(() => expect(app().quit).toHaveBeenCalledTimes(2));
    expect(flushTokens(window)).toEqual([]);
  });

  it('writes backups the renderer sends into userData/backups and reads them back', async () => {
    const window = await launch();
    await invoke(window, INVOKE.writeBackup, { mapId: 'map-1', name: 'Onboarding', content: '{"v":1}' });
    expect(await readdir(path.join(fake.state.userData, 'backups', 'map-1'))).toHaveLength(2);
    expect(await invoke(window, INVOKE.readBackup, 'map-1')).toBe('{"v":1}');
    expect(await invoke(window, INVOKE.listBackups)).toEqual([
      expect.objectContaining({ mapId: 'map-1', name: 'Onboarding', bytes: 7 }),
    ]);
  });
});

describe('the projector window', () => {
  const projectorId = 'V1StGXR8_Z5jdHi6B';

  async function openProjector(board: Window): Promise<Window> {
    const before = windows().length;
    expect(await invoke(board, INVOKE.openProjector, projectorId)).toBe(true);
    expect(windows()).toHaveLength(before + 1);
    return windows().at(-1) as Window;
  }

  it('opens on the board window’s request, showing the app’s present view without the bridge', async () => {
    const board = await launch();
    const projector = await openProjector(board);
    expect(projector.loadURL).toHaveBeenCalledExactlyOnceWith(
      `app://journeywall/index.html#projector=${projectorId}`,
    );
    expect(projector.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
    expect(projector.options.webPreferences).not.toHaveProperty('preload');
    projector.emit('ready-to-show');
    expect(projector.showInactive).toHaveBeenCalledTimes(1);
    expect(board.focus).not.toHaveBeenCalled();
  });

  it('closes on request, and with the board window once that has flushed and closed', async () => {
    const board = await launch();
    const first = await openProjector(board);
    await invoke(board, INVOKE.closeProjector);
    expect(first.destroyed).toBe(true);

    const second = await openProjector(board);
    board.close();
    await vi.waitFor(() => expect(flushTokens(board)).toHaveLength(1));
    // The projector stays while the board's close waits for its flush: that close may yet fail.
    expect(second.destroyed).toBe(false);
    await invoke(board, INVOKE.flushDone, flushTokens(board)[0]);
    await vi.waitFor(() => expect(board.destroyed).toBe(true));
    expect(second.destroyed).toBe(true);
  });

  it('puts the board window full screen and back for present mode', async () => {
    const board = await launch();
    await invoke(board, INVOKE.setFullScreen, true);
    await invoke(board, INVOKE.setFullScreen, false);
    expect(board.setFullScreen.mock.calls).toEqual([[true], [false]]);
  });
});

/** A map file in the temp userData's sibling folder "maps". */
async function mapFile(name: string, content = '{"type":"journeywall-map"}'): Promise<string> {
  const dir = path.join(fake.state.userData, 'maps');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

function openedFiles(window: Window): OpenedFile[] {
  return window.webContents.sent
    .filter(([channel]) => channel === EVENTS.openFile)
    .map(([, file]) => file as OpenedFile);
}

const rendererLoaded = (window: Window): void => {
  window.webContents.emit('did-finish-load');
};

function currentMenu(): MenuItemConstructorOptions[] {
  const { setApplicationMenu } = fake.state.electron.Menu as { setApplicationMenu: ReturnType<typeof vi.fn> };
  return setApplicationMenu.mock.lastCall?.[0] as MenuItemConstructorOptions[];
}

function menuItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? menuItems(item.submenu) : [])]);
}

describe('files from outside the window', () => {
  it('opens a .cxmap named on the first launch’s command line once the renderer has loaded', async () => {
    const file = await mapFile('toner.cxmap');
    const gone = path.join(path.dirname(file), 'gone.cxmap');
    process.argv = ['/opt/Journeywall/journeywall', '--no-sandbox', file, gone];
    const window = await launch();
    // Main has looked at the files on its command line, and holds the one that is there.
    await vi.waitFor(() => expect(fsGate.looked).toEqual(expect.arrayContaining([file, gone])));
    expect(openedFiles(window)).toEqual([]);

    rendererLoaded(window);

    await vi.waitFor(() => expect(openedFiles(window)).toHaveLength(1));
    const [opened] = openedFiles(window);
    expect(opened?.name).toBe('toner.cxmap');
    expect(opened?.handle).toMatch(/^[0-9a-f-]{36}$/);
    expect(new TextDecoder().decode(opened?.bytes)).toBe('{"type":"journeywall-map"}');
    expect(app().addRecentDocument).toHaveBeenCalledWith(file);
  });

  it('opens the files of a second launch in the running window', async () => {
    const file = await mapFile('onboarding.cxmap');
    const window = await launch();
    rendererLoaded(window);
    app().emit(
      'second-instance',
      {},
      ['journeywall', '--flag', 'onboarding.cxmap', 'notes.txt'],
      path.dirname(file),
    );
    await vi.waitFor(() => expect(openedFiles(window).map((f) => f.name)).toEqual(['onboarding.cxmap']));
    expect(window.focus).toHaveBeenCalled();
  });

  it('opens a file:// URI, as the Linux file manager passes it through the .desktop entry', async () => {
    const file = await mapFile('toner map é.cxmap');
    const window = await launch();
    rendererLoaded(window);
    app().emit('second-instance', {}, ['journeywall', pathToFileURL(file).href], '/');
    await vi.waitFor(() => expect(openedFiles(window).map((f) => f.name)).toEqual(['toner map é.cxmap']));
  });

  it('queues macOS open-file events that arrive before the app is ready', async () => {
    const file = await mapFile('wall.cxmap');
    let becomeReady: () => void = () => undefined;
    fake.state.isReady = false;
    fake.state.ready = new Promise<void>((resolve) => (becomeReady = resolve));
    vi.resetModules();
    await import('./index.ts');

    const openFile = { preventDefault: vi.fn() };
    const missing = path.join(path.dirname(file), 'missing.cxmap');
    app().emit('open-file', openFile, file);
    app().emit('open-file', { preventDefault: vi.fn() }, missing);
    expect(openFile.preventDefault).toHaveBeenCalled();
    // Main has looked at both files, and opens no window for them before it is ready.
    await vi.waitFor(() => expect(fsGate.looked).toEqual(expect.arrayContaining([file, missing])));
    expect(windows()).toHaveLength(0);

    fake.state.isReady = true;
    becomeReady();
    await vi.waitFor(() => expect(windows()).toHaveLength(1));
    const window = windows()[0] as Window;
    rendererLoaded(window);
    await vi.waitFor(() => expect(openedFiles(window).map((f) => f.name)).toEqual(['wall.cxmap']));
  });

  it('lists opened files under Open Recent, and opens one again from there', async () => {
    const file = await mapFile('toner.cxmap');
    const window = await launch();
    rendererLoaded(window);
    app().emit('open-file', { preventDefault: vi.fn() }, file);
    await vi.waitFor(() => expect(openedFiles(window)).toHaveLength(1));

    await vi.waitFor(() =>
      expect(menuItems(currentMenu()).map((item) => item.label)).toContain('toner.cxmap'),
    );
    const recentItem = menuItems(currentMenu()).find((item) => item.label === 'toner.cxmap');
    if (!recentItem) throw new Error('no Open Recent item for toner.cxmap');
    (recentItem.click as () => void)();
    await vi.waitFor(() => expect(openedFiles(window)).toHaveLength(2));
    expect(openedFiles(window)[1]?.handle).toBe(openedFiles(window)[0]?.handle);

    const stored = JSON.parse(await readFile(path.join(fake.state.userData, 'recent-files.json'), 'utf8'));
    expect(stored.files).toEqual([file]);
  });
});

describe('file requests from the renderer', () => {
  it('saves through Save As and then through the handle it returned', async () => {
    const window = await launch();
    const target = path.join(fake.state.userData, 'toner.cxmap');
    fake.state.dialogAnswers.save = target;
    const saved = (await invoke(window, INVOKE.saveFileAs, 'Toner', 'version 1')) as { handle: string };
    expect(saved).toEqual({ handle: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'toner.cxmap' });
    expect(await invoke(window, INVOKE.saveFile, saved.handle, 'version 2')).toEqual(saved);
    expect(await readFile(target, 'utf8')).toBe('version 2');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('version 1');
    const { showSaveDialog } = fake.state.electron.dialog as { showSaveDialog: ReturnType<typeof vi.fn> };
    expect(showSaveDialog).toHaveBeenCalledWith(window, expect.objectContaining({ title: 'Save map' }));
  });

  it('never writes a file the renderer names as dropped until the user chooses it in the Save dialog', async () => {
    const unrelated = await mapFile('budget.cxmap', 'the real budget');
    const window = await launch();
    const opened = (await invoke(window, INVOKE.openDroppedFile, unrelated)) as OpenedFile;
    expect(await invoke(window, INVOKE.saveFile, opened.handle, 'overwritten')).toBeNull();
    expect(await readFile(unrelated, 'utf8')).toBe('the real budget');
    expect(dialog().showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ title: 'Save map', defaultPath: unrelated }),
    );

    const notPng = await mapFile('photo.png', '{"type":"journeywall-map"}');
    expect(await invoke(window, INVOKE.openDroppedFile, notPng)).toMatchObject({ handle: null });
  });

  it('saves text (the gap list) where the user chose, through the bridge, atomically', async () => {
    const window = await launch();
    const target = path.join(fake.state.userData, 'Toner - gap list.csv');
    fake.state.dialogAnswers.save = target;
    expect(await invoke(window, INVOKE.saveText, 'csv', 'Toner - gap list', 'Stage,Change\n')).toEqual({
      name: 'Toner - gap list.csv',
    });
    expect(await readFile(target, 'utf8')).toBe('Stage,Change\n');
    expect(dialog().showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        title: 'Save as CSV',
        filters: [{ name: 'CSV table (*.csv)', extensions: ['csv'] }],
      }),
    );
    expect((await readdir(fake.state.userData)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('answers null to Open when the user cancels the dialog', async () => {
    const window = await launch();
    expect(await invoke(window, INVOKE.openFile, 'open')).toBeNull();
  });
});

describe('exports the renderer leaves unfinished', () => {
  /** An export begun into userData/posters with a few bytes written: its temp file is there. */
  async function exportUnderWay(window: Window): Promise<{ dir: string; token: string }> {
    const dir = path.join(fake.state.userData, 'posters');
    await mkdir(dir);
    fake.state.dialogAnswers.save = path.join(dir, 'Toner poster.png');
    const { token } = (await invoke(
      window,
      INVOKE.beginExport,
      'poster-png',
      'Toner poster',
    )) as ExportTarget;
    await invoke(window, INVOKE.writeExport, token, Uint8Array.of(137, 80, 78, 71));
    expect(await readdir(dir)).toEqual([expect.stringMatching(/^\.Toner poster\.png\.[0-9a-f]{12}\.tmp$/)]);
    return { dir, token };
  }

  it('are dropped when the renderer crashes, leaving nothing in the folder', async () => {
    const window = await launch();
    const { dir, token } = await exportUnderWay(window);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await vi.waitFor(async () => expect(await readdir(dir)).toEqual([]));
    expect(await invoke(window, INVOKE.finishExport, token)).toEqual({ error: EXPORT_MESSAGES.unknown });
  });

  it('are dropped before the app quits: no temp file outlives it', async () => {
    const window = await launch();
    const { dir } = await exportUnderWay(window);
    app().emit('before-quit', { preventDefault: vi.fn() });
    await vi.waitFor(() => expect(flushTokens(window)).toHaveLength(1));
    await invoke(window, INVOKE.flushDone, flushTokens(window)[0]);
    await vi.waitFor(() => expect(app().quit).toHaveBeenCalledTimes(1));
    expect(await readdir(dir)).toEqual([]);
  });
});
