import type { VoteResultsStep } from './final-steps.ts';

/** A page of a vote's results in large type: the question, who voted, the notes ranked. */
export const VoteResultsPage = ({ step }: { readonly step: VoteResultsStep }) => (
  <section className="present-final" aria-label="Vote results">
    <h2>
      {step.question}
      {step.pages > 1 && ` (${step.page} of ${step.pages})`}
    </h2>
    <p className="present-final-summary">{step.summary}</p>
    {step.rows.length === 0 ? (
      <p>No dots.</p>
    ) : (
      <ol className="present-ranking">
        {step.rows.map((row) => (
          <li key={row.noteId} data-rank={row.rank}>
            {row.text}
          </li>
        ))}
      </ol>
    )}
  </section>
);
