import { KIND_STYLES } from '../../shared/journey/note-kinds.ts';
import type { VoteView } from '../../shared/room/protocol.ts';

interface VotingViewProps {
  readonly vote: VoteView;
  readonly dots: Readonly<Record<string, number>>;
  /** Whether the laptop has this phone's latest dots. */
  readonly sent: boolean;
  readonly onDots: (dots: Readonly<Record<string, number>>) => void;
}

const given = (dots: Readonly<Record<string, number>>) =>
  Object.values(dots).reduce((sum, count) => sum + count, 0);

/**
 * A vote on this phone: the question, the dots left, and the notes stage by stage, each with
 * the phone's own dots and buttons to give and take one. Nobody's totals: they stay hidden
 * until the facilitator reveals the vote.
 */
export const VotingView = ({ vote, dots, sent, onDots }: VotingViewProps) => {
  const left = vote.dotsPerVoter - given(dots);
  const change = (noteId: string, by: 1 | -1) => {
    const next = { ...dots, [noteId]: (dots[noteId] ?? 0) + by };
    if ((next[noteId] ?? 0) <= 0) delete next[noteId];
    onDots(next);
  };
  let stage: string | null | undefined;
  return (
    <section className="vote" aria-label="Vote">
      <h2 className="prompt">{vote.question}</h2>
      <p className="dots-left" aria-live="polite">
        {left === 1 ? '1 dot left' : `${left} dots left`}
        {!sent && ' · sending…'}
      </p>
      <ul className="vote-notes">
        {vote.notes.map((note) => {
          const header = note.stage !== stage;
          stage = note.stage;
          const mine = dots[note.id] ?? 0;
          return (
            <li key={note.id} className={mine > 0 ? 'dotted' : undefined}>
              {header && <h3>{note.stage ?? 'Outside the stages'}</h3>}
              <div className="vote-note">
                <p>
                  {note.text}
                  <span className="vote-where">
                    {KIND_STYLES[note.kind].label}
                    {note.lane && ` · ${note.lane}`}
                  </span>
                </p>
                <span className="my-dots">
                  <span aria-hidden>{'●'.repeat(mine)}</span>
                  <span className="visually-hidden">
                    {mine === 1 ? '1 of your dots' : `${mine} of your dots`}
                  </span>
                </span>
                <button
                  type="button"
                  aria-label={`Take a dot off: ${note.text}`}
                  disabled={mine === 0}
                  onClick={() => change(note.id, -1)}
                >
                  −
                </button>
                <button
                  type="button"
                  aria-label={`Give a dot to: ${note.text}`}
                  disabled={left <= 0 || (!vote.stacking && mine > 0)}
                  onClick={() => change(note.id, 1)}
                >
                  +
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
};
