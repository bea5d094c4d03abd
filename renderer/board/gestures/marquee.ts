import { cellAt } from '../../../shared/journey/layout.ts';
import { boardLayout, orderedNotes } from '../note-order.ts';
import { intersects, type Rect, rectFromCorners } from '../viewport.ts';
import type { Gesture, GestureContext, PointerAt } from './gesture.ts';

/**
 * A press on empty board: it clears the selection (shift keeps it) and selects the cell under
 * it, so typing then starts a note there; a drag draws a marquee that selects the notes it
 * touches, added to the selection with shift.
 */
export const enterMarquee = (
  { store, preview }: GestureContext,
  at: PointerAt,
  press: {
    readonly shift: boolean;
    /** The press is on a header or the emotion curve, not in a cell. */
    readonly onGrid: boolean;
  },
): Gesture => {
  const state = store.getState();
  if (!press.shift) state.clearSelection();
  const cell =
    !press.onGrid && !press.shift ? cellAt(boardLayout(state.doc, state.scenarioId), at.board) : null;
  state.selectCell(cell);
  const start = at.board;
  let area: Rect | null = null;
  return {
    move: ({ board }) => {
      area = rectFromCorners(start, board);
      preview.setState({ marquee: area });
    },
    up: () => {
      if (!area) return;
      const current = store.getState();
      const box = area;
      const inside = orderedNotes(current.doc, current.scenarioId).filter((note) => intersects(note, box));
      current.select(
        inside.map((note) => note.id),
        press.shift ? 'add' : 'replace',
      );
    },
  };
};
