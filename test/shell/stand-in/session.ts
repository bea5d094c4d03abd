/**
 * `protocol` and `session.defaultSession`: the request pipeline of every page request the harness
 * routes here. A request goes through webRequest.onBeforeRequest (which may cancel it), then the
 * scheme's protocol.handle handler (a fetch Request in, a Response out). The stand-in is offline:
 * http(s) has no handler and fails. Downloads ask the session's 'will-download' listeners.
 */
import { EventEmitter } from 'node:events';
import type { Faults, RequestOutcome } from '../protocol.ts';
import { createEvent, type Runtime } from './runtime.ts';
import type { PipelineRequest, RequestPipeline, StandInWebContents } from './web-contents.ts';

const PRIVILEGES = new Set([
  'standard',
  'secure',
  'bypassCSP',
  'allowServiceWorkers',
  'supportFetchAPI',
  'corsEnabled',
  'stream',
  'codeCache',
]);

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
type BeforeRequest = (
  details: Record<string, unknown>,
  callback: (response: { cancel?: boolean; redirectURL?: string }) => void,
) => void;

export interface SessionModule {
  readonly protocol: Record<string, unknown>;
  readonly session: Record<string, unknown>;
  readonly pipeline: RequestPipeline;
  /** A download the page started: whether the 'will-download' listeners cancelled it. */
  download(contents: StandInWebContents, url: string, filename: string): { cancelled: boolean };
}

let nextRequestId = 1;

export function createSessionModule(runtime: Runtime, faults: Faults): SessionModule {
  const handlers = new Map<string, ProtocolHandler>();
  let privilegedRegistered = false;
  let loadsToFail = faults.failLoads ?? 0;
  let beforeRequest: BeforeRequest | null = null;

  const protocol = {
    registerSchemesAsPrivileged(schemes: unknown) {
      if (runtime.isReady()) {
        throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
      }
      if (privilegedRegistered)
        runtime.misuse('protocol.registerSchemesAsPrivileged can be called only once');
      privilegedRegistered = true;
      if (!Array.isArray(schemes)) throw new TypeError('customSchemes must be an array');
      const registered = schemes.map((entry: { scheme?: unknown; privileges?: Record<string, unknown> }) => {
        if (typeof entry?.scheme !== 'string') throw new TypeError('scheme must be a string');
        for (const [key, value] of Object.entries(entry.privileges ?? {})) {
          if (!PRIVILEGES.has(key)) runtime.misuse(`unknown scheme privilege "${key}"`);
          if (typeof value !== 'boolean') runtime.misuse(`scheme privilege "${key}" must be a boolean`);
        }
        return {
          scheme: entry.scheme,
          standard: entry.privileges?.standard === true,
          secure: entry.privileges?.secure === true,
        };
      });
      runtime.link.send({ kind: 'privileged-schemes', schemes: registered });
    },
    handle(scheme: string, handler: ProtocolHandler) {
      if (!runtime.isReady()) throw new Error('protocol.handle() can only be used after the app is ready');
      if (typeof handler !== 'function') throw new TypeError('handler must be a function');
      if (faults.breakApi === 'protocol.handle' || handlers.has(scheme)) {
        throw new Error(`Failed to register protocol: ${scheme}`);
      }
      handlers.set(scheme, handler);
    },
  };

  const handlerSetter = (name: string) => (handler: unknown) => {
    if (handler !== null && typeof handler !== 'function') {
      throw new TypeError(`${name}: handler must be a function or null`);
    }
  };

  const defaultSession = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: handlerSetter('setPermissionRequestHandler'),
    setPermissionCheckHandler: handlerSetter('setPermissionCheckHandler'),
    setDevicePermissionHandler: handlerSetter('setDevicePermissionHandler'),
    setSpellCheckerEnabled(enabled: boolean) {
      if (typeof enabled !== 'boolean') throw new TypeError('enable must be a boolean');
    },
    webRequest: {
      onBeforeRequest(filterOrListener: unknown, maybeListener?: unknown) {
        const listener = maybeListener === undefined ? filterOrListener : maybeListener;
        if (listener !== null && typeof listener !== 'function') {
          throw new TypeError('listener must be a function or null');
        }
        beforeRequest = listener as BeforeRequest | null;
      },
    },
  });

  const pipeline: RequestPipeline = {
    async run(contents, request: PipelineRequest): Promise<RequestOutcome> {
      if (beforeRequest) {
        const listener = beforeRequest;
        const details = {
          id: nextRequestId++,
          url: request.url,
          method: request.method,
          resourceType: request.resourceType,
          referrer: '',
          timestamp: Date.now(),
          webContentsId: contents.id,
          webContents: contents,
          frame: contents.isDestroyed() ? null : contents.mainFrame,
        };
        const verdict = await new Promise<{ cancel?: boolean; redirectURL?: string }>((resolve) =>
          listener(details, (response) => resolve(response ?? {})),
        );
        if (verdict.cancel === true)
          return { action: 'cancelled', reason: 'webRequest.onBeforeRequest cancelled it' };
        if (verdict.redirectURL !== undefined) runtime.misuse('redirectURL is not supported by the stand-in');
      }
      if (request.resourceType === 'mainFrame' && loadsToFail > 0) {
        loadsToFail -= 1;
        return { action: 'failed', reason: 'ERR_FAILED (injected fault)' };
      }
      const scheme = request.url.slice(0, Math.max(0, request.url.indexOf(':')));
      const handler = handlers.get(scheme);
      if (!handler)
        return { action: 'failed', reason: `no handler for ${scheme}: (the stand-in is offline)` };
      let response: Response;
      try {
        response = await handler(
          new Request(request.url, { method: request.method, headers: request.headers }),
        );
      } catch (error) {
        return { action: 'failed', reason: `protocol handler threw: ${String(error)}` };
      }
      if (!(response instanceof Response))
        return { action: 'failed', reason: 'protocol handler returned no Response' };
      const body =
        request.method === 'HEAD' ? new Uint8Array() : new Uint8Array(await response.arrayBuffer());
      return {
        action: 'fulfill',
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body,
      };
    },
  };

  const session = {
    get defaultSession() {
      if (!runtime.isReady()) throw new Error('Session can only be received when app is ready');
      return defaultSession;
    },
  };

  return {
    protocol,
    session,
    pipeline,
    download(contents, url, filename) {
      let cancelled = false;
      const item = Object.assign(new EventEmitter(), {
        getURL: () => url,
        getFilename: () => filename,
        cancel: () => {
          cancelled = true;
        },
      });
      const event = createEvent();
      defaultSession.emit('will-download', event, item, contents);
      return { cancelled: cancelled || event.defaultPrevented };
    },
  };
}
