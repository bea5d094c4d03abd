import type { JourneyDocument } from '../../model/document.ts';
import type { VoteRecord } from '../../model/journey-records.ts';
import { oneLine } from '../list-export.ts';
import { votesOf } from './vote-queries.ts';
import { dotCount, type VoteResults, voteResults } from './vote-results.ts';

/** One session of the map's history of votes. */
export interface PastVote {
  readonly id: string;
  readonly question: string;
  /** When the vote was started, in milliseconds since the epoch. */
  readonly startedAt: number;
  /** The name of the scenario voted on; null when it is not in the map. */
  readonly scenario: string | null;
  /** The results in a sentence: "15 dots from 5 voters; first: “Which cartridge fits?” with 5." */
  readonly summary: string;
  readonly results: VoteResults;
}

/** A revealed vote as a session of the map's history, with its results. */
export const pastVote = (doc: JourneyDocument, vote: VoteRecord): PastVote => {
  const results = voteResults(doc, vote);
  return {
    id: vote.id,
    question: vote.question,
    startedAt: vote.startedAt,
    scenario: results.scenario,
    summary: resultsSummary(results),
    results,
  };
};

/** The map's revealed votes, newest first, with their results. */
export const pastVotes = (doc: JourneyDocument): PastVote[] =>
  votesOf(doc)
    .filter((vote) => vote.revealed)
    .map((vote) => pastVote(doc, vote));

const SHORT_TEXT = 60;

const quoted = (text: string): string => {
  const line = oneLine(text) || '(no text)';
  return `“${line.length > SHORT_TEXT ? `${line.slice(0, SHORT_TEXT - 1)}…` : line}”`;
};

/** "“A”", "“A” and “B”", "“A”, “B” and “C”". */
const listed = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** The results in a sentence: the dots, the voters and the note or notes ranked first. */
export const resultsSummary = (results: VoteResults): string => {
  const first = results.rows.filter((row) => row.rank === 1);
  const top = first[0];
  if (!top) return 'No dots.';
  const voters = `${results.voters} ${results.voters === 1 ? 'voter' : 'voters'}`;
  const each = first.length > 1 ? ' each' : '';
  return `${dotCount(results.dots)} from ${voters}; first: ${listed(first.map((row) => quoted(row.text)))} with ${top.dots}${each}.`;
};
