import { escapeMarkdown, oneLine } from '../list-export.ts';
import { KIND_LABELS } from '../scenarios/labels.ts';
import { dotCount, placeOf, resultsLine, type VoteResults } from './vote-results.ts';
import { resultText } from './vote-results-text.ts';

/**
 * The results as Markdown, for a wiki or a ticket: the question as a heading, then a bullet per
 * note, ranked. Bullets rather than a numbered list, which would renumber tied notes. Text people
 * typed is escaped so a note like "*urgent*" or "<b>" reads as typed.
 */
export const voteResultsMarkdown = (results: VoteResults): string => {
  const text = (value: string) => escapeMarkdown(oneLine(value));
  const lines = [
    `# Vote results: ${text(results.map)}`,
    '',
    `## ${text(results.question)}`,
    '',
    resultsLine(results, text),
    '',
  ];
  if (results.rows.length === 0) lines.push('No dots.');
  for (const row of results.rows)
    lines.push(
      `- **${row.rank}.** ${dotCount(row.dots)}: ${resultText(row, text)} (${KIND_LABELS[row.kind]}; ${placeOf(row, text)})`,
    );
  return `${lines.join('\n')}\n`;
};
