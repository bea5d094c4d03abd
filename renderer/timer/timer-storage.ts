import type { JourneywallDb, SessionRow, TimerRow, TimerSoundRow } from '../db/journeywall-db.ts';
import { finish, IDLE, type TimerState } from './timer-model.ts';

/**
 * The timer and its mute choice as stored in the library's session table. The stored row is the
 * timer: every window shows what is stored, and every change is a transaction that reads the row
 * and writes the change, so two windows changing it at once both see the other's change (IndexedDB
 * runs read-write transactions on one table one after another, across windows too).
 */

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

const isLength = (value: unknown): value is number => isTime(value) && value >= 0;

/** The stored state, or idle for a row this version of the app cannot read. */
export const timerStateOf = (row: SessionRow | undefined): TimerState => {
  const state = row?.key === 'timer' ? row.state : undefined;
  if (typeof state !== 'object' || state === null || !('status' in state)) return IDLE;
  const value: Record<string, unknown> = { ...state };
  switch (value.status) {
    case 'running':
      return isTime(value.endsAt) && isLength(value.durationMs)
        ? { status: 'running', endsAt: value.endsAt, durationMs: value.durationMs }
        : IDLE;
    case 'paused':
      return isLength(value.remainingMs) && isLength(value.durationMs)
        ? { status: 'paused', remainingMs: value.remainingMs, durationMs: value.durationMs }
        : IDLE;
    case 'finished':
      return isTime(value.endedAt) ? { status: 'finished', endedAt: value.endedAt } : IDLE;
    default:
      return IDLE;
  }
};

export const mutedOf = (row: SessionRow | undefined): boolean => row?.key === 'timer-sound' && row.muted;

export const readTimer = async (db: JourneywallDb): Promise<TimerState> =>
  timerStateOf(await db.session.get('timer'));

export const readMuted = async (db: JourneywallDb): Promise<boolean> =>
  mutedOf(await db.session.get('timer-sound'));

const timerRow = (state: TimerState): TimerRow => ({ key: 'timer', state });

/**
 * Applies `change` to the stored timer at the moment of the transaction and stores the result;
 * resolves to the states before and after.
 */
export const changeTimer = (
  db: JourneywallDb,
  change: (state: TimerState, now: number) => TimerState,
): Promise<{ readonly before: TimerState; readonly after: TimerState }> =>
  db.transaction('rw', db.session, async () => {
    const before = timerStateOf(await db.session.get('timer'));
    const after = change(before, Date.now());
    if (after !== before) await db.session.put(timerRow(after));
    return { before, after };
  });

/**
 * Marks a timer whose end has passed as finished; resolves to whether this call did it. Every
 * window showing the timer tries when its countdown reaches zero, and exactly one succeeds.
 */
export const finishTimer = async (db: JourneywallDb): Promise<boolean> => {
  const { before, after } = await changeTimer(db, finish);
  return after !== before;
};

export const storeMuted = async (db: JourneywallDb, muted: boolean): Promise<void> => {
  const row: TimerSoundRow = { key: 'timer-sound', muted };
  await db.session.put(row);
};
