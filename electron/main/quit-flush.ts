/**
 * Quitting never loses an edit. Saving from `beforeunload` is unreliable (the page may be torn
 * down before an IndexedDB transaction commits), so main holds the quit or close, asks the
 * renderer to flush its pending saves, and continues when the renderer confirms with the same
 * token, or after a time limit so a hung renderer cannot keep the app open forever.
 */
import { randomUUID } from 'node:crypto';

export const FLUSH_TIMEOUT_MS = 5000;

/**
 * 'not-sent': the request could not reach the renderer (e.g. it is gone); nothing to wait for.
 * 'gone': the window or its renderer went away before answering.
 */
export type FlushOutcome = 'flushed' | 'timed-out' | 'not-sent' | 'gone';

export interface FlushTimer {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimer: FlushTimer = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface FlushCoordinatorOptions {
  readonly timer?: FlushTimer;
  readonly timeoutMs?: number;
  readonly newToken?: () => string;
}

export interface FlushCoordinator {
  /**
   * Sends a fresh token through `send` and settles when it is acknowledged, the time is up, or
   * `gone` aborts (the window closed or its renderer died: no answer can come any more).
   */
  request(send: (token: string) => void, gone?: AbortSignal): Promise<FlushOutcome>;
  /** The renderer's confirmation; false for a token nobody is waiting for. */
  acknowledge(token: string): boolean;
}

export function createFlushCoordinator(options: FlushCoordinatorOptions = {}): FlushCoordinator {
  const { timer = realTimer, timeoutMs = FLUSH_TIMEOUT_MS, newToken = randomUUID } = options;
  const waiting = new Map<string, (outcome: FlushOutcome) => void>();

  return {
    request(send, gone) {
      const token = newToken();
      return new Promise((resolve) => {
        if (gone?.aborted) {
          resolve('gone');
          return;
        }
        let handle: unknown;
        const onGone = (): void => settle('gone');
        const settle = (outcome: FlushOutcome): void => {
          timer.clear(handle);
          gone?.removeEventListener('abort', onGone);
          waiting.delete(token);
          resolve(outcome);
        };
        handle = timer.set(() => settle('timed-out'), timeoutMs);
        gone?.addEventListener('abort', onGone);
        waiting.set(token, settle);
        try {
          send(token);
        } catch (error) {
          console.warn('[quit-flush] could not ask the renderer to flush', error);
          settle('not-sent');
        }
      });
    },
    acknowledge(token) {
      const settle = waiting.get(token);
      settle?.('flushed');
      return settle !== undefined;
    },
  };
}

/**
 * Waits for work that should end before the app exits (removing unfinished exports' temp files),
 * but like a flush no longer than the time limit: a hung network drive cannot keep the app open.
 */
export function waitAtMost(
  work: Promise<unknown>,
  { timer = realTimer, timeoutMs = FLUSH_TIMEOUT_MS }: { timer?: FlushTimer; timeoutMs?: number } = {},
): Promise<'done' | 'timed-out'> {
  return new Promise((resolve) => {
    const handle = timer.set(() => resolve('timed-out'), timeoutMs);
    const done = (): void => {
      timer.clear(handle);
      resolve('done');
    };
    work.then(done, done);
  });
}

/**
 * Lets a close or quit through only after `prepare` has run once: the first event is prevented,
 * `prepare` runs, then `proceed` repeats the close or quit, which now passes. Events arriving
 * while `prepare` runs are prevented and absorbed.
 */
export function createCloseGate(prepare: () => Promise<unknown>): {
  readonly isOpen: boolean;
  intercept(event: { preventDefault(): void }, proceed: () => void): void;
} {
  let state: 'closed' | 'preparing' | 'open' = 'closed';
  return {
    get isOpen() {
      return state === 'open';
    },
    intercept(event, proceed) {
      if (state === 'open') return;
      event.preventDefault();
      if (state === 'preparing') return;
      state = 'preparing';
      prepare()
        .catch((error: unknown) => console.error('[quit-flush] preparing to close failed', error))
        .finally(() => {
          state = 'open';
          proceed();
        });
    },
  };
}
