/**
 * Node's half of contextBridge for one window: a fresh preload per document (as Electron runs the
 * preload on every load), the calls the page makes on the exposed APIs, and the messages main
 * sends to the page (webContents.send), which go to the current document's ipcRenderer.
 */
import type { Frame, Page } from '@playwright/test';
import { type ExposedShape, installPageBridge } from './page-bridge.ts';
import type { PreloadHost } from './preload-electron.ts';
import { type Preload, type PreloadScript, runPreload } from './preload-sandbox.ts';
import { copyInto, nodeRealm, type Realm } from './realm.ts';

export const BINDING = '__journeywallShell';
export const PAGE_API = '__journeywallShellPage';

interface PageMessage {
  readonly kind: 'hello' | 'call' | 'call-function';
  readonly doc: string;
  readonly seq: number;
  readonly path?: string[];
  readonly id?: number;
  readonly args: unknown[];
}

type Fn = (...args: unknown[]) => unknown;
type Marker = {
  __shell: 'function' | 'file' | 'blob';
  id: number;
  name: string;
  type: string;
  lastModified: number;
  path: string;
  bytes: Uint8Array;
};

/** The preload's host, minus what the world itself provides. */
export type WorldHost = Omit<PreloadHost, 'expose' | 'pathOf'>;

const isMarker = (value: unknown): value is Marker =>
  value !== null && typeof value === 'object' && typeof (value as { __shell?: unknown }).__shell === 'string';

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  value !== null &&
  (typeof value === 'object' || typeof value === 'function') &&
  typeof (value as { then?: unknown }).then === 'function';

const isPlainObject = (value: object): boolean => Object.prototype.toString.call(value) === '[object Object]';

/** What exposeInMainWorld was given, as a shape the page script can rebuild. */
export function shapeOf(api: unknown): ExposedShape {
  if (typeof api === 'function') return { type: 'function' };
  if (api !== null && typeof api === 'object' && isPlainObject(api)) {
    return {
      type: 'object',
      entries: Object.fromEntries(Object.entries(api).map(([key, value]) => [key, shapeOf(value)])),
    };
  }
  return { type: 'value', value: copyInto(api, nodeRealm) };
}

/** Runs the preload once, talking to nobody, to learn what it exposes before the page loads. */
export function probeExposures(script: PreloadScript): { key: string; shape: ExposedShape }[] {
  const exposures: { key: string; shape: ExposedShape }[] = [];
  runPreload(script, {
    contextIsolation: true,
    invoke: () => new Promise(() => undefined),
    expose: (key, api) => exposures.push({ key, shape: shapeOf(api) }),
    pathOf: () => '',
    console: { log() {}, info() {}, warn() {}, error() {}, debug() {} },
  });
  return exposures;
}

/** One document's preload and what crosses between it and the page. */
class World {
  readonly exposures = new Map<string, unknown>();
  readonly filePaths = new WeakMap<File, string>();
  readonly preload: Preload;
  private readonly functions = new Map<number, Fn>();
  private nextFunction = 1;
  private next = 0;
  private readonly turns = new Map<number, () => void>();

  constructor(
    readonly doc: string,
    private readonly page: Page,
    script: PreloadScript,
    host: WorldHost,
  ) {
    this.preload = runPreload(script, {
      ...host,
      expose: (key, api) => this.exposures.set(key, api),
      pathOf: (file) => this.filePaths.get(file) ?? '',
    });
  }

  get realm(): Realm {
    return this.preload.realm;
  }

  /** Calls run in the order the page made them. */
  async turn(seq: number): Promise<void> {
    if (seq !== this.next) await new Promise<void>((resolve) => this.turns.set(seq, resolve));
  }

  done(seq: number): void {
    this.next = seq + 1;
    const wake = this.turns.get(this.next);
    this.turns.delete(this.next);
    wake?.();
  }

  /** Page → preload: markers become proxies, Files and Blobs; data is copied into the preload's realm. */
  fromPage(value: unknown): unknown {
    if (isMarker(value)) {
      if (value.__shell === 'function') return (...args: unknown[]) => this.callPage(value.id, args);
      if (value.__shell === 'file') {
        const file = new File([new Uint8Array(value.bytes)], value.name, {
          type: value.type,
          lastModified: value.lastModified,
        });
        if (value.path) this.filePaths.set(file, value.path);
        return file;
      }
      return new Blob([new Uint8Array(value.bytes)], { type: value.type });
    }
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value))
      return copyInto(value, this.realm);
    if (Array.isArray(value))
      return copyInto(
        value.map((entry) => this.fromPage(entry)),
        this.realm,
      );
    if (!isPlainObject(value)) return copyInto(value, this.realm);
    return copyInto(
      Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, this.fromPage(entry)])),
      this.realm,
    );
  }

  /** Preload → page: functions are registered and cross as markers; data is copied into Node's realm. */
  toPage(value: unknown): unknown {
    if (typeof value === 'function') {
      const id = this.nextFunction++;
      this.functions.set(id, value as Fn);
      return { __shell: 'function', id };
    }
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value))
      return copyInto(value, nodeRealm);
    if (Array.isArray(value)) return value.map((entry) => this.toPage(entry));
    if (!isPlainObject(value)) return copyInto(value, nodeRealm);
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, this.toPage(entry)]));
  }

  async callPage(id: number, args: unknown[]): Promise<unknown> {
    const result = await this.page.evaluate(
      ([api, doc, callbackId, callbackArgs]) =>
        (
          window as unknown as Record<
            string,
            { invoke(d: string, i: number, a: unknown[]): Promise<unknown> }
          >
        )[api as string]?.invoke(doc as string, callbackId as number, callbackArgs as unknown[]),
      [PAGE_API, this.doc, id, this.toPage(args)] as const,
    );
    return this.fromPage(result);
  }

  /** What a call on an exposed API or on a function handed to the page returns, as the page gets it. */
  async run(message: PageMessage): Promise<unknown> {
    const target =
      message.kind === 'call' ? this.resolve(message.path ?? []) : this.functions.get(message.id ?? -1);
    if (typeof target !== 'function') throw new Error('Not a function the preload exposed');
    const result = (target as Fn)(...(this.fromPage(message.args) as unknown[]));
    if (isThenable(result)) return this.toPage(await result);
    if (typeof result === 'function' || result === undefined) return this.toPage(result);
    throw new Error('contextBridge: a method returning a plain value synchronously cannot be mirrored here');
  }

  private resolve(path: readonly string[]): unknown {
    const [key, ...rest] = path;
    let target: unknown = this.exposures.get(key ?? '');
    for (const name of rest) target = (target as Record<string, unknown> | undefined)?.[name];
    return target;
  }
}

export class WorldBridge {
  private readonly worlds = new Map<string, World>();
  private current: World | null = null;
  private readonly undelivered: [string, unknown[]][] = [];
  /** The keys the preload exposed on window, in order. */
  exposedKeys: string[] = [];

  constructor(
    private readonly page: Page,
    private readonly script: PreloadScript,
    private readonly host: WorldHost,
  ) {}

  async install(): Promise<void> {
    const exposures = probeExposures(this.script);
    this.exposedKeys = exposures.map((exposure) => exposure.key);
    await this.page.exposeBinding(BINDING, (source, message: PageMessage) => this.handle(source, message));
    await this.page.addInitScript(installPageBridge, { binding: BINDING, pageApi: PAGE_API, exposures });
  }

  /** webContents.send: to the current document's preload; before the first one ran, kept for it. */
  deliver(channel: string, args: unknown[]): void {
    if (this.current) this.current.preload.electron.deliver(channel, args);
    else this.undelivered.push([channel, args]);
  }

  private open(doc: string): World {
    const world = new World(doc, this.page, this.script, this.host);
    this.worlds.set(doc, world);
    this.current = world;
    for (const [channel, args] of this.undelivered.splice(0)) world.preload.electron.deliver(channel, args);
    return world;
  }

  private async handle(source: { frame: Frame }, message: PageMessage): Promise<unknown> {
    if (source.frame !== this.page.mainFrame()) throw new Error('No preload runs in a subframe');
    const world = this.worlds.get(message.doc) ?? this.open(message.doc);
    await world.turn(message.seq);
    let running: Promise<unknown>;
    try {
      running = message.kind === 'hello' ? Promise.resolve(undefined) : world.run(message);
    } finally {
      world.done(message.seq);
    }
    return running;
  }
}
