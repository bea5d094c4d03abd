import { currentBallot, totalsShown, votesOf, voteTotals } from '../../shared/journey/votes/vote-queries.ts';
import type { JourneyDocument } from '../../shared/model/document.ts';
import type { VoteRecord } from '../../shared/model/journey-records.ts';
import type { ChangeLog } from '../store/change-log.ts';

/**
 * Which vote's dots the board shows, and how many on each note. Finding a scenario's votes walks
 * every record, which neither a keypress nor a frame on a 5,000-note map should do: the answer is
 * kept for each state of the records, carried over by the edits that change only a vote's
 * ballots (carryVotesOver) and, through the store's change log, past edits that touch no vote.
 */

type Records = JourneyDocument['records'];

interface ScenarioVotes {
  /** The vote the room is taking (activeVote): the newest not yet revealed. */
  readonly running: string | null;
  readonly newest: string | null;
}

const known = new WeakMap<Records, Map<string, ScenarioVotes>>();

/** The records last asked about, with what was found: the next state may differ in a note or two. */
let last: { readonly records: Records; readonly byScenario: Map<string, ScenarioVotes> } | null = null;

const isVote = (records: Records, id: string): boolean =>
  Object.hasOwn(records, id) && records[id]?.type === 'vote';

/**
 * What was found for the last records, when the change log shows the steps since touched no vote
 * (a note typed, moved, coloured): O(the steps' changes) instead of a walk of every record.
 */
const unchangedSinceLast = (records: Records, changes: ChangeLog | undefined) => {
  if (!last || !changes) return undefined;
  const changed = changes.changedSince(last.records, records);
  if (!changed) return undefined;
  for (const id of changed) if (isVote(last.records, id) || isVote(records, id)) return undefined;
  return new Map(last.byScenario);
};

const votesOfScenario = (
  doc: JourneyDocument,
  scenarioId: string,
  changes: ChangeLog | undefined,
): ScenarioVotes => {
  let byScenario = known.get(doc.records);
  if (!byScenario) {
    byScenario = unchangedSinceLast(doc.records, changes) ?? new Map();
    known.set(doc.records, byScenario);
  }
  last = { records: doc.records, byScenario };
  let votes = byScenario.get(scenarioId);
  if (!votes) {
    const ofScenario = votesOf(doc).filter((vote) => vote.scenarioId === scenarioId);
    votes = {
      running: ofScenario.find((vote) => !vote.revealed)?.id ?? null,
      newest: ofScenario[0]?.id ?? null,
    };
    byScenario.set(scenarioId, votes);
  }
  return votes;
};

const voteOf = (doc: JourneyDocument, id: string | null): VoteRecord | null => {
  const record = id && Object.hasOwn(doc.records, id) ? doc.records[id] : undefined;
  return record?.type === 'vote' && !record.isDeleted ? record : null;
};

/**
 * The vote the room is taking on this scenario's notes (activeVote), or null. `changes`: the
 * store's change log, which spares a walk of every record after edits that touch no vote.
 */
export const runningVote = (
  doc: JourneyDocument,
  scenarioId: string,
  changes?: ChangeLog,
): VoteRecord | null => voteOf(doc, votesOfScenario(doc, scenarioId, changes).running);

/**
 * After an edit that changed only votes' ballots (a dot on or off, the next voter): which vote
 * runs and which is newest are what they were.
 */
export const carryVotesOver = (from: Records, to: Records): void => {
  const before = known.get(from);
  if (!before || from === to) return;
  const byScenario = new Map(before);
  known.set(to, byScenario);
  last = { records: to, byScenario };
};

/**
 * The vote whose dots are on the notes: the running one; else, with `revealed` (the vote panel
 * open, showing its results), the scenario's newest vote once revealed.
 */
export const shownVote = (
  doc: JourneyDocument,
  scenarioId: string,
  revealed: boolean,
  changes?: ChangeLog,
): VoteRecord | null => {
  const votes = votesOfScenario(doc, scenarioId, changes);
  const running = voteOf(doc, votes.running);
  if (running) return running;
  const newest = voteOf(doc, votes.newest);
  return revealed && newest?.revealed ? newest : null;
};

const NO_DOTS: ReadonlyMap<string, number> = new Map();
const dotsOfVote = new WeakMap<VoteRecord, ReadonlyMap<string, number>>();

/**
 * The dots a note shows by note id: every voter's when the totals may be seen, else (a hidden
 * vote before its reveal) only the current voter's own.
 */
export const shownDots = (vote: VoteRecord | null): ReadonlyMap<string, number> => {
  if (!vote) return NO_DOTS;
  let dots = dotsOfVote.get(vote);
  if (!dots) {
    dots = totalsShown(vote) ? voteTotals(vote) : new Map(Object.entries(currentBallot(vote)));
    dotsOfVote.set(vote, dots);
  }
  return dots;
};
