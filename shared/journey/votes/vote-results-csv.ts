import { csvText } from '../list-export.ts';
import { KIND_LABELS, OUTSIDE_THE_GRID } from '../scenarios/labels.ts';
import type { VoteResults } from './vote-results.ts';

/**
 * The results as CSV (see csvText and csvField for the format and why cells are guarded), one
 * row per note with dots, ranked, for the project plan. Tied notes share their rank.
 */
export const VOTE_RESULTS_COLUMNS = ['Rank', 'Dots', 'Note', 'Kind', 'Stage', 'Lane'] as const;

export const voteResultsCsv = (results: VoteResults): string =>
  csvText([
    [...VOTE_RESULTS_COLUMNS],
    ...results.rows.map((row) => [
      String(row.rank),
      String(row.dots),
      row.text,
      KIND_LABELS[row.kind],
      row.stage ?? OUTSIDE_THE_GRID,
      row.lane ?? '',
    ]),
  ]);
