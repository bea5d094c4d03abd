import { dropNotes } from '../../../shared/journey/drop-notes.ts';
import { boardLayout, shownNotesById } from '../note-order.ts';
import type { Point } from '../viewport.ts';
import { type Gesture, type GestureContext, isDrag, type PointerAt } from './gesture.ts';

/**
 * A press on a note: it selects the note (shift toggles it), a drag moves the whole selection
 * and drops it into cells, a click without a drag on one of several selected notes selects
 * only that one.
 */
export const enterNoteDrag = (
  { store, preview }: GestureContext,
  at: PointerAt,
  hit: { readonly id: string; readonly shift: boolean },
): Gesture => {
  const state = store.getState();
  if (hit.shift) state.select([hit.id], 'toggle');
  else if (!state.selection.has(hit.id)) state.select([hit.id]);
  const start = at.board;
  let offset: Point | null = null;
  return {
    move: ({ board }) => {
      const { selection, viewport } = store.getState();
      if (!offset && !isDrag(start, board, viewport.scale)) return;
      // A shift-click that took the note out of the selection drags nothing.
      if (!offset && hit.shift && !selection.has(hit.id)) return;
      offset = { x: board.x - start.x, y: board.y - start.y };
      preview.setState({ dragOffset: offset });
    },
    up: () => {
      const current = store.getState();
      if (!offset) {
        if (!hit.shift) current.select([hit.id]);
        return;
      }
      const { x: dx, y: dy } = offset;
      const shown = shownNotesById(current.doc, current.scenarioId);
      const moved = [...current.selection].map((id) => shown.get(id)).filter((note) => note !== undefined);
      const layout = boardLayout(current.doc, current.scenarioId);
      current.edit(moved.length === 1 ? 'Move note' : 'Move notes', (d) =>
        dropNotes(d, layout, moved, dx, dy),
      );
    },
  };
};
