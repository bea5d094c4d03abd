import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createCloseGate,
  createFlushCoordinator,
  FLUSH_TIMEOUT_MS,
  type FlushTimer,
  waitAtMost,
} from './quit-flush.ts';

/** A timer the test advances by hand. */
function manualTimer() {
  let now = 0;
  let pending: { at: number; callback: () => void; handle: number }[] = [];
  let nextHandle = 1;
  const timer: FlushTimer = {
    set(callback, ms) {
      const handle = nextHandle++;
      pending.push({ at: now + ms, callback, handle });
      return handle;
    },
    clear(handle) {
      pending = pending.filter((entry) => entry.handle !== handle);
    },
  };
  const advance = (ms: number): void => {
    now += ms;
    const due = pending.filter((entry) => entry.at <= now);
    pending = pending.filter((entry) => entry.at > now);
    for (const entry of due) entry.callback();
  };
  return { timer, advance, pendingCount: () => pending.length };
}

const settled = async <T>(promise: Promise<T>): Promise<T | 'pending'> =>
  Promise.race([promise, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), 0))]);

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  warn.mockRestore();
});

describe('flush coordinator', () => {
  it('sends a token and waits until the renderer confirms that token', async () => {
    const { timer, pendingCount } = manualTimer();
    const flushes = createFlushCoordinator({ timer, newToken: () => 'token-1' });
    const send = vi.fn();
    const outcome = flushes.request(send);
    expect(send).toHaveBeenCalledWith('token-1');
    expect(await settled(outcome)).toBe('pending');

    expect(flushes.acknowledge('token-1')).toBe(true);
    expect(await outcome).toBe('flushed');
    expect(pendingCount()).toBe(0);
  });

  it('ignores confirmations carrying another token', async () => {
    const { timer } = manualTimer();
    const flushes = createFlushCoordinator({ timer, newToken: () => 'expected' });
    const outcome = flushes.request(() => undefined);
    expect(flushes.acknowledge('forged')).toBe(false);
    expect(await settled(outcome)).toBe('pending');
  });

  it('gives up after 5 seconds, and not a moment before', async () => {
    const { timer, advance } = manualTimer();
    const flushes = createFlushCoordinator({ timer, newToken: () => 't' });
    const outcome = flushes.request(() => undefined);
    advance(4999);
    expect(await settled(outcome)).toBe('pending');
    advance(1);
    expect(await outcome).toBe('timed-out');
    expect(flushes.acknowledge('t')).toBe(false);
  });

  it('does not wait when the request cannot be sent', async () => {
    const { timer, pendingCount } = manualTimer();
    const flushes = createFlushCoordinator({ timer });
    const outcome = flushes.request(() => {
      throw new Error('Object has been destroyed');
    });
    expect(await outcome).toBe('not-sent');
    expect(pendingCount()).toBe(0);
  });

  it('stops waiting as soon as the window is gone, since no answer can come', async () => {
    const { timer, pendingCount } = manualTimer();
    const flushes = createFlushCoordinator({ timer, newToken: () => 't' });
    const windowGone = new AbortController();
    const outcome = flushes.request(() => undefined, windowGone.signal);
    expect(await settled(outcome)).toBe('pending');
    windowGone.abort();
    expect(await outcome).toBe('gone');
    expect(pendingCount()).toBe(0);
    expect(flushes.acknowledge('t')).toBe(false);
    expect(await flushes.request(() => undefined, windowGone.signal)).toBe('gone');
  });

  it('tells overlapping requests apart', async () => {
    const { timer } = manualTimer();
    let n = 0;
    const flushes = createFlushCoordinator({ timer, newToken: () => `t${++n}` });
    const first = flushes.request(() => undefined);
    const second = flushes.request(() => undefined);
    flushes.acknowledge('t2');
    expect(await second).toBe('flushed');
    expect(await settled(first)).toBe('pending');
  });

  it('mints distinct random tokens by default', () => {
    const tokens = new Set<string>();
    const flushes = createFlushCoordinator({ timer: manualTimer().timer });
    for (let i = 0; i < 20; i++) void flushes.request((token) => tokens.add(token));
    expect(tokens.size).toBe(20);
  });
});

describe('close gate', () => {
  it('holds the first quit, prepares once, then repeats the quit, which passes', async () => {
    let finishPreparing: () => void = () => undefined;
    const prepare = vi.fn(() => new Promise<void>((resolve) => (finishPreparing = resolve)));
    const gate = createCloseGate(prepare);
    const proceed = vi.fn();

    const first = { preventDefault: vi.fn() };
    gate.intercept(first, proceed);
    expect(first.preventDefault).toHaveBeenCalled();

    // A second quit while flushing (the user presses Cmd+Q again) is absorbed.
    const second = { preventDefault: vi.fn() };
    gate.intercept(second, proceed);
    expect(second.preventDefault).toHaveBeenCalled();
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(proceed).not.toHaveBeenCalled();
    expect(gate.isOpen).toBe(false);

    finishPreparing();
    await vi.waitFor(() => expect(proceed).toHaveBeenCalledTimes(1));
    expect(gate.isOpen).toBe(true);

    const repeated = { preventDefault: vi.fn() };
    gate.intercept(repeated, proceed);
    expect(repeated.preventDefault).not.toHaveBeenCalled();
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it('still quits when preparing fails', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const gate = createCloseGate(() => Promise.reject(new Error('disk full')));
    const proceed = vi.fn();
    gate.intercept({ preventDefault: vi.fn() }, proceed);
    await vi.waitFor(() => expect(proceed).toHaveBeenCalled());
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});

describe('quit sequence', () => {
  function quitting() {
    const { timer, advance } = manualTimer();
    const flushes = createFlushCoordinator({ timer, newToken: () => 'quit-token' });
    const toRenderer: string[] = [];
    const gate = createCloseGate(() => flushes.request((token) => toRenderer.push(token)));
    const quit = vi.fn();
    const beforeQuit = { preventDefault: vi.fn() };
    gate.intercept(beforeQuit, quit);
    return { flushes, toRenderer, quit, beforeQuit, advance };
  }

  it('quits only after the renderer reports its saves flushed', async () => {
    const { flushes, toRenderer, quit, beforeQuit } = quitting();
    expect(beforeQuit.preventDefault).toHaveBeenCalled();
    expect(toRenderer).toEqual(['quit-token']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(quit).not.toHaveBeenCalled();

    flushes.acknowledge('quit-token');
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
  });

  it('quits after the time limit when the renderer never answers', async () => {
    const { quit, advance } = quitting();
    advance(FLUSH_TIMEOUT_MS - 1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(quit).not.toHaveBeenCalled();
    advance(1);
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
  });
});

describe('waiting for work before the app exits', () => {
  it('settles when the work is done', async () => {
    const { timer, pendingCount } = manualTimer();
    let finish: () => void = () => undefined;
    const waited = waitAtMost(new Promise<void>((resolve) => (finish = resolve)), { timer });
    expect(await settled(waited)).toBe('pending');
    finish();
    expect(await waited).toBe('done');
    expect(pendingCount()).toBe(0);
  });

  it('gives up at the flush time limit, so a hung disk cannot keep the app open', async () => {
    const { timer, advance } = manualTimer();
    const waited = waitAtMost(new Promise(() => undefined), { timer });
    advance(FLUSH_TIMEOUT_MS - 1);
    expect(await settled(waited)).toBe('pending');
    advance(1);
    expect(await waited).toBe('timed-out');
  });
});
