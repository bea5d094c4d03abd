import { isLiveNote, type JourneyDocument } from '../../model/document.ts';
import type { VoteRecord } from '../../model/journey-records.ts';
import type { NoteRecord } from '../../model/records.ts';
import { recordsOfType } from '../../model/records-by-type.ts';

/**
 * Reading a dot vote: which votes a map holds, which notes a vote is on, and its dots. Each
 * voter's dots are a ballot (see VoteRecord); the last ballot is the current voter's.
 */

const newestFirst = (a: VoteRecord, b: VoteRecord) => b.startedAt - a.startedAt || (a.id < b.id ? 1 : -1);

/** The live votes of a map, newest first. */
export const votesOf = (doc: JourneyDocument): VoteRecord[] =>
  recordsOfType(doc, 'vote')
    .filter((vote) => !vote.isDeleted)
    .sort(newestFirst);

/** The live vote with this id, or null. */
export const liveVote = (doc: JourneyDocument, id: string): VoteRecord | null => {
  const record = Object.hasOwn(doc.records, id) ? doc.records[id] : undefined;
  return record?.type === 'vote' && !record.isDeleted ? record : null;
};

/** The vote the room is taking on a scenario's notes: its newest live vote not yet revealed, or null. */
export const activeVote = (doc: JourneyDocument, scenarioId: string): VoteRecord | null =>
  votesOf(doc).find((vote) => vote.scenarioId === scenarioId && !vote.revealed) ?? null;

/** The selected notes of each vote, as a set: a selection may hold thousands, asked per note drawn. */
const selections = new WeakMap<readonly string[], ReadonlySet<string>>();

const selectionOf = (vote: VoteRecord): ReadonlySet<string> => {
  let selection = selections.get(vote.noteIds);
  if (!selection) {
    selection = new Set(vote.noteIds);
    selections.set(vote.noteIds, selection);
  }
  return selection;
};

/**
 * Whether a note can get dots in this vote: a live note of the vote's scenario that passes every
 * eligibility list that is not empty (its kind, stage, lane, or being selected). A note outside
 * the grid has no stage or lane, so a vote limited to stages or lanes leaves it out.
 */
export const isEligible = (vote: VoteRecord, note: NoteRecord): boolean =>
  isLiveNote(note) &&
  note.scenarioId === vote.scenarioId &&
  (vote.kinds.length === 0 || vote.kinds.includes(note.kind)) &&
  (vote.stageIds.length === 0 || (note.stageId !== null && vote.stageIds.includes(note.stageId))) &&
  (vote.laneIds.length === 0 || (note.laneId !== null && vote.laneIds.includes(note.laneId))) &&
  (vote.noteIds.length === 0 || selectionOf(vote).has(note.id));

/** The live notes that can get dots in this vote. */
export const eligibleNotes = (doc: JourneyDocument, vote: VoteRecord): NoteRecord[] =>
  recordsOfType(doc, 'note').filter((note) => isEligible(vote, note));

/** Which voter's turn it is, from 1; the first voter's turn begins when the vote starts. */
export const currentVoter = (vote: VoteRecord): number => Math.max(1, vote.ballots.length);

/** Whether every voter has had a turn: the current voter is the last, and nextVoter refuses. */
export const isLastVoter = (vote: VoteRecord): boolean => vote.onPhones || currentVoter(vote) >= vote.voters;

const NO_BALLOT: Readonly<Record<string, number>> = {};

/** The ballot of whoever votes at the laptop now: none in a vote on phones, where each phone keeps its own. */
export const currentBallot = (vote: VoteRecord): Readonly<Record<string, number>> =>
  vote.onPhones ? NO_BALLOT : (vote.ballots.at(-1) ?? NO_BALLOT);

const sum = (ballot: Readonly<Record<string, number>>): number => {
  let dots = 0;
  for (const onNote of Object.values(ballot)) dots += onNote;
  return dots;
};

/** The dots the current voter has yet to place. */
export const budgetLeft = (vote: VoteRecord): number =>
  vote.onPhones ? 0 : Math.max(0, vote.dotsPerVoter - sum(currentBallot(vote)));

/** The dots the current voter has put on a note. */
export const myDotsOn = (vote: VoteRecord, noteId: string): number =>
  Object.hasOwn(currentBallot(vote), noteId) ? (currentBallot(vote)[noteId] ?? 0) : 0;

/** Every voter's dots on a note. */
export const dotsOn = (vote: VoteRecord, noteId: string): number => {
  let dots = 0;
  for (const ballot of vote.ballots) if (Object.hasOwn(ballot, noteId)) dots += ballot[noteId] ?? 0;
  return dots;
};

/** Every voter's dots by note id, for the notes with at least one (deleted notes included). */
export const voteTotals = (vote: VoteRecord): ReadonlyMap<string, number> => {
  const totals = new Map<string, number>();
  for (const ballot of vote.ballots)
    for (const [noteId, dots] of Object.entries(ballot)) totals.set(noteId, (totals.get(noteId) ?? 0) + dots);
  return totals;
};

/** Every dot every voter has placed. */
export const dotsCast = (vote: VoteRecord): number => {
  let dots = 0;
  for (const ballot of vote.ballots) dots += sum(ballot);
  return dots;
};

/**
 * Whether the running totals may be shown: always for an open vote, only once revealed for a
 * hidden one (each voter then sees only their own dots, myDotsOn).
 */
export const totalsShown = (vote: VoteRecord): boolean => !vote.hidden || vote.revealed;
