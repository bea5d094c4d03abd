/**
 * What the room bench (room-load.ts) and its phones' process (room-phone-process.ts) say to each
 * other over the fork's IPC channel, and the clock both read.
 */
import { performance } from 'node:perf_hooks';

/** Wall-clock ms with sub-ms resolution, comparable with a page's `performance.timeOrigin + now()`. */
export const clock = (): number => performance.timeOrigin + performance.now();

export interface PhonePlan {
  readonly socketUrl: string;
  /** The page's origin, as a phone's browser sends it with the socket's upgrade. */
  readonly origin: string;
  readonly phones: number;
  readonly notesEach: number;
  readonly seed: number;
}

export type ToPhones =
  | { readonly kind: 'join'; readonly plan: PhonePlan }
  | { readonly kind: 'clock'; readonly id: number }
  /** Send every note within [startAt, startAt + spreadMs]; report once each is acked or `giveUpAt`. */
  | { readonly kind: 'write'; readonly startAt: number; readonly spreadMs: number; readonly giveUpAt: number }
  /** Give `dotsEach` dots one at a time within [startAt, startAt + spreadMs], the whole ballot after each. */
  | {
      readonly kind: 'vote';
      readonly startAt: number;
      readonly spreadMs: number;
      readonly dotsEach: number;
      readonly giveUpAt: number;
    }
  | { readonly kind: 'quit' };

/** One note a phone sent, with its clock times (clock()). */
export interface SentNote {
  readonly phone: number;
  readonly device: string;
  readonly id: string;
  readonly text: string;
  readonly plannedAt: number;
  readonly sentAt: number;
  /** When its ack arrived; null if none did. */
  readonly ackAt: number | null;
}

/** One ballot a phone sent: its whole ballot after giving a dot. */
export interface SentBallot {
  readonly phone: number;
  readonly device: string;
  readonly id: string;
  readonly seq: number;
  readonly dots: Readonly<Record<string, number>>;
  readonly sentAt: number;
  readonly ackAt: number | null;
}

export type FromPhones =
  | { readonly kind: 'joined'; readonly welcomed: number }
  | { readonly kind: 'clock'; readonly id: number; readonly at: number }
  | { readonly kind: 'round'; readonly roundId: string }
  /** Every phone has the vote, offering `notes` notes. */
  | { readonly kind: 'vote'; readonly voteId: string; readonly notes: number }
  | { readonly kind: 'voted'; readonly ballots: readonly SentBallot[]; readonly problems: readonly string[] }
  | { readonly kind: 'written'; readonly notes: readonly SentNote[]; readonly problems: readonly string[] }
  | { readonly kind: 'failed'; readonly message: string };

export { seeded } from './seeded.ts';
