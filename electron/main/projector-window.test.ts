import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions, Display, Rectangle } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  created: [] as unknown[],
  displays: [] as Display[],
  matched: [] as Rectangle[],
}));

class FakeBrowserWindow extends EventEmitter {
  readonly options: BrowserWindowConstructorOptions;
  readonly webContents = new EventEmitter();
  readonly showInactive = vi.fn();
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  destroyed = false;

  constructor(options: BrowserWindowConstructorOptions) {
    super();
    this.options = options;
    fake.created.push(this);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  getBounds(): Rectangle {
    return { x: 100, y: 80, width: 1200, height: 800 };
  }

  /** As Electron: 'close' (preventable), then the window is destroyed and 'closed' follows. */
  close(): void {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

vi.mock('electron', () => ({
  BrowserWindow: FakeBrowserWindow,
  screen: {
    getAllDisplays: () => fake.displays,
    getDisplayMatching: (rect: Rectangle) => {
      fake.matched.push(rect);
      const inside = fake.displays.find(
        (display) => rect.x >= display.bounds.x && rect.x < display.bounds.x + display.bounds.width,
      );
      return inside ?? fake.displays[0];
    },
  },
}));

const { createProjectorWindow, placeProjector, PROJECTOR_TITLE } = await import('./projector-window.ts');

function display(id: number, bounds: Rectangle, taskbar = 40): Display {
  return {
    id,
    bounds,
    workArea: { ...bounds, height: bounds.height - taskbar },
  } as Display;
}

const LAPTOP = display(1, { x: 0, y: 0, width: 1920, height: 1080 });
const PROJECTOR = display(2, { x: 1920, y: 0, width: 1024, height: 768 });

let board: FakeBrowserWindow;
let boardWindow: FakeBrowserWindow | null;

const projector = () =>
  createProjectorWindow({ getBoardWindow: () => asWindow(boardWindow), devTools: false });
const asWindow = (window: FakeBrowserWindow | null) => window as unknown as BrowserWindow | null;
const created = () => fake.created as FakeBrowserWindow[];
const lastCreated = (): FakeBrowserWindow => {
  const window = created().at(-1);
  if (!window) throw new Error('no window was created');
  return window;
};

beforeEach(() => {
  fake.created.length = 0;
  fake.matched.length = 0;
  fake.displays = [LAPTOP];
  board = new FakeBrowserWindow({});
  boardWindow = board;
  fake.created.length = 0;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the projector window', () => {
  it('shows the app page for the board’s channel, with no preload and the hardened preferences', () => {
    expect(projector().open('V1StGXR8_Z5jdHi6B')).toBe(true);
    const window = lastCreated();
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith(
      'app://journeywall/index.html#projector=V1StGXR8_Z5jdHi6B',
    );
    expect(window.options).toMatchObject({ title: PROJECTOR_TITLE, backgroundColor: '#141517', show: false });
    expect(window.options.webPreferences).toEqual({
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
      devTools: false,
    });
    expect(window.options.webPreferences).not.toHaveProperty('preload');
  });

  it('fills the display the board is not on, full screen', () => {
    fake.displays = [LAPTOP, PROJECTOR];
    projector().open('projector-1');
    expect(fake.matched).toEqual([board.getBounds()]);
    expect(lastCreated().options).toMatchObject({ ...PROJECTOR.bounds, fullscreen: true });
  });

  it('goes to the laptop screen when the board is on the projector', () => {
    fake.displays = [PROJECTOR, LAPTOP];
    vi.spyOn(board, 'getBounds').mockReturnValue({ x: 2000, y: 50, width: 900, height: 600 });
    projector().open('projector-1');
    expect(lastCreated().options).toMatchObject({ ...LAPTOP.bounds, fullscreen: true });
  });

  it('with one display, opens a 1280×720 window centred on it, not full screen', () => {
    projector().open('projector-1');
    expect(lastCreated().options).toMatchObject({
      x: 320,
      y: 160,
      width: 1280,
      height: 720,
      fullscreen: false,
    });
  });

  it('shows itself once painted, without taking the focus from the board window', () => {
    projector().open('projector-1');
    const window = lastCreated();
    expect(window.showInactive).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.showInactive).toHaveBeenCalledTimes(1);
    expect(window.show).not.toHaveBeenCalled();
    expect(window.focus).not.toHaveBeenCalled();
  });

  it('keeps its own title, and lets no page script hold up its closing', () => {
    projector().open('projector-1');
    const window = lastCreated();
    const title = { preventDefault: vi.fn() };
    window.emit('page-title-updated', title, 'Toner — Journeywall');
    expect(title.preventDefault).toHaveBeenCalled();
    const unload = { preventDefault: vi.fn() };
    window.webContents.emit('will-prevent-unload', unload);
    expect(unload.preventDefault).toHaveBeenCalled();
  });

  it('is only ever one: opening again closes the open one first', () => {
    const windows = projector();
    windows.open('projector-1');
    const first = lastCreated();
    windows.open('projector-2');
    expect(first.destroyed).toBe(true);
    expect(created()).toHaveLength(2);
    expect(lastCreated().loadURL).toHaveBeenCalledWith('app://journeywall/index.html#projector=projector-2');
  });

  it('closes when asked, and closing again or with none open does nothing', () => {
    const windows = projector();
    windows.close();
    windows.open('projector-1');
    const window = lastCreated();
    windows.close();
    expect(window.destroyed).toBe(true);
    windows.close();
    windows.open('projector-2');
    expect(lastCreated().destroyed).toBe(false);
  });

  it('closes with the board window, and stops listening to it once closed itself', () => {
    const windows = projector();
    windows.open('projector-1');
    const first = lastCreated();
    first.close();
    expect(board.listenerCount('closed')).toBe(0);

    windows.open('projector-2');
    const second = lastCreated();
    board.close();
    expect(second.destroyed).toBe(true);
    expect(board.listenerCount('closed')).toBe(0);
  });

  it('does not open without a board window', () => {
    boardWindow = null;
    expect(projector().open('projector-1')).toBe(false);
    boardWindow = board;
    board.destroyed = true;
    expect(projector().open('projector-1')).toBe(false);
    expect(created()).toHaveLength(0);
  });
});

describe('placeProjector', () => {
  it('shrinks the window to a work area smaller than 1280×720, still centred', () => {
    const small = display(1, { x: 0, y: 0, width: 1024, height: 600 });
    expect(placeProjector(small, [small])).toEqual({
      x: 0,
      y: 0,
      width: 1024,
      height: 560,
      fullscreen: false,
    });
  });

  it('centres in the work area of a display that is not at the origin', () => {
    const right = display(7, { x: 1920, y: 100, width: 1600, height: 900 });
    expect(placeProjector(right, [right])).toEqual({
      x: 1920 + 160,
      y: 100 + 70,
      width: 1280,
      height: 720,
      fullscreen: false,
    });
  });
});
