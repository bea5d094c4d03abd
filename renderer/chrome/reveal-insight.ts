import type { Insight } from '../../shared/journey/insights/insight.ts';
import { showNotes } from '../board/commands.ts';
import { revealCell, revealHeader } from '../find/reveal.ts';
import type { BoardStore } from '../store/index.ts';

/**
 * Selects what an insight concerns and pans to it: its notes; else its lane (a rule that names a
 * lane, such as an empty customer service lane, is about that lane, its stages only say where
 * it matters), centred on the cell when the finding is in one stage (an emotion low point);
 * else its first stage.
 */
export const revealInsight = (store: BoardStore, insight: Insight): void => {
  const [laneId] = insight.laneIds;
  const [stageId] = insight.stageIds;
  if (insight.noteIds.length > 0) showNotes(store, insight.noteIds);
  else if (laneId && stageId && insight.stageIds.length === 1) revealCell(store, stageId, laneId);
  else if (laneId) revealHeader(store, 'lane', laneId);
  else if (stageId) revealHeader(store, 'stage', stageId);
};
