/**
 * How fast the room lets each phone go, and its own log: a phone is a stranger on the network,
 * and neither a phone flooding notes nor one sending garbage may slow the room for the others
 * or fill the laptop's log.
 */
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { ROOM_LIMITS } from '../../../shared/room/protocol.ts';

/** Bytes are averaged over this many seconds, so a burst of resent notes still gets through. */
const BYTE_WINDOW_SECONDS = 10;

/** Warnings the room writes per minute at most; the ones left out are counted in the next. */
export const LOG_LINES_PER_MINUTE = 20;

export interface PhoneLimits {
  /** Counts a frame against its phone's byte rate; false when the phone is over it. */
  allowBytes(device: string, bytes: number): Promise<boolean>;
  /** Counts a note against its phone's notes per minute; false when the phone is over it. */
  allowNote(device: string): Promise<boolean>;
  /** Counts a ballot against its phone's ballots per minute; false when the phone is over it. */
  allowBallot(device: string): Promise<boolean>;
}

/** rate-limiter-flexible rejects when a key is over its points. */
const allowed = (consumed: Promise<unknown>): Promise<boolean> =>
  consumed.then(
    () => true,
    () => false,
  );

export function createPhoneLimits(): PhoneLimits {
  const bytes = new RateLimiterMemory({
    points: ROOM_LIMITS.bytesPerSecond * BYTE_WINDOW_SECONDS,
    duration: BYTE_WINDOW_SECONDS,
  });
  const notes = new RateLimiterMemory({ points: ROOM_LIMITS.notesPerMinute, duration: 60 });
  const ballots = new RateLimiterMemory({ points: ROOM_LIMITS.ballotsPerMinute, duration: 60 });
  return {
    allowBytes: (device, count) => allowed(bytes.consume(device, count)),
    allowNote: (device) => allowed(notes.consume(device)),
    allowBallot: (device) => allowed(ballots.consume(device)),
  };
}

export type RoomLog = (message: string) => void;

export function createRoomLog(): RoomLog {
  const lines = new RateLimiterMemory({ points: LOG_LINES_PER_MINUTE, duration: 60 });
  let leftOut = 0;
  return (message) => {
    void allowed(lines.consume('log')).then((ok) => {
      if (!ok) {
        leftOut++;
        return;
      }
      const note = leftOut > 0 ? ` (${leftOut} earlier warnings left out)` : '';
      leftOut = 0;
      console.warn(`[room] ${message}${note}`);
    });
  };
}
