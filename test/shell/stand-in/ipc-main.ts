/**
 * `ipcMain`: the handlers of invoke(), the one way the app's renderer talks to main. Each call carries its sender (the
 * window's webContents) and sender frame, so the app's sender checks see what Electron would
 * show them. A handler's result is structured-cloned back; a failure reaches the renderer as
 * Electron words it: "Error invoking remote method '<channel>': <error>".
 */
import { EventEmitter } from 'node:events';
import type { FrameInfo } from '../protocol.ts';
import type { Runtime } from './runtime.ts';
import { frameFromInfo, type StandInWebContents } from './web-contents.ts';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export interface StandInIpcMain extends EventEmitter {
  handle(channel: string, handler: Handler): void;
  /** A renderer's invoke(); answers the harness with the result or the error text. */
  dispatchInvoke(
    id: number,
    sender: StandInWebContents,
    frame: FrameInfo | null,
    channel: string,
    args: unknown[],
  ): void;
}

export function createIpcMain(runtime: Runtime): StandInIpcMain {
  const handlers = new Map<string, Handler>();
  const ipcMain = new EventEmitter() as StandInIpcMain;

  const eventFor = (sender: StandInWebContents, frame: FrameInfo | null) => {
    const senderFrame = frame ? frameFromInfo(frame) : null;
    return {
      type: 'frame' as const,
      sender,
      senderFrame,
      processId: senderFrame?.processId ?? 0,
      frameId: senderFrame?.routingId ?? 0,
      ports: [],
    };
  };

  const register = (channel: string, handler: Handler): void => {
    if (typeof channel !== 'string') throw new TypeError('channel must be a string');
    if (typeof handler !== 'function') throw new TypeError('handler must be a function');
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, handler);
  };

  Object.assign(ipcMain, {
    handle: register,
    dispatchInvoke(
      id: number,
      sender: StandInWebContents,
      frame: FrameInfo | null,
      channel: string,
      args: unknown[],
    ) {
      const reply = (result: { ok: true; value: unknown } | { ok: false; message: string }): void =>
        runtime.link.send({ kind: 'invoke-result', id, ...result });
      const handler = handlers.get(channel);
      if (!handler) {
        reply({ ok: false, message: `Error: No handler registered for '${channel}'` });
        return;
      }
      void (async () => {
        try {
          const value = await handler(eventFor(sender, frame), ...args);
          let cloned: unknown;
          try {
            cloned = structuredClone(value);
          } catch {
            reply({ ok: false, message: 'Error: An object could not be cloned.' });
            return;
          }
          reply({ ok: true, value: cloned });
        } catch (error) {
          reply({ ok: false, message: String(error) });
        }
      })();
    },
  });
  return ipcMain;
}
