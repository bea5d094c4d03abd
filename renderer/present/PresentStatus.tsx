import { dotsLeftLine, voterLine } from '../board/dot-commands.ts';
import { runningVote } from '../board/vote-dots.ts';
import { useBoard } from '../store/index.ts';
import { useNotice } from '../ui/notice-store.ts';

/**
 * The caption's middle: the app's latest notice (the board's toast is under the present view),
 * else while a vote runs whose turn it is and the dots they have left, in projector type.
 */
export const PresentStatus = () => {
  const notice = useNotice();
  const vote = useBoard((state) =>
    state.doc && state.scenarioId ? runningVote(state.doc, state.scenarioId, state.changes) : null,
  );
  const text = notice ?? (vote ? `${voterLine(vote)} · ${dotsLeftLine(vote)}` : '');
  return (
    <span className="present-status" data-testid="present-status" aria-live="polite">
      {text}
    </span>
  );
};
