/**
 * The workshop timer as data: what it is doing, and pure changes to it. Times are epoch
 * milliseconds (Date.now()); every window on the machine reads the same clock, so a running timer
 * stored as its end time counts down identically in each of them and survives a reload or a crash.
 */
export type TimerState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly endsAt: number; readonly durationMs: number }
  | { readonly status: 'paused'; readonly remainingMs: number; readonly durationMs: number }
  | { readonly status: 'finished'; readonly endedAt: number };

/** How the time left is shown: the last minute changes colour, zero pulses. */
export type TimerPhase = 'normal' | 'last-minute' | 'done';

export const IDLE: TimerState = { status: 'idle' };

export const MINUTE_MS = 60_000;

/** The longest countdown: a half-day session, still shown as m:ss. */
export const MAX_TIMER_MS = 180 * MINUTE_MS;

const clampLength = (ms: number): number => Math.min(Math.max(Math.round(ms), 1000), MAX_TIMER_MS);

/** Starts a countdown of `durationMs` from `now`, replacing whatever the timer was doing. */
export const start = (durationMs: number, now: number): TimerState => {
  const length = clampLength(durationMs);
  return { status: 'running', endsAt: now + length, durationMs: length };
};

/** Milliseconds left at `now`, never negative. */
export const remaining = (state: TimerState, now: number): number => {
  if (state.status === 'running') return Math.max(0, state.endsAt - now);
  if (state.status === 'paused') return state.remainingMs;
  return 0;
};

/** A running timer whose end has passed becomes finished (at its end time, whoever notices). */
export const finish = (state: TimerState, now: number): TimerState =>
  state.status === 'running' && state.endsAt <= now ? { status: 'finished', endedAt: state.endsAt } : state;

export const pause = (state: TimerState, now: number): TimerState => {
  const settled = finish(state, now);
  return settled.status === 'running'
    ? { status: 'paused', remainingMs: settled.endsAt - now, durationMs: settled.durationMs }
    : settled;
};

export const resume = (state: TimerState, now: number): TimerState =>
  state.status === 'paused'
    ? { status: 'running', endsAt: now + state.remainingMs, durationMs: state.durationMs }
    : state;

/** Pauses a running timer, resumes a paused one; anything else stays as it is. */
export const togglePause = (state: TimerState, now: number): TimerState =>
  state.status === 'paused' ? resume(state, now) : pause(state, now);

/**
 * One more minute: added to a running or paused countdown, or, once time is up, a new one-minute
 * countdown (the room asks for "one more minute" after the chime). Nothing to add to when idle.
 */
export const addMinute = (state: TimerState, now: number): TimerState => {
  const settled = finish(state, now);
  switch (settled.status) {
    case 'running': {
      const endsAt = Math.min(settled.endsAt + MINUTE_MS, now + MAX_TIMER_MS);
      return { status: 'running', endsAt, durationMs: settled.durationMs + (endsAt - settled.endsAt) };
    }
    case 'paused': {
      const remainingMs = Math.min(settled.remainingMs + MINUTE_MS, MAX_TIMER_MS);
      return {
        status: 'paused',
        remainingMs,
        durationMs: settled.durationMs + (remainingMs - settled.remainingMs),
      };
    }
    case 'finished':
      return start(MINUTE_MS, now);
    case 'idle':
      return settled;
  }
};

export const stop = (): TimerState => IDLE;

/** The last minute is the one that shows 1:00 and below; zero is done. */
export const phase = (state: TimerState, now: number): TimerPhase => {
  if (state.status === 'idle') return 'normal';
  const left = remaining(state, now);
  if (left === 0) return 'done';
  return left <= MINUTE_MS ? 'last-minute' : 'normal';
};
