import { isLiveNote } from '../../model/document.ts';
import type { MutableDocument } from '../../model/edits.ts';
import { newId } from '../../model/ids.ts';
import { NOTE_KINDS, type NoteKind, type VoteRecord } from '../../model/journey-records.ts';
import { FILE_LIMITS, maxLiveOf } from '../../model/limits.ts';
import type { JourneyRecord } from '../../model/records.ts';
import { freshBookkeeping, updateRecord } from '../../model/update.ts';
import { liveScenario } from '../scenarios/scenario-edits.ts';
import {
  budgetLeft,
  eligibleNotes,
  isEligible,
  isLastVoter,
  liveVote,
  myDotsOn,
  votesOf,
} from './vote-queries.ts';

/**
 * Running a dot vote: starting it, dots added and removed by the current voter, the next voter,
 * the reveal. Like the model's edits, each mutates the records it is given and changes records
 * only through updateRecord; each is one undo step in the app.
 */

/** What the facilitator chooses when starting a vote. Lists left out or empty mean "any". */
export interface VoteOptions {
  readonly question: string;
  /** The scenario whose notes are voted on: a live one. */
  readonly scenarioId: string;
  readonly kinds?: readonly NoteKind[];
  readonly stageIds?: readonly string[];
  readonly laneIds?: readonly string[];
  /** A selection of notes. */
  readonly noteIds?: readonly string[];
  /** Pulled into 1 to FILE_LIMITS.maxVoters. */
  readonly voters: number;
  /** Pulled into 1 to FILE_LIMITS.maxDotsPerVoter. */
  readonly dotsPerVoter: number;
  readonly stacking?: boolean;
  readonly hidden?: boolean;
  /** The room votes on their phones, all at once, rather than one after another at the laptop. */
  readonly onPhones?: boolean;
}

/** The question a vote gets when it is given a blank one. */
export const DEFAULT_QUESTION = 'Which notes matter most?';

/**
 * Why a vote could not be started: the map has as many votes as a map may hold, or no note can
 * get dots (the lists leave none of the scenario's notes, or name only records that are gone).
 */
export type StartVoteRefusal = 'at-limit' | 'nothing-eligible';

export type StartVoteResult =
  | { readonly ok: true; readonly id: string }
  | { readonly ok: false; readonly reason: StartVoteRefusal };

const clampCount = (value: number, max: number): number =>
  Number.isFinite(value) ? Math.min(max, Math.max(1, Math.round(value))) : 1;

/** The ids that name a live record of this type, each once; null when some were given and none do. */
const liveIds = (
  doc: MutableDocument,
  ids: readonly string[] | undefined,
  named: (record: JourneyRecord | undefined) => boolean,
): string[] | null => {
  const given = [...new Set(ids ?? [])];
  const live = given.filter((id) => named(Object.hasOwn(doc.records, id) ? doc.records[id] : undefined));
  return given.length > 0 && live.length === 0 ? null : live;
};

/**
 * Starts a vote, the first voter's turn with it. Ids that name nothing live are left out; a list
 * left with none would mean "any", so that, like a vote no note can get dots in, is refused.
 */
export const startVote = (
  doc: MutableDocument,
  options: VoteOptions,
  now: number = Date.now(),
): StartVoteResult => {
  const scenario = liveScenario(doc, options.scenarioId);
  if (votesOf(doc).length >= maxLiveOf('vote')) return { ok: false, reason: 'at-limit' };
  const liveOfType = (type: JourneyRecord['type']) => (record: JourneyRecord | undefined) =>
    record?.type === type && !record.isDeleted;
  const stageIds = liveIds(doc, options.stageIds, liveOfType('stage'));
  const laneIds = liveIds(doc, options.laneIds, liveOfType('lane'));
  const noteIds = liveIds(
    doc,
    options.noteIds,
    (record) => isLiveNote(record) && record.scenarioId === scenario.id,
  );
  if (stageIds === null || laneIds === null || noteIds === null)
    return { ok: false, reason: 'nothing-eligible' };
  const id = newId();
  const vote: VoteRecord = {
    ...freshBookkeeping(id, now),
    type: 'vote',
    question: options.question.trim().slice(0, FILE_LIMITS.maxNameLength) || DEFAULT_QUESTION,
    scenarioId: scenario.id,
    kinds: NOTE_KINDS.filter((kind) => options.kinds?.includes(kind)),
    stageIds,
    laneIds,
    noteIds,
    // On phones, voters is only the most ballots the vote holds: one per phone that gives dots.
    voters: options.onPhones ? FILE_LIMITS.maxVoters : clampCount(options.voters, FILE_LIMITS.maxVoters),
    dotsPerVoter: clampCount(options.dotsPerVoter, FILE_LIMITS.maxDotsPerVoter),
    stacking: options.stacking ?? false,
    hidden: options.hidden ?? false,
    revealed: false,
    startedAt: now,
    // At the laptop the first voter's turn begins at once; on phones each phone brings its ballot.
    ballots: options.onPhones ? [] : [{}],
    onPhones: options.onPhones ?? false,
    voterIds: [],
  };
  if (eligibleNotes(doc, vote).length === 0) return { ok: false, reason: 'nothing-eligible' };
  doc.records[id] = vote;
  return { ok: true, id };
};

/** Why a dot was not added: no such live vote, a revealed one, a note it is not on, no dots left, or one on the note already. */
export type AddDotResult =
  | 'added'
  | 'no-vote'
  | 'revealed'
  | 'not-eligible'
  | 'budget-spent'
  | 'one-dot-per-note';

/** Why a dot was not removed: no such live vote, a revealed one, or no dot of the current voter's there. */
export type RemoveDotResult = 'removed' | 'no-vote' | 'revealed' | 'no-dot';

/** The vote with the current voter's ballot changed (the first ballot made if a file had none). */
const withBallot = (
  vote: VoteRecord,
  change: (ballot: Readonly<Record<string, number>>) => Record<string, number>,
): Pick<VoteRecord, 'ballots'> => {
  const earlier = vote.ballots.slice(0, -1);
  return { ballots: [...earlier, change(vote.ballots.at(-1) ?? {})] };
};

/** The current voter puts a dot on a note. */
export const addDot = (
  doc: MutableDocument,
  voteId: string,
  noteId: string,
  now: number = Date.now(),
): AddDotResult => {
  const vote = liveVote(doc, voteId);
  if (!vote) return 'no-vote';
  if (vote.revealed) return 'revealed';
  const note = Object.hasOwn(doc.records, noteId) ? doc.records[noteId] : undefined;
  if (!isLiveNote(note) || !isEligible(vote, note)) return 'not-eligible';
  if (budgetLeft(vote) === 0) return 'budget-spent';
  const mine = myDotsOn(vote, noteId);
  if (!vote.stacking && mine > 0) return 'one-dot-per-note';
  doc.records[voteId] = updateRecord(
    vote,
    withBallot(vote, (ballot) => ({ ...ballot, [noteId]: mine + 1 })),
    now,
  );
  return 'added';
};

/** The current voter takes one of their dots off a note (never another voter's). */
export const removeDot = (
  doc: MutableDocument,
  voteId: string,
  noteId: string,
  now: number = Date.now(),
): RemoveDotResult => {
  const vote = liveVote(doc, voteId);
  if (!vote) return 'no-vote';
  if (vote.revealed) return 'revealed';
  const mine = myDotsOn(vote, noteId);
  if (mine === 0) return 'no-dot';
  doc.records[voteId] = updateRecord(
    vote,
    withBallot(vote, (ballot) => {
      const { [noteId]: _removed, ...others } = ballot;
      return mine > 1 ? { ...others, [noteId]: mine - 1 } : others;
    }),
    now,
  );
  return 'removed';
};

/** Why the next voter's turn did not begin: no such live vote, a revealed one, or every voter has had a turn. */
export type NextVoterResult = 'next' | 'no-vote' | 'revealed' | 'all-voted';

/** Ends the current voter's turn (with whatever dots they placed) and begins the next voter's. */
export const nextVoter = (
  doc: MutableDocument,
  voteId: string,
  now: number = Date.now(),
): NextVoterResult => {
  const vote = liveVote(doc, voteId);
  if (!vote) return 'no-vote';
  if (vote.revealed) return 'revealed';
  if (isLastVoter(vote)) return 'all-voted';
  const started = vote.ballots.length === 0 ? [{}] : vote.ballots;
  doc.records[voteId] = updateRecord(vote, { ballots: [...started, {}] }, now);
  return 'next';
};

/** Reveals a vote: its totals are shown and it takes no more dots. Nothing happens to a vote that is gone. */
export const revealVote = (doc: MutableDocument, voteId: string, now: number = Date.now()): void => {
  const vote = liveVote(doc, voteId);
  if (vote) doc.records[voteId] = updateRecord(vote, { revealed: true }, now);
};

/** Deletes a vote, past or running, with its dots (a tombstone, as every deletion). */
export const deleteVote = (doc: MutableDocument, voteId: string, now: number = Date.now()): void => {
  const vote = liveVote(doc, voteId);
  if (vote) doc.records[voteId] = updateRecord(vote, { isDeleted: true }, now);
};

/** Why a phone's ballot was not taken: no such live vote, one revealed, or one not on phones, or one holding as many ballots as it can. */
export type PhoneBallotResult = 'set' | 'no-vote' | 'revealed' | 'not-on-phones' | 'full';

/**
 * A phone's whole ballot in a vote on phones, replacing what that phone gave before. Only what
 * the vote allows is kept: dots on notes that can get them, one a note unless stacking, no more
 * than each voter has (the first ones, in the order given).
 */
export const setPhoneBallot = (
  doc: MutableDocument,
  voteId: string,
  participantId: string,
  dots: Readonly<Record<string, number>>,
  now: number = Date.now(),
): PhoneBallotResult => {
  const vote = liveVote(doc, voteId);
  if (!vote) return 'no-vote';
  if (vote.revealed) return 'revealed';
  if (!vote.onPhones) return 'not-on-phones';
  const ballot: Record<string, number> = {};
  let left = vote.dotsPerVoter;
  for (const [noteId, given] of Object.entries(dots)) {
    const note = Object.hasOwn(doc.records, noteId) ? doc.records[noteId] : undefined;
    if (!isLiveNote(note) || !isEligible(vote, note) || !Number.isInteger(given) || given < 1) continue;
    const onNote = Math.min(given, vote.stacking ? left : 1, left);
    if (onNote <= 0) break;
    ballot[noteId] = onNote;
    left -= onNote;
  }
  const index = vote.voterIds.indexOf(participantId);
  if (index === -1 && vote.ballots.length >= vote.voters) return 'full';
  const ballots = [...vote.ballots];
  const voterIds = [...vote.voterIds];
  if (index === -1) {
    ballots.push(ballot);
    voterIds.push(participantId);
  } else ballots[index] = ballot;
  doc.records[vote.id] = updateRecord(vote, { ballots, voterIds }, now);
  return 'set';
};
