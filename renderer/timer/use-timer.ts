import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { JourneywallDb } from '../db/journeywall-db.ts';
import { loadChime, playChime } from './chime.ts';
import { IDLE, phase, remaining, type TimerPhase, type TimerState } from './timer-model.ts';
import { finishTimer, readMuted, readTimer } from './timer-storage.ts';
import { formatClock } from './timer-text.ts';

/** What a timer display shows. */
export interface TimerView {
  readonly state: TimerState;
  readonly muted: boolean;
  /** The time left, m:ss. */
  readonly clock: string;
  readonly phase: TimerPhase;
  /** Time ran out just now, in this window's sight: the display pulses (once, not at every reload). */
  readonly pulsing: boolean;
}

/** How long after zero a display still starts its pulse (a reload later shows zero, still). */
const PULSE_WINDOW_MS = 10_000;

/** How often a running countdown reads the clock: windows showing it turn a second within this of each other. */
export const TIMER_TICK_MS = 100;

/** The time left in whole seconds, as shown. */
const secondsLeft = (state: TimerState, now: number): number => Math.ceil(remaining(state, now) / 1000);

/**
 * The clock, read when the timer changes and at every tick of a running countdown, which renders
 * only when the second shown changes. Phases change on whole seconds too (at 60 and 0).
 */
const useNow = (state: TimerState): number => {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    setNow(Date.now());
    if (state.status !== 'running') return;
    const interval = setInterval(() => {
      const at = Date.now();
      setNow((shown) => (secondsLeft(state, shown) === secondsLeft(state, at) ? shown : at));
    }, TIMER_TICK_MS);
    return () => clearInterval(interval);
  }, [state]);
  return now;
};

/**
 * At zero, stores the timer as finished and chimes, unless muted. Every window showing the timer
 * tries; the one whose transaction finishes it chimes (IndexedDB runs them one after another, so
 * exactly one does). Chosen over a Web Lock or the window that started the timer: it picks one
 * window per countdown whatever the windows' timings, and still works after the window that
 * started it was closed or reloaded. A countdown that ran out while no window was counting it
 * (the app was closed) finishes silently.
 */
const useAlarm = (db: JourneywallDb, state: TimerState, now: number): void => {
  const countedDown = useRef<number | null>(null);
  useEffect(() => {
    loadChime();
  }, []);
  useEffect(() => {
    if (state.status !== 'running') return;
    if (now < state.endsAt) {
      countedDown.current = state.endsAt;
      return;
    }
    const heard = countedDown.current === state.endsAt;
    finishTimer(db)
      .then(async (finished) => {
        if (finished && heard && !(await readMuted(db))) playChime();
      })
      // Not stored (the library closed): the countdown shows zero, and the next window to look finishes it.
      .catch(() => undefined);
  }, [db, state, now]);
};

/**
 * The stored timer, live: Dexie's live queries rerun when the session table changes, in this
 * window or in another of the same app (Dexie 4 tells the others over a BroadcastChannel). Chosen
 * over a BroadcastChannel of our own: what every window shows is what is stored, so a window
 * opened or reloaded later, or one that missed a message, cannot disagree with the others.
 */
export const useTimer = (db: JourneywallDb): TimerView => {
  const state = useLiveQuery(() => readTimer(db), [db]) ?? IDLE;
  const muted = useLiveQuery(() => readMuted(db), [db]) ?? false;
  const now = useNow(state);
  useAlarm(db, state, now);
  const timerPhase = phase(state, now);
  const endedAt =
    state.status === 'finished' ? state.endedAt : state.status === 'running' ? state.endsAt : null;
  return {
    state,
    muted,
    clock: formatClock(remaining(state, now)),
    phase: timerPhase,
    pulsing: timerPhase === 'done' && endedAt !== null && now - endedAt < PULSE_WINDOW_MS,
  };
};
