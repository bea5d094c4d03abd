import { emotionAt } from '../../../shared/journey/hit-grid.ts';
import { setEmotion } from '../../../shared/journey/structure-edits.ts';
import { boardLayout } from '../note-order.ts';
import type { Gesture, GestureContext } from './gesture.ts';

/**
 * A press in a stage's part of the emotion lane: the score under the pointer is shown at once
 * and follows a drag up and down; the release sets it, so a click alone sets a score too.
 */
export const enterEmotionDrag = (
  { store, preview }: GestureContext,
  hit: { readonly stageId: string; readonly score: number },
): Gesture => {
  let score = hit.score;
  preview.setState({ emotion: { stageId: hit.stageId, score } });
  return {
    move: ({ board }) => {
      const { doc, scenarioId } = store.getState();
      const row = boardLayout(doc, scenarioId).lanes.find((lane) => lane.lane.role === 'emotion');
      if (!row) return;
      score = emotionAt(row, board.y);
      preview.setState({ emotion: { stageId: hit.stageId, score } });
    },
    up: () => {
      const state = store.getState();
      const { scenarioId } = state;
      if (!scenarioId) return;
      state.edit('Set emotion', (d) => setEmotion(d, scenarioId, hit.stageId, score));
    },
  };
};
