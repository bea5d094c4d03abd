/**
 * The page's half of contextBridge, installed as an init script in the window's top frame only
 * (a preload never runs in subframes: nodeIntegrationInSubFrames is off). It defines each API the
 * preload exposed, with the same shape, and forwards every call to the preload in Node through
 * one Playwright binding: functions cross as proxies both ways, Files with their bytes (and their
 * path, when the test dropped one from disk), data as Playwright serialises it.
 *
 * contextBridge calls are synchronous in Electron; here they cross to Node and back. A call
 * returns a stand-in that is awaitable (for the Promise-returning methods) and callable once the
 * result arrives (for the unsubscribe functions that subscriptions return). The world bridge in
 * Node refuses any other synchronous result, so a method this cannot mirror fails loudly.
 *
 * This function is serialised into the page: it may use nothing from its module.
 */
export type ExposedShape =
  | { readonly type: 'function' }
  | { readonly type: 'object'; readonly entries: Record<string, ExposedShape> }
  | { readonly type: 'value'; readonly value: unknown };

export interface PageBridgeConfig {
  readonly binding: string;
  readonly pageApi: string;
  readonly exposures: readonly { readonly key: string; readonly shape: ExposedShape }[];
}

export function installPageBridge({ binding, pageApi, exposures }: PageBridgeConfig): void {
  if (window !== window.top) return;
  type Marker = { __shell: 'function'; id: number };
  const doc = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const callbacks = new Map<number, (...args: unknown[]) => unknown>();
  const filePaths = new Map<string, string>();
  let nextCallback = 1;
  let seq = 0;
  let chain: Promise<unknown> = Promise.resolve();

  const fileKey = (file: File): string => `${file.name}\u0000${file.size}\u0000${file.lastModified}`;
  const isPlain = (value: object): boolean => {
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
  };

  const encode = async (value: unknown): Promise<unknown> => {
    if (typeof value === 'function') {
      const id = nextCallback++;
      callbacks.set(id, value as (...args: unknown[]) => unknown);
      return { __shell: 'function', id };
    }
    if (value instanceof File) {
      return {
        __shell: 'file',
        name: value.name,
        type: value.type,
        lastModified: value.lastModified,
        path: filePaths.get(fileKey(value)) ?? '',
        bytes: new Uint8Array(await value.arrayBuffer()),
      };
    }
    if (value instanceof Blob)
      return { __shell: 'blob', type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
    if (Array.isArray(value)) return Promise.all(value.map(encode));
    if (value !== null && typeof value === 'object' && isPlain(value)) {
      const entries = await Promise.all(
        Object.entries(value).map(async ([key, entry]) => [key, await encode(entry)]),
      );
      return Object.fromEntries(entries);
    }
    return value;
  };

  /** Awaitable like the Promise a method returns, callable like the function a subscription returns. */
  const pending = (result: Promise<unknown>) => {
    let target: ((...args: unknown[]) => unknown) | null = null;
    const queued: unknown[][] = [];
    result.then(
      (value) => {
        if (typeof value !== 'function') return;
        target = value as (...args: unknown[]) => unknown;
        for (const args of queued.splice(0)) target(...args);
      },
      () => undefined,
    );
    const callable = (...args: unknown[]): unknown => {
      if (target) return target(...args);
      queued.push(args);
      return undefined;
    };
    return Object.assign(callable, {
      // biome-ignore lint/suspicious/noThenProperty: it stands for the Promise a bridge method returns.
      then: (onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) =>
        result.then(onFulfilled, onRejected),
      catch: (onRejected: (reason: unknown) => unknown) => result.catch(onRejected),
      finally: (onFinally: () => void) => result.finally(onFinally),
    });
  };

  const request = (message: Record<string, unknown>, args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      // Calls leave in the order they were made, even when one waits to read a File's bytes.
      chain = chain
        .then(() => encode(args))
        .then((encoded) => {
          const send = (window as unknown as Record<string, (message: unknown) => Promise<unknown>>)[binding];
          if (!send) throw new Error('The desktop bridge is gone');
          send({ ...message, args: encoded, doc, seq: seq++ }).then(
            (value) => resolve(decode(value)),
            reject,
          );
        })
        .catch(reject);
    });

  const remoteFunction =
    (id: number) =>
    (...args: unknown[]) =>
      pending(request({ kind: 'call-function', id }, args));

  const decode = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if ((value as Marker).__shell === 'function') return remoteFunction((value as Marker).id);
    if (Array.isArray(value)) return value.map(decode);
    if (!isPlain(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, decode(entry)]));
  };

  const build = (shape: ExposedShape, path: string[]): unknown => {
    if (shape.type === 'function')
      return (...args: unknown[]) => pending(request({ kind: 'call', path }, args));
    if (shape.type === 'value') return shape.value;
    return Object.freeze(
      Object.fromEntries(
        Object.entries(shape.entries).map(([key, inner]) => [key, build(inner, [...path, key])]),
      ),
    );
  };

  Object.defineProperty(window, pageApi, {
    enumerable: false,
    value: Object.freeze({
      /** The preload calls a function the page gave it (a listener). */
      async invoke(targetDoc: string, id: number, args: unknown[]) {
        if (targetDoc !== doc) throw new Error('The page that registered this listener is gone');
        const callback = callbacks.get(id);
        if (!callback) throw new Error('Unknown listener');
        return encode(await callback(...(decode(args) as unknown[])));
      },
      /** A File the test dropped from disk: webUtils.getPathForFile will name its path. */
      registerFile(file: File, path: string) {
        filePaths.set(fileKey(file), path);
      },
    }),
  });

  void request({ kind: 'hello' }, []);
  for (const { key, shape } of exposures) {
    Object.defineProperty(window, key, { value: build(shape, [key]), enumerable: true });
  }
}
