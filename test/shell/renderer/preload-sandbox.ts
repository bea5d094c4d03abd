/**
 * Runs the bundled preload as a sandboxed renderer runs it: in a context of its own (the isolated
 * world), wrapped with exactly the parameters Electron's sandboxed preload gets (require, process,
 * Buffer, global, setImmediate, clearImmediate, exports, module). `require` knows only 'electron',
 * 'events', 'timers' and 'url'; `process` is the sandbox's small subset. There is no fs or path.
 */
import * as events from 'node:events';
import * as timers from 'node:timers';
import * as url from 'node:url';
import { compileFunction, createContext, runInContext } from 'node:vm';
import { createRendererElectron, type PreloadHost, type RendererElectron } from './preload-electron.ts';
import { type Realm, realmOf } from './realm.ts';

export interface Preload {
  readonly realm: Realm;
  readonly electron: RendererElectron;
}

export interface PreloadScript {
  readonly code: string;
  readonly filename: string;
  readonly platform: NodeJS.Platform;
}

/** The isolated world's globals: what a page's window offers a preload, minus the DOM. */
const worldGlobals = (console: PreloadHost['console']) => ({
  console,
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval,
  queueMicrotask,
  structuredClone,
  TextEncoder,
  TextDecoder,
  URL,
  URLSearchParams,
  Blob,
  File,
  atob,
  btoa,
  AbortController,
  AbortSignal,
  Event,
  EventTarget,
  crypto: globalThis.crypto,
  performance,
});

export function runPreload(script: PreloadScript, host: PreloadHost): Preload {
  const context = createContext(worldGlobals(host.console), { name: 'preload (isolated world)' });
  runInContext('globalThis.window = globalThis; globalThis.self = globalThis;', context);
  const realm = realmOf(context);
  const electron = createRendererElectron(host, realm);
  const builtins: Record<string, unknown> = { events, timers, url };
  const preloadRequire = (id: string): unknown => {
    if (id === 'electron') return electron.module;
    const name = id.replace(/^node:/, '');
    if (Object.hasOwn(builtins, name)) return builtins[name];
    throw new Error(`module not found: ${id}`);
  };
  const preloadProcess = {
    argv: [],
    env: {},
    execPath: '/opt/Journeywall/journeywall',
    pid: process.pid,
    arch: process.arch,
    platform: script.platform,
    sandboxed: true,
    contextIsolated: true,
    type: 'renderer',
    version: process.version,
    versions: { ...process.versions },
    uptime: () => process.uptime(),
  };
  const run = compileFunction(
    script.code,
    ['require', 'process', 'Buffer', 'global', 'setImmediate', 'clearImmediate', 'exports', 'module'],
    { parsingContext: context, filename: script.filename },
  );
  const module = runInContext('({ exports: {} })', context) as { exports: unknown };
  run(
    preloadRequire,
    preloadProcess,
    Buffer,
    runInContext('globalThis', context),
    setImmediate,
    clearImmediate,
    module.exports,
    module,
  );
  return { realm, electron };
}
