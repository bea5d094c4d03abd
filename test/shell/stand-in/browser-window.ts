/**
 * `BrowserWindow`, backed by a Chromium page in the harness. Only after 'ready'; every method of
 * a destroyed window throws, as in Electron. Visibility follows Electron's rules: `show: false`
 * keeps it hidden until show() (which focuses it, taking the focus from the other windows) or
 * showInactive() (which does not), and maximize() shows a hidden window. A full-screen window
 * fills the display it is on, and its page's viewport follows. close() emits 'close'
 * (preventable), lets the page unload, then 'closed'; destroy() skips 'close'.
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { Rect } from '../protocol.ts';
import { createEvent, destroyedError, type Runtime } from './runtime.ts';
import type { StandInDisplay } from './screen.ts';
import { StandInWebContents } from './web-contents.ts';

type Bounds = { -readonly [K in keyof Rect]: Rect[K] };

export interface WindowOptions {
  readonly x?: number;
  readonly y?: number;
  readonly width?: number;
  readonly height?: number;
  readonly show?: boolean;
  readonly fullscreen?: boolean;
  readonly title?: string;
  readonly webPreferences?: {
    readonly preload?: string;
    readonly contextIsolation?: boolean;
    readonly sandbox?: boolean;
    readonly nodeIntegration?: boolean;
  };
}

export interface WindowServices {
  /** The display a window with these bounds is on (screen.getDisplayMatching). */
  readonly displayMatching: (rect: Rect) => StandInDisplay;
  /** Electron's app emits 'web-contents-created' and 'browser-window-created' as a window is made. */
  readonly emitCreated: (window: StandInBrowserWindow, contents: StandInWebContents) => void;
}

let nextWindowId = 1;
let nextContentsId = 1;

export class StandInBrowserWindow extends EventEmitter {
  readonly id = nextWindowId++;
  private readonly contents: StandInWebContents;
  private destroyed = false;
  private closing = false;
  private visible: boolean;
  private maximized = false;
  private minimized = false;
  private focused = false;
  private fullScreen: boolean;
  private readonly normalBounds: Bounds;

  constructor(
    private readonly runtime: Runtime,
    private readonly services: WindowServices,
    options: WindowOptions = {},
  ) {
    super();
    if (!runtime.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
    const preload = options.webPreferences?.preload;
    if (preload !== undefined && !path.isAbsolute(preload)) {
      runtime.misuse(`webPreferences.preload must be an absolute path: ${preload}`);
    }
    const width = options.width ?? 800;
    const height = options.height ?? 600;
    this.normalBounds = { x: options.x ?? 100, y: options.y ?? 100, width, height };
    this.visible = options.show !== false;
    this.fullScreen = options.fullscreen === true;
    this.contents = new StandInWebContents(runtime, nextContentsId++, () => {
      this.record('ready-to-show');
      this.emit('ready-to-show', createEvent());
    });
    runtime.windows.push(this);
    runtime.link.send({
      kind: 'window-created',
      windowId: this.id,
      webContentsId: this.contents.id,
      bounds: this.currentBounds(),
      fullScreen: this.fullScreen,
      title: options.title ?? 'Electron',
      contextIsolation: options.webPreferences?.contextIsolation !== false,
      preload: preload ?? null,
    });
    if (this.visible) this.record('show');
    services.emitCreated(this, this.contents);
  }

  private record(name: string): void {
    this.runtime.link.send({ kind: 'window-event', windowId: this.id, name, at: Date.now() });
  }

  private alive(): void {
    if (this.destroyed) throw destroyedError();
  }

  get webContents(): StandInWebContents {
    this.alive();
    return this.contents;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  show(): void {
    this.alive();
    if (!this.visible) {
      this.visible = true;
      this.record('show');
      this.emit('show', createEvent());
    }
    this.focus();
  }

  isVisible(): boolean {
    this.alive();
    return this.visible;
  }

  /** Electron: "Shows the window but doesn't focus on it." */
  showInactive(): void {
    this.alive();
    if (this.visible) return;
    this.visible = true;
    this.record('show');
    this.emit('show', createEvent());
  }

  focus(): void {
    this.alive();
    for (const other of this.runtime.windows)
      if (other !== this && other instanceof StandInBrowserWindow) other.blur();
    this.focused = true;
    this.record('focus');
    this.emit('focus', createEvent());
  }

  blur(): void {
    this.alive();
    if (!this.focused) return;
    this.focused = false;
    this.record('blur');
    this.emit('blur', createEvent());
  }

  isFocused(): boolean {
    this.alive();
    return this.focused;
  }

  /** Electron: "This will also show (but not focus) the window if it isn't being displayed already." */
  maximize(): void {
    this.alive();
    if (!this.visible) {
      this.visible = true;
      this.record('show');
      this.emit('show', createEvent());
    }
    if (this.maximized) return;
    this.maximized = true;
    this.record('maximize');
    this.emit('maximize', createEvent());
    this.emit('resize', createEvent());
  }

  isMaximized(): boolean {
    this.alive();
    return this.maximized;
  }

  minimize(): void {
    this.alive();
    this.minimized = true;
    this.record('minimize');
    this.emit('minimize', createEvent());
  }

  restore(): void {
    this.alive();
    this.minimized = false;
    this.visible = true;
    this.record('restore');
    this.emit('restore', createEvent());
  }

  isMinimized(): boolean {
    this.alive();
    return this.minimized;
  }

  getNormalBounds(): Bounds {
    this.alive();
    return { ...this.normalBounds };
  }

  getBounds(): Bounds {
    this.alive();
    return this.currentBounds();
  }

  private currentBounds(): Bounds {
    const display = this.services.displayMatching(this.normalBounds);
    if (this.fullScreen) return { ...display.bounds };
    if (this.maximized) return { ...display.workArea };
    return { ...this.normalBounds };
  }

  setFullScreen(flag: boolean): void {
    this.alive();
    if (typeof flag !== 'boolean')
      throw new TypeError('Error processing argument at index 0, conversion failure');
    if (flag === this.fullScreen) return;
    this.fullScreen = flag;
    const name = flag ? 'enter-full-screen' : 'leave-full-screen';
    this.record(name);
    this.emit(name, createEvent());
    this.emit('resize', createEvent());
    const { width, height } = this.currentBounds();
    this.runtime.link.send({ kind: 'window-resized', windowId: this.id, width, height });
  }

  isFullScreen(): boolean {
    this.alive();
    return this.fullScreen;
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  /** As a click on the window's close button: 'close' first, which listeners may prevent. */
  close(): void {
    this.alive();
    if (this.closing) return;
    const event = createEvent();
    this.record('close');
    this.emit('close', event);
    if (event.defaultPrevented) {
      this.runtime.windowCloseCancelled();
      return;
    }
    this.closing = true;
    // The page unloads (its pagehide and unload handlers run) before the window is gone.
    void this.runtime.link
      .request({ kind: 'close-page', webContentsId: this.contents.id })
      .then(() => this.destroy());
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.contents.destroy();
    const index = this.runtime.windows.indexOf(this);
    if (index >= 0) this.runtime.windows.splice(index, 1);
    if (!this.closing)
      void this.runtime.link.request({ kind: 'close-page', webContentsId: this.contents.id });
    this.record('closed');
    this.emit('closed');
    this.runtime.windowGone();
  }
}
