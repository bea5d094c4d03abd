import { MAX_TIMER_MS, MINUTE_MS } from './timer-model.ts';

/**
 * The time left as m:ss, counting whole seconds up: a fresh five minutes reads 5:00 (not 4:59),
 * the last second reads 0:01, and 0:00 means time is up.
 */
export const formatClock = (ms: number): string => {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

const MINUTES = /^(\d{1,3})(?:[.,](\d+))?$/;
const MINUTES_SECONDS = /^(\d{1,3}):([0-5]\d)$/;

/**
 * A length typed by the facilitator, in milliseconds: minutes ("7", "1.5" or "1,5") or m:ss
 * ("2:30"); null for anything else, zero, or more than the longest countdown.
 */
export const parseTimerLength = (text: string): number | null => {
  const trimmed = text.trim();
  const clock = MINUTES_SECONDS.exec(trimmed);
  const minutes = MINUTES.exec(trimmed);
  const ms = clock
    ? Number(clock[1]) * MINUTE_MS + Number(clock[2]) * 1000
    : minutes
      ? Math.round(Number(`${minutes[1]}.${minutes[2] ?? 0}`) * MINUTE_MS)
      : null;
  return ms !== null && ms >= 1000 && ms <= MAX_TIMER_MS ? ms : null;
};
