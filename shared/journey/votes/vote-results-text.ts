import { oneLine } from '../list-export.ts';
import { KIND_LABELS } from '../scenarios/labels.ts';
import { dotCount, placeOf, type ResultRow, resultsLine, type VoteResults } from './vote-results.ts';

/** A note's text in the results; "(no text)" for a blank note, so its line still says something. */
export const resultText = (row: ResultRow, userText: (text: string) => string): string =>
  row.text.trim() === '' ? '(no text)' : userText(row.text);

/**
 * The results as plain text for the clipboard: the question and who voted, then one indented
 * line per note, ranked (tied notes share their rank). Note text is kept on one line per note so
 * the list pastes cleanly into an email or a chat.
 */
export const voteResultsText = (results: VoteResults): string => {
  const lines = [
    `Vote results: ${oneLine(results.map)}`,
    oneLine(results.question),
    resultsLine(results, oneLine),
    '',
  ];
  if (results.rows.length === 0) lines.push('  No dots.');
  for (const row of results.rows)
    lines.push(
      `  ${row.rank}. ${dotCount(row.dots)}: ${resultText(row, oneLine)} (${KIND_LABELS[row.kind]}; ${placeOf(row, oneLine)})`,
    );
  return `${lines.join('\n')}\n`;
};
