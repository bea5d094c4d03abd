import type { Comparison } from './compare.ts';
import { type GapListNames, gapSections } from './gap-rows.ts';

/**
 * The gap list as CSV (RFC 4180: comma-separated, CRLF between records, fields holding a comma,
 * a quote or a line break quoted, quotes doubled), one row per gap, for the project plan.
 *
 * It is opened in spreadsheets, and note text is whatever someone typed in the room: a cell
 * starting with = + - @ (or a tab or carriage return) would be read as a formula, so it gets a
 * leading single quote (OWASP's advice). Plain numbers such as an emotion score of -2 are left
 * as they are: they cannot be formulas.
 *
 * The text starts with a byte order mark so Excel reads it as UTF-8 (arrows, accents).
 */
export const GAP_LIST_COLUMNS = ['Stage', 'Change', 'Kind', 'Current', 'Ideal', 'Detail'] as const;

const BOM = '\uFEFF';

export const gapListCsv = (comparison: Comparison, names: GapListNames): string => {
  const records: string[][] = [[...GAP_LIST_COLUMNS]];
  for (const section of gapSections(comparison, names, (text) => text))
    for (const row of section.rows)
      records.push([section.stage, row.change, row.kind, row.current, row.ideal, row.detail]);
  return `${BOM}${records.map((record) => record.map(csvField).join(',')).join('\r\n')}\r\n`;
};

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** One field, safe to open in a spreadsheet and quoted when RFC 4180 asks for it. */
export const csvField = (value: string): string => {
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};
