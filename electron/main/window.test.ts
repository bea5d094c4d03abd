import type { BrowserWindowConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: FakeBrowserWindow[] = [];

class FakeBrowserWindow {
  readonly options: BrowserWindowConstructorOptions;
  readonly listeners = new Map<string, () => void>();
  readonly maximize = vi.fn();
  readonly show = vi.fn();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly webContents = { on: vi.fn() };

  constructor(options: BrowserWindowConstructorOptions) {
    this.options = options;
    created.push(this);
  }

  once(event: string, listener: () => void): void {
    this.listeners.set(event, listener);
  }
}

vi.mock('electron', () => ({ BrowserWindow: FakeBrowserWindow }));

const { createMainWindow } = await import('./window.ts');

const placement = { bounds: { x: 40, y: 60, width: 1400, height: 900 }, isMaximized: false };

beforeEach(() => {
  created.length = 0;
});

function createOne(overrides: Partial<Parameters<typeof createMainWindow>[0]> = {}): FakeBrowserWindow {
  createMainWindow({
    preloadPath: '/app/dist-electron/preload.cjs',
    placement,
    devTools: false,
    ...overrides,
  });
  const window = created.at(-1);
  if (!window) throw new Error('no window was created');
  return window;
}

describe('main window', () => {
  it('isolates and sandboxes the renderer with no Node access', () => {
    const { webPreferences } = createOne().options;
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      preload: '/app/dist-electron/preload.cjs',
    });
  });

  it('offers DevTools only when asked to (development builds)', () => {
    expect(createOne({ devTools: false }).options.webPreferences?.devTools).toBe(false);
    expect(createOne({ devTools: true }).options.webPreferences?.devTools).toBe(true);
  });

  it('loads the packaged app through app://journeywall/ and never a file:// or remote URL', () => {
    expect(createOne().loadURL).toHaveBeenCalledExactlyOnceWith('app://journeywall/index.html');
  });

  it('opens at the remembered bounds, hidden until its first frame is ready', () => {
    const window = createOne();
    expect(window.options).toMatchObject({ x: 40, y: 60, width: 1400, height: 900, show: false });
    expect(window.show).not.toHaveBeenCalled();
    window.listeners.get('ready-to-show')?.();
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('maximizes, when it was maximized last time, only once its first frame is ready', () => {
    const normal = createOne();
    normal.listeners.get('ready-to-show')?.();
    expect(normal.maximize).not.toHaveBeenCalled();

    const maximized = createOne({ placement: { ...placement, isMaximized: true } });
    // maximize() shows a hidden window: called now, it would flash an empty one.
    expect(maximized.maximize).not.toHaveBeenCalled();
    expect(maximized.show).not.toHaveBeenCalled();
    maximized.listeners.get('ready-to-show')?.();
    expect(maximized.maximize).toHaveBeenCalledTimes(1);
    expect(maximized.show).toHaveBeenCalledTimes(1);
  });

  it('opens centred when there is no remembered position', () => {
    const window = createOne({ placement: { bounds: { width: 1280, height: 800 }, isMaximized: false } });
    expect(window.options.x).toBeUndefined();
    expect(window.options.y).toBeUndefined();
    expect(window.options).toMatchObject({ width: 1280, height: 800 });
  });
});
