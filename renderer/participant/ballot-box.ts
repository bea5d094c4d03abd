import { nanoid } from 'nanoid';
import { z } from 'zod';
import type { BallotSubmission } from '../../shared/room/protocol.ts';
import { type KeptStorage, keptKey, readKept, writeKept } from './kept.ts';

/** This phone's dots in one vote, and how far the laptop has them. */
export interface PhoneBallot {
  readonly voteId: string;
  readonly dots: Readonly<Record<string, number>>;
  /** Rises with each change (the phone's clock at least); the laptop keeps the highest it has seen. */
  readonly seq: number;
  /** The id of the newest send, which the laptop's ack names. */
  readonly sendId: string;
  /** True once the laptop has stored this very state. */
  readonly sent: boolean;
}

const ballotSchema = z.strictObject({
  voteId: z.string(),
  dots: z.record(z.string(), z.int().min(1)),
  seq: z.int().min(1),
  sendId: z.string(),
  sent: z.boolean(),
});

const readBallots = (kept: unknown): PhoneBallot[] =>
  Array.isArray(kept) ? kept.flatMap((entry) => ballotSchema.safeParse(entry).data ?? []) : [];

/**
 * The phone's ballots, kept on the phone like its notes: each change is a new state with a
 * higher number, sent whole; only the newest unacknowledged state is ever sent (again after a
 * reconnect), so the laptop ends with the phone's last word whatever got lost on the way.
 */
export class BallotBox {
  private ballots: PhoneBallot[];
  /** Counts changes, for React to know when to read again. */
  version = 0;
  private readonly key: string;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: KeptStorage | null,
    token: string,
  ) {
    this.key = keptKey(token, 'ballots');
    this.ballots = readBallots(readKept(storage, this.key));
  }

  /** The phone's dots in a vote (none yet: empty). */
  dotsIn(voteId: string): Readonly<Record<string, number>> {
    return this.ballots.find((ballot) => ballot.voteId === voteId)?.dots ?? {};
  }

  /** Whether the laptop has the phone's latest dots in this vote. */
  isSent(voteId: string): boolean {
    return this.ballots.find((ballot) => ballot.voteId === voteId)?.sent ?? true;
  }

  set(voteId: string, dots: Readonly<Record<string, number>>): void {
    const before = this.ballots.find((ballot) => ballot.voteId === voteId);
    // The clock, not a count from 1: a phone whose storage was wiped must still outrank its old ballot.
    const seq = Math.max((before?.seq ?? 0) + 1, Date.now());
    const next: PhoneBallot = { voteId, dots, seq, sendId: nanoid(), sent: false };
    this.save([...this.ballots.filter((ballot) => ballot !== before), next]);
  }

  /** The ballots the laptop lacks, as frames to send. */
  pending(): BallotSubmission[] {
    return this.ballots.flatMap((ballot) =>
      ballot.sent
        ? []
        : [
            {
              type: 'ballot' as const,
              id: ballot.sendId,
              voteId: ballot.voteId,
              seq: ballot.seq,
              dots: ballot.dots,
            },
          ],
    );
  }

  acknowledge(ids: readonly string[]): void {
    const acked = new Set(ids);
    if (!this.ballots.some((ballot) => !ballot.sent && acked.has(ballot.sendId))) return;
    this.save(this.ballots.map((ballot) => (acked.has(ballot.sendId) ? { ...ballot, sent: true } : ballot)));
  }

  /** Forgets the ballots of other votes, once sent: a new vote starts from no dots. */
  keepVote(voteId: string): void {
    const kept = this.ballots.filter((ballot) => ballot.voteId === voteId || !ballot.sent);
    if (kept.length !== this.ballots.length) this.save(kept);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private save(ballots: PhoneBallot[]): void {
    this.ballots = ballots;
    this.version++;
    writeKept(this.storage, this.key, ballots);
    for (const listener of this.listeners) listener();
  }
}
