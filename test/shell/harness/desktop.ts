/**
 * One launch of the desktop app: the stand-in main process running dist-electron/main.cjs, and
 * the Chromium that shows its windows (a persistent profile in userData, as Electron keeps its
 * profile there). Every page request goes to main's request pipeline (webRequest, the app://
 * handler); every window event and IPC message crosses the child-process channel. When the main
 * process exits, Chromium goes with it, as Electron's renderers do.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, readlinkSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Download,
  type Page,
  type Route,
} from '@playwright/test';
import type {
  Faults,
  FrameInfo,
  MainOptions,
  MenuSnapshot,
  Rect,
  RequestOutcome,
  ToHarness,
  ToMain,
} from '../protocol.ts';
import { toAppUrl } from '../renderer/app-url.ts';
import type { InvokeAnswer } from '../renderer/preload-electron.ts';
import { shellChromiumOptions } from '../support/chromium.ts';
import { APP, MAIN_BUNDLE, RUN_MAIN } from '../support/paths.ts';
import { Dialogs } from './dialogs.ts';
import { IpcHold } from './ipc-hold.ts';
import { type MainChannel, ShellWindow } from './shell-window.ts';

export interface LaunchOptions {
  /** The command line after the executable. */
  readonly argv?: readonly string[];
  readonly cwd?: string;
  readonly platform?: NodeJS.Platform;
  /** macOS: files the Finder hands over before the app is ready. */
  readonly openFilesBeforeReady?: readonly string[];
  readonly faults?: Faults;
  /** The folder holding userData, Documents and home; a relaunch or second instance reuses one. */
  readonly root: string;
  /** The main bundle; the stand-in's own tests run small scripts instead. */
  readonly entry?: string;
  /** The bounds of each display, the primary first; by default one 1920×1080 display. */
  readonly displays?: readonly Rect[];
  /** The Chromium whose contexts show the windows, shared by the tests of a worker. */
  readonly browser: Browser;
  /**
   * Keep the renderer's storage in userData/Chromium across launches, as Electron does, for
   * tests that relaunch; otherwise each launch gets a fresh context of the shared browser.
   */
  readonly persistentProfile?: boolean;
}

export interface AppEvent {
  readonly name: string;
  readonly at: number;
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly at: number;
}

const RESOURCE_TYPES: Record<string, string> = {
  stylesheet: 'stylesheet',
  script: 'script',
  image: 'image',
  font: 'font',
  media: 'media',
  xhr: 'xhr',
  fetch: 'xhr',
  websocket: 'webSocket',
};

export class Desktop implements MainChannel {
  readonly platform: NodeJS.Platform;
  readonly root: string;
  readonly userData: string;
  readonly documents: string;
  readonly dialogs = new Dialogs();
  readonly appEvents: AppEvent[] = [];
  readonly errorBoxes: { title: string; content: string }[] = [];
  readonly standInErrors: string[] = [];
  /** What went wrong in the harness itself; fails the test. */
  readonly harnessErrors: string[] = [];
  readonly faultsHolding: string[] = [];
  /** Downloads pages started, and whether main let them through ('will-download'). */
  readonly downloads: { filename: string; cancelled: boolean }[] = [];
  readonly output: string[] = [];
  readonly windows: ShellWindow[] = [];
  menu: MenuSnapshot[] | null = null;
  readonly exited: Promise<Exit>;
  private readonly child: ChildProcess;
  private context: Promise<BrowserContext> | null = null;
  /** Main's answers awaited, each with what it resolves to if main exits first. */
  private readonly replies = new Map<number, { resolve: (value: unknown) => void; gone: unknown }>();
  private readonly holds = new Map<string, IpcHold>();
  private readonly schemes = new Set<string>();
  private readonly changeWatchers = new Set<() => void>();
  /** URLs popups tried to load before they had a frame (see route). */
  private readonly popupUrls: string[] = [];
  private nextId = 1;
  private exit: Exit | null = null;
  private readonly browser: Browser;
  private readonly persistentProfile: boolean;

  constructor(options: LaunchOptions) {
    this.platform = options.platform ?? 'linux';
    this.root = options.root;
    this.browser = options.browser;
    this.persistentProfile = options.persistentProfile ?? false;
    this.userData = path.join(options.root, 'userData');
    this.documents = path.join(options.root, 'Documents');
    const home = path.join(options.root, 'home');
    for (const folder of [this.userData, this.documents, home]) mkdirSync(folder, { recursive: true });
    const mainOptions: MainOptions = {
      argv: options.argv ?? [],
      cwd: options.cwd ?? home,
      platform: this.platform,
      paths: { userData: this.userData, documents: this.documents, home },
      openFilesBeforeReady: options.openFilesBeforeReady ?? [],
      faults: options.faults ?? {},
      entry: options.entry ?? MAIN_BUNDLE,
      appPath: APP,
      displays: options.displays ?? [{ x: 0, y: 0, width: 1920, height: 1080 }],
    };
    this.child = fork(RUN_MAIN, [], {
      cwd: mainOptions.cwd,
      serialization: 'advanced',
      // Electron's main process only warns about an unhandled rejection; it does not exit.
      execArgv: ['--unhandled-rejections=warn'],
      env: { ...process.env, JOURNEYWALL_SHELL_MAIN: JSON.stringify(mainOptions) },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        this.output.push(...chunk.split('\n').filter(Boolean));
        this.changed();
      });
    }
    this.child.on('message', (message: ToHarness) => this.onMessage(message));
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.exit = { code, signal, at: Date.now() };
        resolve(this.exit);
        for (const [id, { gone }] of this.replies) this.settle(id, gone);
        this.changed();
        // Electron's renderers end with its main process.
        void this.context?.then((context) => context.close()).catch(() => undefined);
      });
    });
  }

  send(message: ToMain): void {
    if (this.exit || !this.child.connected) return;
    // A child that is exiting may close its end between the check and the write (EPIPE): its
    // exit is reported on its own, so the failed write is not an error of the test.
    this.child.send(message, (error) => {
      if (error && !isGoneChild(error)) throw error;
    });
  }

  private request(message: ToMain & { id: number }, gone: unknown): Promise<unknown> {
    return new Promise((resolve) => {
      if (this.exit) {
        resolve(gone);
        return;
      }
      this.replies.set(message.id, { resolve, gone });
      this.send(message);
    });
  }

  private settle(id: number, value: unknown): void {
    this.replies.get(id)?.resolve(value);
    this.replies.delete(id);
  }

  invoke(
    webContentsId: number,
    frame: FrameInfo | null,
    channel: string,
    args: unknown[],
  ): Promise<InvokeAnswer> {
    return new Promise((resolve) => {
      const dispatch = (): void => {
        const id = this.nextId++;
        void this.request(
          { kind: 'invoke', id, webContentsId, frame, channel, args },
          { ok: false, message: 'Error: the app has exited' },
        ).then((answer) => resolve(answer as InvokeAnswer));
      };
      const hold = this.holds.get(channel);
      if (hold) hold.add(dispatch);
      else dispatch();
    });
  }

  appSchemes(): ReadonlySet<string> {
    return this.schemes;
  }

  /** The renderer's invokes on `channel` wait until the test releases them, as a slow renderer's would. */
  hold(channel: string): IpcHold {
    const hold = new IpcHold();
    this.holds.set(channel, hold);
    return hold;
  }

  private changed(): void {
    for (const watcher of [...this.changeWatchers]) watcher();
  }

  /** Waits until `check` returns something other than undefined (re-checked whenever main reports). */
  async until<T>(check: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          this.changeWatchers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(left, 100));
        this.changeWatchers.add(wake);
      });
    }
  }

  /** The app's first window, once its page is attached. */
  async window(index = 0): Promise<ShellWindow> {
    return this.until(
      () => {
        const window = this.windows[index];
        return window?.isAttached ? window : undefined;
      },
      `window ${index + 1}`,
    );
  }

  async waitForAppEvent(name: string, timeoutMs?: number): Promise<AppEvent> {
    return this.until(
      () => this.appEvents.find((event) => event.name === name),
      `app event ${name}`,
      timeoutMs,
    );
  }

  async waitForExit(timeoutMs = 15_000): Promise<Exit> {
    return this.until(() => this.exit ?? undefined, 'the app to exit', timeoutMs);
  }

  /** Clicks an application-menu item by its labels, e.g. ['File', 'Save']. */
  async clickMenu(...labels: string[]): Promise<void> {
    const id = this.nextId++;
    const error = (await this.request({ kind: 'menu-click', id, path: labels }, 'the app has exited')) as
      | string
      | null;
    if (error) throw new Error(`Menu click failed: ${error}`);
  }

  /** The menu path of the first item with this role, e.g. ['File', 'Quit'] for 'quit'. */
  menuPathOf(role: string): string[] {
    const search = (items: readonly MenuSnapshot[], trail: string[]): string[] | null => {
      for (const item of items) {
        if (item.role === role) return [...trail, item.label];
        const inner = item.submenu ? search(item.submenu, [...trail, item.label]) : null;
        if (inner) return inner;
      }
      return null;
    };
    const found = search(this.menu ?? [], []);
    if (!found) throw new Error(`No ${role} item in the application menu`);
    return found;
  }

  /** The user quits from the menu (Ctrl+Q / Cmd+Q, File ▸ Quit). */
  async quit(): Promise<void> {
    await this.clickMenu(...this.menuPathOf('quit'));
  }

  /** macOS: a file double-clicked in the Finder while the app runs. */
  openFileFromFinder(filePath: string): void {
    this.send({ kind: 'open-file', path: filePath });
  }

  /** Saves onto `target` take `ms` longer before their final rename, as on a slow disk. */
  slowRename(target: string, ms: number): void {
    this.send({ kind: 'slow-rename', fault: { target, ms } });
  }

  private onMessage(message: ToHarness): void {
    switch (message.kind) {
      case 'window-created':
        this.openWindow(message);
        break;
      case 'window-event':
        this.windows.find((window) => window.id === message.windowId)?.record(message.name, message.at);
        break;
      case 'window-resized':
        this.windows
          .find((window) => window.id === message.windowId)
          ?.resize({ width: message.width, height: message.height });
        break;
      case 'close-page': {
        const window = this.windows.find((candidate) => candidate.webContentsId === message.webContentsId);
        window?.markClosing();
        void (window ? window.closePage() : Promise.resolve()).then(() => this.reply(message.id, null));
        break;
      }
      case 'load-url': {
        const window = this.windowOf(message.webContentsId);
        void window.load(message.url).then((error) => this.reply(message.id, error));
        break;
      }
      case 'contents-send':
        this.windowOf(message.webContentsId).deliver(message.channel, message.args);
        break;
      case 'invoke-result':
        this.settle(
          message.id,
          message.ok ? { ok: true, value: message.value } : { ok: false, message: message.message },
        );
        break;
      case 'request-result':
        this.settle(message.id, message.outcome);
        break;
      case 'window-open-result':
        this.settle(message.id, message.action);
        break;
      case 'menu-click-result':
        this.settle(message.id, message.error);
        break;
      case 'download-result':
        this.settle(message.id, message);
        break;
      case 'dialog':
        void this.dialogs
          .respond(message.method, message.options, message.windowId)
          .then((answer) => this.reply(message.id, answer));
        break;
      case 'error-box':
        this.errorBoxes.push({ title: message.title, content: message.content });
        break;
      case 'app-event':
        this.appEvents.push({ name: message.name, at: message.at });
        break;
      case 'privileged-schemes':
        for (const { scheme, standard, secure } of message.schemes)
          if (standard && secure) this.schemes.add(scheme);
        break;
      case 'menu':
        this.menu = message.items;
        break;
      case 'fault-holding':
        this.faultsHolding.push(message.path);
        break;
      case 'stand-in-error':
        this.standInErrors.push(message.message);
        break;
    }
    this.changed();
  }

  private reply(id: number, value: unknown): void {
    this.send({ kind: 'reply', id, value });
  }

  private windowOf(webContentsId: number): ShellWindow {
    const window = this.windows.find((candidate) => candidate.webContentsId === webContentsId);
    if (!window) throw new Error(`No window shows webContents ${webContentsId}`);
    return window;
  }

  private openWindow(created: Extract<ToHarness, { kind: 'window-created' }>): void {
    const window = new ShellWindow(
      created.windowId,
      created.webContentsId,
      this,
      created.contextIsolation,
      created.preload,
      { bounds: created.bounds, fullScreen: created.fullScreen, title: created.title },
    );
    this.windows.push(window);
    void this.pageForWindow()
      .then((page) => window.attach(page, window.viewportSize))
      .then(() => this.changed())
      .catch((error: unknown) => {
        // A window the app closed, or an app that exited, while its page was being set up.
        if (!this.exit && !window.isClosing)
          this.harnessErrors.push(`could not open a window: ${String(error)}`);
      });
  }

  async newPage(): Promise<Page> {
    if (!this.context) throw new Error('No browser yet');
    return (await this.context).newPage();
  }

  private async pageForWindow(): Promise<Page> {
    const first = this.context === null;
    this.context ??= this.launchBrowser();
    const context = await this.context;
    const blank = context.pages()[0];
    return first && blank ? blank : context.newPage();
  }

  private async launchBrowser(): Promise<BrowserContext> {
    const context = this.persistentProfile
      ? await chromium.launchPersistentContext(path.join(this.userData, 'Chromium'), shellChromiumOptions())
      : await this.browser.newContext();
    await context.route('**/*', (route) => this.route(route));
    context.on('page', (page) => page.on('download', (download) => void this.download(page, download)));
    for (const page of context.pages()) page.on('download', (download) => void this.download(page, download));
    return context;
  }

  /** A download: Electron asks the session ('will-download'); a cancelled one leaves no file. */
  private async download(page: Page, download: Download): Promise<void> {
    const window = this.windows.find((candidate) => candidate.hasPage(page));
    const id = this.nextId++;
    const verdict = (await this.request(
      {
        kind: 'download',
        id,
        webContentsId: window?.webContentsId ?? -1,
        url: download.url(),
        filename: download.suggestedFilename(),
      },
      { cancelled: true },
    )) as { cancelled: boolean };
    this.downloads.push({ filename: download.suggestedFilename(), cancelled: verdict.cancelled });
    if (verdict.cancelled) await download.cancel();
    this.changed();
  }

  /**
   * window.open from a window's page. Electron asks the window-open handler before a window
   * exists; here Chromium has opened the popup already, but its navigation was held back (see
   * route), and a denied popup is closed before it showed anything.
   */
  popup(opener: ShellWindow, popup: Page): void {
    void (async () => {
      const url = await this.until(() => this.popupUrls.shift(), 'the popup’s URL', 5_000).catch(() =>
        popup.url(),
      );
      const id = this.nextId++;
      const action = await this.request(
        { kind: 'window-open', id, webContentsId: opener.webContentsId, url: toAppUrl(url) },
        'deny',
      );
      if (action === 'allow')
        this.standInErrors.push(`window.open of ${url} was allowed: the harness shows one page per window`);
      await popup.close().catch(() => undefined);
    })();
  }

  /** Every request of every page goes through main, as in Electron's network service. */
  private async route(route: Route): Promise<void> {
    const request = route.request();
    const frame = (() => {
      try {
        return request.frame();
      } catch {
        return null;
      }
    })();
    if (!frame && request.isNavigationRequest()) {
      // A popup's first navigation comes before its frame exists.
      this.popupUrls.push(request.url());
      this.changed();
      await route.abort('blockedbyclient');
      return;
    }
    const page = frame?.page();
    const window = page ? this.windows.find((candidate) => candidate.hasPage(page)) : undefined;
    if (!window || !frame || !page) {
      await route.abort('blockedbyclient');
      return;
    }
    const isNavigation = request.isNavigationRequest();
    const isMainFrame = isNavigation && frame === page.mainFrame();
    const id = this.nextId++;
    const outcome = (await this.request(
      {
        kind: 'request',
        id,
        webContentsId: window.webContentsId,
        url: toAppUrl(request.url()),
        method: request.method(),
        headers: request.headers(),
        resourceType: isMainFrame
          ? 'mainFrame'
          : isNavigation
            ? 'subFrame'
            : (RESOURCE_TYPES[request.resourceType()] ?? 'other'),
        navigation: isMainFrame ? window.takeNavigation(request.url()) : 'none',
      },
      { action: 'failed', reason: 'the app has exited' },
    )) as RequestOutcome;
    // A refused navigation leaves the page where it was; a failed one shows Chromium's error page.
    if (isMainFrame && outcome.action !== 'refused') window.navigationServed(outcome.action === 'fulfill');
    switch (outcome.action) {
      case 'fulfill':
        await route
          .fulfill({ status: outcome.status, headers: outcome.headers, body: Buffer.from(outcome.body) })
          .catch(() => undefined);
        return;
      case 'refused':
        await route.abort('aborted').catch(() => undefined);
        return;
      case 'cancelled':
        await route.abort('blockedbyclient').catch(() => undefined);
        return;
      case 'failed':
        await route.abort('failed').catch(() => undefined);
        return;
    }
  }

  /** Ends the app if a test left it running, and Chromium with it. */
  async close(): Promise<void> {
    if (!this.exit) this.child.kill('SIGKILL');
    await this.exited;
    // A killed main process leaves its single-instance socket folder behind.
    try {
      rmSync(path.dirname(readlinkSync(path.join(this.userData, 'SingletonSocket'))), {
        recursive: true,
        force: true,
      });
    } catch {
      // It quit by itself and removed it.
    }
    await this.context?.then((context) => context.close()).catch(() => undefined);
  }
}

/** The write failed because the child's end of the channel is closed: it has gone or is going. */
const isGoneChild = (error: Error): boolean => {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EPIPE' || code === 'ERR_IPC_CHANNEL_CLOSED' || code === 'ECONNRESET';
};
