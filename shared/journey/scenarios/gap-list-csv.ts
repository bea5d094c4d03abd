import { csvText } from '../list-export.ts';
import type { Comparison } from './compare.ts';
import { type GapListNames, gapSections } from './gap-rows.ts';

/**
 * The gap list as CSV (see csvText and csvField for the format and why cells are guarded), one
 * row per gap, for the project plan.
 */
export const GAP_LIST_COLUMNS = ['Stage', 'Change', 'Kind', 'Current', 'Ideal', 'Detail'] as const;

export const gapListCsv = (comparison: Comparison, names: GapListNames): string => {
  const records: string[][] = [[...GAP_LIST_COLUMNS]];
  for (const section of gapSections(comparison, names, (text) => text))
    for (const row of section.rows)
      records.push([section.stage, row.change, row.kind, row.current, row.ideal, row.detail]);
  return csvText(records);
};
