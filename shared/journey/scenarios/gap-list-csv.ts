import { csvText } from '../list-export.ts';
import type { Comparison } from './compare.ts';
import { type GapFeed, placedGaps } from './gap-dots.ts';
import { type GapListNames, gapSections } from './gap-rows.ts';

/**
 * The gap list as CSV (see csvText and csvField for the format and why cells are guarded), one
 * row per gap, for the project plan. With a vote's dots (`feed`), a Dots column is added last,
 * so the columns of a list without one, and files made before votes, stay as they were.
 */
export const GAP_LIST_COLUMNS = ['Stage', 'Change', 'Kind', 'Current', 'Ideal', 'Detail'] as const;

export const gapListCsv = (comparison: Comparison, names: GapListNames, feed?: GapFeed): string => {
  const sections = gapSections(comparison, names, (text) => text, feed?.dots.dotsOn);
  const records: string[][] = [feed ? [...GAP_LIST_COLUMNS, 'Dots'] : [...GAP_LIST_COLUMNS]];
  for (const { stage, row } of placedGaps(sections, feed?.order ?? 'stage')) {
    const record = [stage, row.change, row.kind, row.current, row.ideal, row.detail];
    records.push(feed ? [...record, row.dots === undefined ? '' : String(row.dots)] : record);
  }
  return csvText(records);
};
