import { escapeMarkdown, oneLine } from '../list-export.ts';
import type { Comparison } from './compare.ts';
import { type GapListNames, gapSections, totalsLines } from './gap-rows.ts';

/**
 * The gap list as Markdown: a heading per stage and a bullet per gap, for a wiki or a ticket.
 * Text people typed is escaped so a note like "*urgent*" or "<b>" or a stage named "Step ##"
 * reads as typed instead of turning into formatting, HTML or a link.
 */
export const gapListMarkdown = (comparison: Comparison, names: GapListNames): string => {
  const text = (value: string) => escapeMarkdown(oneLine(value));
  const lines = [`# Gap list: ${text(names.map)}`, '', `${text(names.current)} → ${text(names.ideal)}`, ''];
  for (const section of gapSections(comparison, names, text)) {
    lines.push(`## ${section.stage}`, '');
    if (section.rows.length === 0) lines.push('No change.');
    for (const row of section.rows)
      lines.push(`- **${row.change}:** ${row.subject}${row.detail ? ` (${row.detail})` : ''}`);
    lines.push('');
  }
  lines.push('## Totals', '', ...totalsLines(comparison.totals).map((line) => `- ${line}`));
  return `${lines.join('\n')}\n`;
};
