/**
 * The `electron` module a sandboxed preload can require: contextBridge, ipcRenderer and
 * webUtils. ipcRenderer structured-clones what it sends (a function or another value that cannot
 * be cloned throws, as in Electron) and hands main's messages to the preload in its own realm.
 */
import { EventEmitter } from 'node:events';
import { copyInto, type Realm } from './realm.ts';

export type InvokeAnswer =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string };

/** The preload's way out: IPC to main as its frame, and the page's window for exposed APIs. */
export interface PreloadHost {
  readonly contextIsolation: boolean;
  invoke(channel: string, args: unknown[]): Promise<InvokeAnswer>;
  expose(key: string, api: unknown): void;
  /** The path of a File the user dropped from the file system, or '' for one made in script. */
  pathOf(file: File): string;
  /** The renderer's console, where the preload's messages go (DevTools in Electron). */
  readonly console: Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'>;
}

export interface RendererElectron {
  readonly module: Record<string, unknown>;
  /** A message from main (webContents.send) reaching this preload. */
  deliver(channel: string, args: unknown[]): void;
}

const cloneOrThrow = (args: unknown[]): unknown[] => {
  try {
    return structuredClone(args);
  } catch {
    throw new Error('An object could not be cloned.');
  }
};

export function createRendererElectron(host: PreloadHost, realm: Realm): RendererElectron {
  const exposed = new Set<string>();
  const ipcRenderer = new EventEmitter() as EventEmitter & Record<string, unknown>;
  const checkChannel = (channel: unknown): void => {
    if (typeof channel !== 'string') throw new TypeError('Missing required channel argument');
  };
  Object.assign(ipcRenderer, {
    async invoke(channel: string, ...args: unknown[]) {
      checkChannel(channel);
      const answer = await host.invoke(channel, cloneOrThrow(args));
      if (!answer.ok) throw new realm.Error(`Error invoking remote method '${channel}': ${answer.message}`);
      return copyInto(answer.value, realm);
    },
  });

  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      if (!host.contextIsolation)
        throw new Error('contextBridge API can only be used when contextIsolation is enabled');
      if (typeof key !== 'string') throw new TypeError('apiKey must be a string');
      if (exposed.has(key))
        throw new Error('Cannot bind an API on top of an existing property on the window object');
      exposed.add(key);
      host.expose(key, api);
    },
  };

  const webUtils = {
    getPathForFile(file: unknown) {
      if (Object.prototype.toString.call(file) !== '[object File]') {
        throw new TypeError('webUtils.getPathForFile: the argument is not a File');
      }
      return host.pathOf(file as File);
    },
  };

  return {
    module: { contextBridge, ipcRenderer, webUtils },
    deliver(channel, args) {
      ipcRenderer.emit(channel, { sender: ipcRenderer, ports: [] }, ...copyInto(args, realm));
    },
  };
}
