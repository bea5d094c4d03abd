/**
 * The main process's line to the harness: the child-process channel. Requests (a dialog, closing
 * a page, loading a URL) wait for the harness's reply; everything else is fire and forget.
 */
import type { ToHarness, ToMain } from '../protocol.ts';

type Request = Extract<ToHarness, { id: number }>;
type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;
type Listener = (message: ToMain) => void;

export interface Link {
  send(message: ToHarness): void;
  request(message: RequestBody): Promise<unknown>;
  onMessage(listener: Listener): void;
  /** Resolves once every message sent so far has been handed to the channel. */
  drain(): Promise<void>;
}

export function createLink(channel: NodeJS.Process): Link {
  const waiting = new Map<number, (value: unknown) => void>();
  const listeners: Listener[] = [];
  let nextId = 1;
  let sending: Promise<void> = Promise.resolve();

  const send = (message: ToHarness): void => {
    sending = new Promise((resolve) => {
      channel.send?.(message, undefined, {}, () => resolve());
    });
  };

  channel.on('message', (message: ToMain) => {
    if (message.kind === 'reply') {
      waiting.get(message.id)?.(message.value);
      waiting.delete(message.id);
      return;
    }
    for (const listener of listeners) listener(message);
  });

  return {
    send,
    request(body) {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        send({ ...body, id } as Request);
      });
    },
    onMessage: (listener) => listeners.push(listener),
    drain: () => sending,
  };
}
