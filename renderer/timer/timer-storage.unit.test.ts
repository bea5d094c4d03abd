import { describe, expect, it } from 'vitest';
import type { SessionRow } from '../db/journeywall-db.ts';
import { mutedOf, timerStateOf } from './timer-storage.ts';

const timerRow = (state: unknown): SessionRow => ({ key: 'timer', state });

describe('reading the stored timer', () => {
  it('reads every state the timer can be in', () => {
    for (const state of [
      { status: 'idle' },
      { status: 'running', endsAt: 1_000_000, durationMs: 300_000 },
      { status: 'paused', remainingMs: 12_000, durationMs: 60_000 },
      { status: 'finished', endedAt: 1_000_000 },
    ])
      expect(timerStateOf(timerRow(state))).toEqual(state);
  });

  it('keeps only what the timer uses from a row a newer version wrote', () => {
    expect(
      timerStateOf(timerRow({ status: 'running', endsAt: 5, durationMs: 5, startedBy: 'window 2' })),
    ).toEqual({
      status: 'running',
      endsAt: 5,
      durationMs: 5,
    });
  });

  it('reads as idle what it cannot make sense of, or no row at all', () => {
    for (const state of [
      undefined,
      null,
      'running',
      { status: 'running', endsAt: '12:00', durationMs: 5 },
      { status: 'running', endsAt: Number.NaN, durationMs: 5 },
      { status: 'paused', remainingMs: -1, durationMs: 5 },
      { status: 'finished' },
      { status: 'ringing', endsAt: 5 },
    ])
      expect(timerStateOf(timerRow(state)), JSON.stringify(state)).toEqual({ status: 'idle' });
    expect(timerStateOf(undefined)).toEqual({ status: 'idle' });
    expect(timerStateOf({ key: 'last-open-map', mapId: 'm1' })).toEqual({ status: 'idle' });
  });

  it('reads the chime as on unless a mute was stored', () => {
    expect(mutedOf(undefined)).toBe(false);
    expect(mutedOf({ key: 'timer-sound', muted: false })).toBe(false);
    expect(mutedOf({ key: 'timer-sound', muted: true })).toBe(true);
  });
});
