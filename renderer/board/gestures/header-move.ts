import { dropIndex } from '../../../shared/journey/header-drag.ts';
import { type HeaderKind, moveHeaderTo } from '../../../shared/journey/structure-edits.ts';
import { boardLayout } from '../note-order.ts';
import { type Gesture, type GestureContext, isDrag, type PointerAt } from './gesture.ts';

/**
 * A press inside a header: a drag moves the stage or lane, with a line where it would go, and
 * the release puts it there. The press selects the header, so a click alone
 * only selects it.
 */
export const enterHeaderMove = (
  { store, preview }: GestureContext,
  at: PointerAt,
  hit: { readonly id: string; readonly headerKind: HeaderKind },
): Gesture => {
  store.getState().selectHeader({ kind: hit.headerKind, id: hit.id });
  const startPoint = at.board;
  let moved = false;
  let beforeId: string | null = null;
  return {
    move: ({ board }) => {
      const { doc, scenarioId, viewport } = store.getState();
      if (!moved && !isDrag(startPoint, board, viewport.scale)) return;
      moved = true;
      const drop = dropIndex(boardLayout(doc, scenarioId), hit.headerKind, hit.id, board);
      beforeId = drop.beforeId;
      preview.setState({ headerDrop: { line: drop.line } });
    },
    up: () => {
      if (!moved) return;
      const label = hit.headerKind === 'stage' ? 'Move stage' : 'Move lane';
      store.getState().edit(label, (d) => moveHeaderTo(d, hit.id, beforeId));
    },
  };
};
