import { useState } from 'react';
import { safeFileStem } from '../../shared/ipc/file-name.ts';
import { KIND_LABELS } from '../../shared/journey/scenarios/labels.ts';
import { dotCount, placeOf, type VoteResults } from '../../shared/journey/votes/vote-results.ts';
import { voteResultsCsv } from '../../shared/journey/votes/vote-results-csv.ts';
import { voteResultsMarkdown } from '../../shared/journey/votes/vote-results-markdown.ts';
import { voteResultsText } from '../../shared/journey/votes/vote-results-text.ts';
import { ListExportButtons } from '../app/ListExportButtons.tsx';

const VOTE_RESULTS_WORDS = {
  copied: 'Vote results copied.',
  notCopied: 'Could not copy: save them as CSV or Markdown instead.',
  subject: 'The vote results were',
} as const;

interface VoteResultsViewProps {
  readonly results: VoteResults;
  readonly onDelete: () => void;
  readonly onNewVote: () => void;
}

/**
 * A revealed vote: the notes ranked by their dots (tied notes share their rank), to copy or save
 * for the action list as the compare view's gap list is.
 */
export const VoteResultsView = ({ results, onDelete, onNewVote }: VoteResultsViewProps) => {
  const [notice, setNotice] = useState('');
  const stem = `${safeFileStem(results.map) || 'Journeywall map'} - vote results`;
  return (
    <section className="vote-results" aria-label="Vote results">
      <p className="vote-question">{results.question}</p>
      <p>
        {results.voters} {results.voters === 1 ? 'voter' : 'voters'} · {dotCount(results.dots)}
      </p>
      {results.rows.length === 0 ? (
        <p>No dots.</p>
      ) : (
        <table className="vote-ranking" aria-label="Ranked results">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Dots</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {results.rows.map((row) => (
              <tr key={row.noteId}>
                <td>{row.rank}</td>
                <td>{row.dots}</td>
                <td>
                  {row.text.trim() === '' ? '(no text)' : row.text}
                  <span className="vote-place">
                    {' '}
                    · {KIND_LABELS[row.kind]}; {placeOf(row, (text) => text)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="vote-actions">
        <ListExportButtons
          stem={stem}
          text={() => voteResultsText(results)}
          csv={() => voteResultsCsv(results)}
          markdown={() => voteResultsMarkdown(results)}
          words={VOTE_RESULTS_WORDS}
          onNotice={setNotice}
        />
        <button type="button" className="secondary" onClick={onDelete}>
          Delete vote
        </button>
        <button type="button" className="primary" onClick={onNewVote}>
          New vote
        </button>
      </div>
      <p className="vote-notice" aria-live="polite">
        {notice}
      </p>
    </section>
  );
};
