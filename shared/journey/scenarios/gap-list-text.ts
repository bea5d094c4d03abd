import { oneLine } from '../list-export.ts';
import type { Comparison } from './compare.ts';
import { type GapListNames, gapSections, totalsLines } from './gap-rows.ts';

/**
 * The gap list as plain text for the clipboard: a heading line per stage, one indented item per
 * gap, the totals last. Note text is kept on one line per item so the list pastes cleanly into
 * an email or a chat.
 */
export const gapListText = (comparison: Comparison, names: GapListNames): string => {
  const lines = [
    `Gap list: ${oneLine(names.map)}`,
    `${oneLine(names.current)} → ${oneLine(names.ideal)}`,
    '',
  ];
  for (const section of gapSections(comparison, names, oneLine)) {
    lines.push(section.stage);
    if (section.rows.length === 0) lines.push('  No change.');
    for (const row of section.rows)
      lines.push(`  - ${row.change}: ${row.subject}${row.detail ? ` (${row.detail})` : ''}`);
    lines.push('');
  }
  lines.push('Totals', ...totalsLines(comparison.totals).map((line) => `  - ${line}`));
  return `${lines.join('\n')}\n`;
};
