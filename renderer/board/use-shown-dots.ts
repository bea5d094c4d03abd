import { budgetLeft, isEligible } from '../../shared/journey/votes/vote-queries.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import { useBoard } from '../store/index.ts';
import { usePanelOpen } from '../ui/panels-store.ts';
import { runningVote, shownDots, shownVote } from './vote-dots.ts';

/**
 * The dots drawn on the notes, by note id (see shownVote and shownDots): a revealed vote's while
 * the vote panel shows its results, or always (`revealed`, present mode, where the room reads them).
 */
export const useShownDots = (revealed = false): ReadonlyMap<string, number> => {
  const panelOpen = usePanelOpen('vote');
  const withRevealed = revealed || panelOpen;
  return useBoard((state) =>
    shownDots(
      state.doc && state.scenarioId
        ? shownVote(state.doc, state.scenarioId, withRevealed, state.changes)
        : null,
    ),
  );
};

const NEVER = () => false;

/**
 * Which notes show an open badge to click (drawDotBadge): while a vote runs and the current
 * voter has dots left, the notes that can get one.
 */
export const useOpenBadges = (): ((note: NoteRecord) => boolean) => {
  const vote = useBoard((state) =>
    state.doc && state.scenarioId ? runningVote(state.doc, state.scenarioId, state.changes) : null,
  );
  if (!vote || budgetLeft(vote) <= 0) return NEVER;
  return (note) => isEligible(vote, note);
};
