import { useBoard } from '../store/index.ts';
import { usePanelOpen } from '../ui/panels-store.ts';
import { shownDots, shownVote } from './vote-dots.ts';

/** The dots the board draws on its notes, by note id (see shownVote and shownDots). */
export const useShownDots = (): ReadonlyMap<string, number> => {
  const panelOpen = usePanelOpen('vote');
  return useBoard((state) =>
    shownDots(
      state.doc && state.scenarioId ? shownVote(state.doc, state.scenarioId, panelOpen, state.changes) : null,
    ),
  );
};
