import { isLiveNote, type JourneyDocument, mapRecordOf } from '../../model/document.ts';
import type { NoteKind, VoteRecord } from '../../model/journey-records.ts';
import { lanesOf, stagesOf } from '../layout.ts';
import { voteTotals } from './vote-queries.ts';

/**
 * The results of a vote, format-neutral: the notes ranked by their dots, and what the results
 * are headed with. The text, CSV and Markdown files are written from these.
 */
export interface ResultRow {
  readonly noteId: string;
  /** The note's text as typed. */
  readonly text: string;
  readonly kind: NoteKind;
  /** The name of the note's stage and lane; null for a note outside the grid. */
  readonly stage: string | null;
  readonly lane: string | null;
  readonly dots: number;
  /** 1 for the most dots; notes with as many dots share a rank, the next one skips (1, 2, 2, 4). */
  readonly rank: number;
}

/**
 * The live notes with at least one dot, most dots first. Ties share a rank and are listed in the
 * board's order: by stage, then lane (notes outside the grid after the grid), then place in the
 * cell. Dots on deleted notes are left out: the room sees only notes on the board.
 */
export const rankedResults = (doc: JourneyDocument, vote: VoteRecord): ResultRow[] => {
  const stages = new Map(stagesOf(doc).map((stage, index) => [stage.id, { name: stage.name, index }]));
  const lanes = new Map(lanesOf(doc).map((lane, index) => [lane.id, { name: lane.name, index }]));
  const rows = [...voteTotals(vote)].flatMap(([noteId, dots]) => {
    const note = Object.hasOwn(doc.records, noteId) ? doc.records[noteId] : undefined;
    if (!isLiveNote(note) || dots <= 0) return [];
    const stage = note.stageId === null ? undefined : stages.get(note.stageId);
    const lane = note.laneId === null ? undefined : lanes.get(note.laneId);
    const row = {
      noteId,
      text: note.text,
      kind: note.kind,
      stage: stage?.name ?? null,
      lane: lane?.name ?? null,
      dots,
    };
    const last = Number.POSITIVE_INFINITY;
    return [{ row, stage: stage?.index ?? last, lane: lane?.index ?? last, slot: note.slot }];
  });
  rows.sort(
    (a, b) =>
      b.row.dots - a.row.dots ||
      a.stage - b.stage ||
      a.lane - b.lane ||
      a.slot - b.slot ||
      (a.row.noteId < b.row.noteId ? -1 : 1),
  );
  let rank = 0;
  return rows.map(({ row }, index) => {
    if (index === 0 || (rows[index - 1]?.row.dots ?? 0) > row.dots) rank = index + 1;
    return { ...row, rank };
  });
};

/** A vote's results with what they are headed with. */
export interface VoteResults {
  readonly map: string;
  readonly question: string;
  /** The name of the scenario voted on; null when it is not in the map. */
  readonly scenario: string | null;
  /** The voters who have had their turn (or are having it). */
  readonly voters: number;
  readonly dotsPerVoter: number;
  /** The dots on the notes ranked. */
  readonly dots: number;
  readonly rows: readonly ResultRow[];
}

export const voteResults = (doc: JourneyDocument, vote: VoteRecord): VoteResults => {
  const scenario = Object.hasOwn(doc.records, vote.scenarioId) ? doc.records[vote.scenarioId] : undefined;
  const rows = rankedResults(doc, vote);
  return {
    map: mapRecordOf(doc).name,
    question: vote.question,
    scenario: scenario?.type === 'scenario' ? scenario.name : null,
    voters: vote.ballots.length,
    dotsPerVoter: vote.dotsPerVoter,
    dots: rows.reduce((sum, row) => sum + row.dots, 0),
    rows,
  };
};

const count = (n: number, one: string, many: string = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const dotCount = (dots: number): string => count(dots, 'dot');

/**
 * The line under the question: the scenario, who voted and the dots, e.g. "Current · 5 voters,
 * 3 dots each · 15 dots". `userText` escapes the scenario's name for the format.
 */
export const resultsLine = (results: VoteResults, userText: (text: string) => string): string =>
  [
    results.scenario === null ? 'A deleted scenario' : userText(results.scenario),
    `${count(results.voters, 'voter')}, ${dotCount(results.dotsPerVoter)} each`,
    dotCount(results.dots),
  ].join(' · ');

/** Where a note of the results is: "Purchase, Breakdown points", or "outside the grid". */
export const placeOf = (row: ResultRow, userText: (text: string) => string): string =>
  row.stage === null || row.lane === null
    ? 'outside the grid'
    : `${userText(row.stage)}, ${userText(row.lane)}`;
