import { type PastVote, pastVote } from '../../shared/journey/votes/past-votes.ts';
import { votesOf, voteTotals } from '../../shared/journey/votes/vote-queries.ts';
import type { JourneyDocument } from '../../shared/model/document.ts';
import type { VoteRecord } from '../../shared/model/journey-records.ts';
import type { JourneyRecord } from '../../shared/model/records.ts';

/**
 * The map's past votes for the outline, as pastVotes gives them. The outline is rebuilt on every
 * edit and ranking a vote looks up every stage and lane of the map, so each vote's results are
 * kept and ranked again only when a record they read changed: a note it has dots on, that note's
 * stage or lane, the scenario voted on, the map's name. Checking those costs the vote's notes, not the map.
 */

type Records = JourneyDocument['records'];

interface Ranked {
  readonly past: PastVote;
  /** The records the results were made from, by id (undefined: there was none). */
  readonly read: ReadonlyMap<string, JourneyRecord | undefined>;
}

const ranked = new WeakMap<VoteRecord, Ranked>();

const recordOf = (records: Records, id: string): JourneyRecord | undefined =>
  Object.hasOwn(records, id) ? records[id] : undefined;

/** The records a vote's results are made from. Stages and lanes keep their order unless edited. */
const recordsRead = (doc: JourneyDocument, vote: VoteRecord): Map<string, JourneyRecord | undefined> => {
  const read = new Map<string, JourneyRecord | undefined>();
  const add = (id: string | null) => {
    if (id !== null && !read.has(id)) read.set(id, recordOf(doc.records, id));
  };
  add(doc.id);
  add(vote.scenarioId);
  for (const noteId of voteTotals(vote).keys()) {
    add(noteId);
    const note = recordOf(doc.records, noteId);
    if (note?.type === 'note') {
      add(note.stageId);
      add(note.laneId);
    }
  }
  return read;
};

const unchanged = (records: Records, read: ReadonlyMap<string, JourneyRecord | undefined>): boolean => {
  for (const [id, record] of read) if (recordOf(records, id) !== record) return false;
  return true;
};

const rankedVote = (doc: JourneyDocument, vote: VoteRecord): PastVote => {
  const known = ranked.get(vote);
  if (known && unchanged(doc.records, known.read)) return known.past;
  const past = pastVote(doc, vote);
  ranked.set(vote, { past, read: recordsRead(doc, vote) });
  return past;
};

/** The map's revealed votes, newest first, with their results. */
export const outlineVotes = (doc: JourneyDocument): PastVote[] =>
  votesOf(doc)
    .filter((vote) => vote.revealed)
    .map((vote) => rankedVote(doc, vote));
