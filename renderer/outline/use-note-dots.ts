import { totalsShown } from '../../shared/journey/votes/vote-queries.ts';
import { shownDots, shownVote } from '../board/vote-dots.ts';
import { useBoard } from '../store/index.ts';
import { usePanelOpen } from '../ui/panels-store.ts';

/**
 * The dots on the notes as the board shows them (the vote and dots useShownDots draws), so the
 * outline says what the board shows, and whether they are the current voter's own: before a
 * hidden vote's reveal nobody sees the totals, in the outline either.
 */
export const useNoteDots = (): { readonly dots: ReadonlyMap<string, number>; readonly own: boolean } => {
  const panelOpen = usePanelOpen('vote');
  const vote = useBoard((state) =>
    state.doc && state.scenarioId ? shownVote(state.doc, state.scenarioId, panelOpen, state.changes) : null,
  );
  return { dots: shownDots(vote), own: vote !== null && !totalsShown(vote) };
};
