import { oneLine } from '../list-export.ts';
import { dotCount } from '../votes/vote-results.ts';
import type { Comparison } from './compare.ts';
import { BY_DOTS_HEADING, byDots, dotsSource, type GapFeed } from './gap-dots.ts';
import { type GapListNames, type GapRow, gapSections, totalsLines } from './gap-rows.ts';

/**
 * The gap list as plain text for the clipboard: a heading line per stage, one indented item per
 * gap, the totals last. Note text is kept on one line per item so the list pastes cleanly into
 * an email or a chat. With a vote's dots (`feed`), the vote is named under the heading and each
 * item says its dots; read by dots, the items are one list, most dots first, each with its stage.
 */
export const gapListText = (comparison: Comparison, names: GapListNames, feed?: GapFeed): string => {
  const lines = [`Gap list: ${oneLine(names.map)}`, `${oneLine(names.current)} → ${oneLine(names.ideal)}`];
  if (feed) lines.push(dotsSource(feed.dots, oneLine));
  lines.push('');
  const item = (row: GapRow) => `${row.change}: ${row.subject}${row.detail ? ` (${row.detail})` : ''}`;
  const sections = gapSections(comparison, names, oneLine, feed?.dots.dotsOn);
  if (feed?.order === 'dots') {
    const gaps = byDots(sections);
    lines.push(BY_DOTS_HEADING);
    if (gaps.length === 0) lines.push('  No change.');
    for (const { stage, row } of gaps)
      lines.push(`  - ${row.dots === undefined ? '' : `${dotCount(row.dots)} · `}${stage} · ${item(row)}`);
    lines.push('');
  } else {
    for (const section of sections) {
      lines.push(section.stage);
      if (section.rows.length === 0) lines.push('  No change.');
      for (const row of section.rows)
        lines.push(`  - ${item(row)}${row.dots === undefined ? '' : ` · ${dotCount(row.dots)}`}`);
      lines.push('');
    }
  }
  lines.push('Totals', ...totalsLines(comparison.totals).map((line) => `  - ${line}`));
  return `${lines.join('\n')}\n`;
};
