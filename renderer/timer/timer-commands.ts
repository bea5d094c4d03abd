import { appServices } from '../app/services.ts';
import type { JourneywallDb } from '../db/journeywall-db.ts';
import { showNotice } from '../ui/notice-store.ts';
import { addMinute, MINUTE_MS, start, stop, type TimerState, togglePause } from './timer-model.ts';
import { changeTimer, storeMuted } from './timer-storage.ts';

/**
 * What the timer's controls and keys do. Each stores the change (the app's library by default),
 * and every window showing the timer follows. A change that cannot be stored is not made: the
 * notice says so, rather than one window counting down alone.
 */

// Plain words: the exception's own text names browser internals (as in persistence/save-status.ts).
const NOT_STORED = "this computer's storage isn't answering; the disk may be full";

const change = async (
  db: JourneywallDb,
  edit: (state: TimerState, now: number) => TimerState,
): Promise<void> => {
  try {
    await changeTimer(db, edit);
  } catch {
    showNotice(`The timer couldn't be stored (${NOT_STORED}), so it didn't change.`);
  }
};

/** Starts a countdown of `minutes` (a fraction for seconds: 2.5 is 2:30), replacing any other. */
export const startTimer = (minutes: number, db: JourneywallDb = appServices().db): Promise<void> =>
  change(db, (_state, now) => start(minutes * MINUTE_MS, now));

/** Pauses a running countdown, resumes a paused one. */
export const toggleTimerPause = (db: JourneywallDb = appServices().db): Promise<void> =>
  change(db, togglePause);

/** One more minute; after zero, a new one-minute countdown. */
export const addTimerMinute = (db: JourneywallDb = appServices().db): Promise<void> => change(db, addMinute);

export const stopTimer = (db: JourneywallDb = appServices().db): Promise<void> => change(db, stop);

/** Mutes or unmutes the chime, in every window and for the next start of the app. */
export const setTimerMuted = async (muted: boolean, db: JourneywallDb = appServices().db): Promise<void> => {
  try {
    await storeMuted(db, muted);
  } catch {
    showNotice(`The chime setting couldn't be stored (${NOT_STORED}).`);
  }
};
