import { describe, expect, it } from 'vitest';
import {
  addMinute,
  finish,
  IDLE,
  MAX_TIMER_MS,
  pause,
  phase,
  remaining,
  resume,
  start,
  stop,
  type TimerState,
  togglePause,
} from './timer-model.ts';

const T0 = 1_000_000;
const MIN = 60_000;

describe('the timer model', () => {
  it('starts a countdown that ends its length after now, replacing what ran before', () => {
    expect(start(5 * MIN, T0)).toEqual({ status: 'running', endsAt: T0 + 5 * MIN, durationMs: 5 * MIN });
    expect(start(3 * MIN, T0 + 1000)).toEqual({
      status: 'running',
      endsAt: T0 + 1000 + 3 * MIN,
      durationMs: 3 * MIN,
    });
  });

  it('keeps a countdown between one second and the longest', () => {
    expect(start(0, T0)).toMatchObject({ endsAt: T0 + 1000, durationMs: 1000 });
    expect(start(MAX_TIMER_MS * 2, T0)).toMatchObject({ durationMs: MAX_TIMER_MS });
  });

  it('counts down while running and never below zero', () => {
    const running = start(5 * MIN, T0);
    expect(remaining(running, T0)).toBe(5 * MIN);
    expect(remaining(running, T0 + 90_000)).toBe(3.5 * MIN);
    expect(remaining(running, T0 + 5 * MIN)).toBe(0);
    expect(remaining(running, T0 + 6 * MIN)).toBe(0);
    expect(remaining(IDLE, T0)).toBe(0);
    expect(remaining({ status: 'finished', endedAt: T0 }, T0 + MIN)).toBe(0);
  });

  it('pauses with the time left, which stays put however long the pause lasts', () => {
    const paused = pause(start(5 * MIN, T0), T0 + MIN);
    expect(paused).toEqual({ status: 'paused', remainingMs: 4 * MIN, durationMs: 5 * MIN });
    expect(remaining(paused, T0 + 60 * MIN)).toBe(4 * MIN);
  });

  it('resumes from the time left, ending that long after the resume', () => {
    const paused: TimerState = { status: 'paused', remainingMs: 4 * MIN, durationMs: 5 * MIN };
    expect(resume(paused, T0 + 10 * MIN)).toEqual({
      status: 'running',
      endsAt: T0 + 14 * MIN,
      durationMs: 5 * MIN,
    });
  });

  it('toggles between running and paused, and leaves idle and finished alone', () => {
    const running = start(5 * MIN, T0);
    const paused = togglePause(running, T0 + MIN);
    expect(paused).toEqual(pause(running, T0 + MIN));
    expect(togglePause(paused, T0 + 2 * MIN)).toEqual(resume(paused, T0 + 2 * MIN));
    expect(togglePause(IDLE, T0)).toBe(IDLE);
    const finished: TimerState = { status: 'finished', endedAt: T0 };
    expect(togglePause(finished, T0 + 1)).toBe(finished);
  });

  it('pausing or resuming what is not running or paused changes nothing', () => {
    expect(pause(IDLE, T0)).toBe(IDLE);
    expect(resume(IDLE, T0)).toBe(IDLE);
    const running = start(MIN, T0);
    expect(resume(running, T0 + 1)).toBe(running);
  });

  it('pausing after the end finishes the timer at its end time instead', () => {
    expect(pause(start(MIN, T0), T0 + 2 * MIN)).toEqual({ status: 'finished', endedAt: T0 + MIN });
  });

  it('finishes a running timer once its end has passed, at the end time, whoever notices', () => {
    const running = start(MIN, T0);
    expect(finish(running, T0 + MIN - 1)).toBe(running);
    expect(finish(running, T0 + MIN)).toEqual({ status: 'finished', endedAt: T0 + MIN });
    expect(finish(running, T0 + 10 * MIN)).toEqual({ status: 'finished', endedAt: T0 + MIN });
    const paused = pause(running, T0 + 1000);
    expect(finish(paused, T0 + 10 * MIN)).toBe(paused);
    expect(finish(IDLE, T0)).toBe(IDLE);
  });

  it('adds a minute to a running countdown: to its end and to its length', () => {
    expect(addMinute(start(5 * MIN, T0), T0 + 2 * MIN)).toEqual({
      status: 'running',
      endsAt: T0 + 6 * MIN,
      durationMs: 6 * MIN,
    });
  });

  it('adds a minute to a paused countdown, which stays paused', () => {
    expect(addMinute({ status: 'paused', remainingMs: 30_000, durationMs: 3 * MIN }, T0)).toEqual({
      status: 'paused',
      remainingMs: 90_000,
      durationMs: 4 * MIN,
    });
  });

  it('once time is up, a minute more is a new one-minute countdown from now', () => {
    const expected = { status: 'running', endsAt: T0 + MIN, durationMs: MIN };
    expect(addMinute({ status: 'finished', endedAt: T0 - 30_000 }, T0)).toEqual(expected);
    // Run out but not yet marked finished: the same, not a minute after the old end.
    expect(addMinute(start(MIN, T0 - 2 * MIN), T0)).toEqual(expected);
  });

  it('adds nothing when idle, and never beyond the longest countdown', () => {
    expect(addMinute(IDLE, T0)).toBe(IDLE);
    expect(remaining(addMinute(start(MAX_TIMER_MS, T0), T0), T0)).toBe(MAX_TIMER_MS);
    expect(addMinute({ status: 'paused', remainingMs: MAX_TIMER_MS, durationMs: MAX_TIMER_MS }, T0)).toEqual({
      status: 'paused',
      remainingMs: MAX_TIMER_MS,
      durationMs: MAX_TIMER_MS,
    });
  });

  it('stops to idle from every state', () => {
    expect(stop()).toEqual({ status: 'idle' });
  });

  it('turns to the last minute at exactly 60 seconds left, and to done at exactly zero', () => {
    const running = start(5 * MIN, T0);
    const end = T0 + 5 * MIN;
    expect(phase(running, T0)).toBe('normal');
    expect(phase(running, end - MIN - 1)).toBe('normal');
    expect(phase(running, end - MIN)).toBe('last-minute');
    expect(phase(running, end - 1)).toBe('last-minute');
    expect(phase(running, end)).toBe('done');
    expect(phase(running, end + MIN)).toBe('done');
  });

  it('shows a paused countdown in the phase of its time left; idle is normal, finished done', () => {
    expect(phase({ status: 'paused', remainingMs: MIN + 1, durationMs: 5 * MIN }, T0)).toBe('normal');
    expect(phase({ status: 'paused', remainingMs: MIN, durationMs: 5 * MIN }, T0)).toBe('last-minute');
    expect(phase(IDLE, T0)).toBe('normal');
    expect(phase({ status: 'finished', endedAt: T0 }, T0 + MIN)).toBe('done');
  });
});
