/**
 * One BrowserWindow of the stand-in main process, shown as a Chromium page: main's loadURL,
 * reload and close act on the page; the page's commits, loads and crash are reported to main as
 * webContents events; its bridge calls reach main's ipcMain through the preload, sent as the main
 * frame. Also what a test does to a window: close it as the user, drop a file on it, hang or
 * crash its renderer, or send IPC as a compromised renderer would, from any frame.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Frame, Page } from '@playwright/test';
import type { ContentsEvent, FrameInfo, Rect, ToMain } from '../protocol.ts';
import { toAppUrl, toPageUrl } from '../renderer/app-url.ts';
import type { InvokeAnswer, PreloadHost } from '../renderer/preload-electron.ts';
import { PAGE_API, WorldBridge } from '../renderer/world-bridge.ts';

/** What a window needs from its app. */
export interface MainChannel {
  readonly platform: NodeJS.Platform;
  send(message: ToMain): void;
  /** Sends an invoke and resolves with main's answer; a held channel waits for the test. */
  invoke(
    webContentsId: number,
    frame: FrameInfo | null,
    channel: string,
    args: unknown[],
  ): Promise<InvokeAnswer>;
  appSchemes(): ReadonlySet<string>;
  /** The page called window.open. */
  popup(opener: ShellWindow, popup: Page): void;
  /** A new page for a window whose renderer crashed (Electron starts a new renderer process). */
  newPage(): Promise<Page>;
}

export interface WindowEvent {
  readonly name: string;
  readonly at: number;
}

/** How main opened the window. */
export interface WindowOpening {
  /** Its display's bounds when it opened full screen. */
  readonly bounds: Rect;
  readonly fullScreen: boolean;
  readonly title: string;
}

const frameTokens = new WeakMap<Frame, string>();
let nextRoutingId = 1;
const routingIds = new WeakMap<Frame, number>();

/** A frame as Electron's WebFrameMain would describe it, in the app's URLs. */
export function frameInfo(frame: Frame): FrameInfo {
  if (!frameTokens.has(frame)) {
    frameTokens.set(frame, crypto.randomUUID());
    routingIds.set(frame, nextRoutingId++);
  }
  const parent = frame.parentFrame();
  return {
    frameToken: frameTokens.get(frame) ?? '',
    processId: 1,
    routingId: routingIds.get(frame) ?? 0,
    url: toAppUrl(frame.url()),
    parent: parent ? frameInfo(parent) : null,
  };
}

const NET_ERRORS: Record<string, number> = { ERR_FAILED: -2, ERR_ABORTED: -3, ERR_BLOCKED_BY_CLIENT: -20 };

export class ShellWindow {
  readonly events: WindowEvent[] = [];
  readonly console: { type: string; text: string }[] = [];
  private pageValue: Page | null = null;
  private bridge: WorldBridge | null = null;
  private attached: Promise<void>;
  private resolveAttached: () => void = () => undefined;
  private shown = false;
  private bridgeReady = false;
  private crashed = false;
  private closing = false;
  private viewport: { width: number; height: number };
  private browserNavigation: string | null = null;
  /** The last main-frame navigation got no page: Chromium shows its error page under that URL. */
  private showingError = false;
  /** The main-frame navigation main's loadURL started, until Chromium settles it. */
  private navigation: Promise<unknown> | null = null;

  constructor(
    readonly id: number,
    readonly webContentsId: number,
    private readonly main: MainChannel,
    private readonly contextIsolation: boolean,
    private readonly preload: string | null,
    readonly opening: WindowOpening,
  ) {
    this.viewport = { width: opening.bounds.width, height: opening.bounds.height };
    this.attached = new Promise((resolve) => {
      this.resolveAttached = resolve;
    });
  }

  get page(): Page {
    if (!this.pageValue) throw new Error('The window has no page yet');
    return this.pageValue;
  }

  /** Its page is open and wired to main. */
  get isAttached(): boolean {
    return this.pageValue !== null && this.bridgeReady;
  }

  /** Its renderer crashed and nothing has been loaded into the window since. */
  get isCrashed(): boolean {
    return this.crashed;
  }

  /** Full screen now: as it opened, then as main last set it. */
  get isFullScreen(): boolean {
    const last = this.events
      .filter((event) => event.name === 'enter-full-screen' || event.name === 'leave-full-screen')
      .at(-1);
    return last ? last.name === 'enter-full-screen' : this.opening.fullScreen;
  }

  /** What the preload put on window through contextBridge. */
  get exposedKeys(): string[] {
    return this.bridge?.exposedKeys ?? [];
  }

  hasPage(page: Page): boolean {
    return this.pageValue === page;
  }

  async attach(page: Page, viewport: { width: number; height: number }): Promise<void> {
    this.pageValue = page;
    this.viewport = viewport;
    this.bridgeReady = false;
    await page.setViewportSize(viewport);
    if (this.preload) {
      this.bridge = new WorldBridge(
        page,
        { code: readFileSync(this.preload, 'utf8'), filename: this.preload, platform: this.main.platform },
        {
          contextIsolation: this.contextIsolation,
          invoke: (channel, args) =>
            this.main.invoke(this.webContentsId, frameInfo(page.mainFrame()), channel, args),
          console: this.preloadConsole,
        },
      );
      await this.bridge.install();
    }
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame() || this.showingError) return;
      this.report({ name: 'did-navigate', url: toAppUrl(frame.url()), mainFrame: frameInfo(frame) });
    });
    page.on('domcontentloaded', () => {
      if (!this.showingError) this.report({ name: 'dom-ready' });
    });
    page.on('load', () => {
      if (this.showingError || page.url() === 'about:blank') return;
      // Electron's first paint comes with the first load here; it is reported once per window.
      if (!this.shown) {
        this.shown = true;
        this.report({ name: 'ready-to-show' });
      }
      this.report({ name: 'did-finish-load' });
    });
    page.on('popup', (popup) => this.main.popup(this, popup));
    page.on('crash', () => {
      this.crashed = true;
      this.report({ name: 'render-process-gone', reason: 'crashed', exitCode: 11 });
    });
    page.on('console', (message) => this.console.push({ type: message.type(), text: message.text() }));
    page.on('pageerror', (error) => this.console.push({ type: 'pageerror', text: String(error) }));
    this.bridgeReady = true;
    this.resolveAttached();
  }

  /** The size of its page, which follows the window's. */
  get viewportSize(): { width: number; height: number } {
    return { ...this.viewport };
  }

  /** Main resized the window (full screen or back): the page's viewport follows. */
  resize(viewport: { width: number; height: number }): void {
    this.viewport = viewport;
    if (this.pageValue && !this.pageValue.isClosed())
      void this.pageValue.setViewportSize(viewport).catch(() => undefined);
  }

  /** The preload's console messages join the page's, as in the renderer's DevTools. */
  private readonly preloadConsole = Object.fromEntries(
    (['log', 'info', 'warn', 'error', 'debug'] as const).map((type) => [
      type,
      (...args: unknown[]) => this.console.push({ type, text: `[preload] ${args.map(String).join(' ')}` }),
    ]),
  ) as unknown as PreloadHost['console'];

  private report(event: ContentsEvent): void {
    this.main.send({ kind: 'contents-event', webContentsId: this.webContentsId, event });
  }

  /** Whether main served the main frame's navigation (or refused or failed it). */
  navigationServed(served: boolean): void {
    this.showingError = !served;
  }

  /** How a main-frame navigation request started: main's loadURL, or the page itself. */
  takeNavigation(url: string): 'browser' | 'renderer' {
    if (this.browserNavigation === url) {
      this.browserNavigation = null;
      return 'browser';
    }
    return 'renderer';
  }

  /** webContents.loadURL: resolves with null once loaded, or the net error Electron would report. */
  async load(url: string): Promise<{ code: number; name: string } | null> {
    await this.attached;
    const pageUrl = toPageUrl(url, this.main.appSchemes());
    try {
      // Electron reports did-fail-load once the error page is in; Chromium may still be putting it
      // in when main answers the failure, and that commit would abort the next navigation.
      if (this.showingError) await this.navigation?.catch(() => undefined);
      await this.reviveCrashed();
      this.browserNavigation = pageUrl;
      this.navigation = this.page.goto(pageUrl, { waitUntil: 'load', timeout: 30_000 });
      await this.navigation;
      return null;
    } catch (error) {
      const name = /net::(ERR_[A-Z_]+)/.exec(String(error))?.[1] ?? 'ERR_FAILED';
      return { code: NET_ERRORS[name] ?? -2, name };
    }
  }

  /**
   * Loading into a crashed window starts a new renderer in Electron. A crashed Playwright page
   * cannot navigate again, so the window gets a new page, wired up as the first was.
   */
  private async reviveCrashed(): Promise<void> {
    if (!this.crashed) return;
    const crashedPage = this.page;
    await this.attach(await this.main.newPage(), this.viewport);
    this.crashed = false;
    void crashedPage.close().catch(() => undefined);
  }

  deliver(channel: string, args: unknown[]): void {
    this.bridge?.deliver(channel, args);
  }

  /** The page unloads (pagehide and unload run) and goes away; a hung or crashed one is just closed. */
  async closePage(): Promise<void> {
    if (!this.pageValue || this.pageValue.isClosed()) return;
    const page = this.pageValue;
    if (this.crashed) {
      void page.close().catch(() => undefined);
      return;
    }
    const closed = new Promise<void>((resolve) => page.once('close', () => resolve()));
    void page.close({ runBeforeUnload: true }).catch(() => undefined);
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1000))]);
    if (!page.isClosed()) void page.close().catch(() => undefined);
  }

  /** Main is closing or has destroyed the window. */
  get isClosing(): boolean {
    return this.closing;
  }

  markClosing(): void {
    this.closing = true;
  }

  record(name: string, at: number): void {
    this.events.push({ name, at });
  }

  isVisible(): boolean {
    const last = this.events.filter((event) => ['show', 'hide', 'closed'].includes(event.name)).at(-1);
    return last?.name === 'show';
  }

  /** The user clicks the window's close button. */
  userClose(): void {
    this.main.send({ kind: 'user-close', windowId: this.id });
  }

  /** A File dragged from the file manager onto the window: webUtils knows its path. */
  async dropFile(filePath: string): Promise<void> {
    const bytes = await readFile(filePath);
    const transfer = await this.page.evaluateHandle(
      ([api, name, data, fullPath]) => {
        const file = new File([new Uint8Array(data as Uint8Array)], name as string, {
          lastModified: Date.now(),
        });
        (window as unknown as Record<string, { registerFile(f: File, p: string): void }>)[
          api as string
        ]?.registerFile(file, fullPath as string);
        const transfer = new DataTransfer();
        transfer.items.add(file);
        return transfer;
      },
      [PAGE_API, path.basename(filePath), new Uint8Array(bytes), filePath] as const,
    );
    await this.page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
    await this.page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
    await this.page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  }

  /** The renderer's main thread stops answering (an endless loop), as a hung renderer does. */
  async hang(): Promise<void> {
    await this.page.evaluate(() => {
      setTimeout(() => {
        for (;;) {
          // Spin.
        }
      }, 0);
    });
  }

  /** The renderer process crashes. */
  async crash(): Promise<void> {
    const crashed = new Promise<void>((resolve) => this.page.once('crash', () => resolve()));
    const session = await this.page.context().newCDPSession(this.page);
    // The renderer dies before it can answer the command: wait for the crash, not the answer.
    void session.send('Page.crash').catch(() => undefined);
    await crashed;
  }

  /** IPC as a compromised renderer could send it from `frame`: any channel, any arguments. */
  async invokeAs(frame: Frame, channel: string, ...args: unknown[]): Promise<unknown> {
    const answer = await this.main.invoke(
      this.webContentsId,
      frameInfo(frame),
      channel,
      structuredClone(args),
    );
    if (!answer.ok) throw new Error(`Error invoking remote method '${channel}': ${answer.message}`);
    return answer.value;
  }
}
