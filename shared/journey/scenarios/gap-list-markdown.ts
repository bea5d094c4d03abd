import { escapeMarkdown, oneLine } from '../list-export.ts';
import { dotCount } from '../votes/vote-results.ts';
import type { Comparison } from './compare.ts';
import { BY_DOTS_HEADING, byDots, dotsSource, type GapFeed } from './gap-dots.ts';
import { type GapListNames, type GapRow, gapSections, totalsLines } from './gap-rows.ts';

/**
 * The gap list as Markdown: a heading per stage and a bullet per gap, for a wiki or a ticket.
 * Text people typed is escaped so a note like "*urgent*" or "<b>" or a stage named "Step ##"
 * reads as typed instead of turning into formatting, HTML or a link. With a vote's dots (`feed`),
 * as in the text: the vote named, each bullet's dots, and read by dots one list, most dots first.
 */
export const gapListMarkdown = (comparison: Comparison, names: GapListNames, feed?: GapFeed): string => {
  const text = (value: string) => escapeMarkdown(oneLine(value));
  const lines = [`# Gap list: ${text(names.map)}`, '', `${text(names.current)} → ${text(names.ideal)}`, ''];
  if (feed) lines.push(dotsSource(feed.dots, text), '');
  const item = (row: GapRow) => `**${row.change}:** ${row.subject}${row.detail ? ` (${row.detail})` : ''}`;
  const sections = gapSections(comparison, names, text, feed?.dots.dotsOn);
  if (feed?.order === 'dots') {
    const gaps = byDots(sections);
    lines.push(`## ${BY_DOTS_HEADING}`, '');
    if (gaps.length === 0) lines.push('No change.');
    for (const { stage, row } of gaps)
      lines.push(`- ${row.dots === undefined ? '' : `${dotCount(row.dots)} · `}${stage} · ${item(row)}`);
    lines.push('');
  } else {
    for (const section of sections) {
      lines.push(`## ${section.stage}`, '');
      if (section.rows.length === 0) lines.push('No change.');
      for (const row of section.rows)
        lines.push(`- ${item(row)}${row.dots === undefined ? '' : ` · ${dotCount(row.dots)}`}`);
      lines.push('');
    }
  }
  lines.push('## Totals', '', ...totalsLines(comparison.totals).map((line) => `- ${line}`));
  return `${lines.join('\n')}\n`;
};
