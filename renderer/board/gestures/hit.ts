import type { BoardState } from '../../store/index.ts';
import { shownNotesById } from '../note-order.ts';
import { type Corner, handleAt } from '../resize-handles.ts';
import type { Point } from '../viewport.ts';

/** The resize handle under `point`: only the one selected note shows handles. */
export const selectedCornerAt = (
  state: BoardState,
  point: Point,
): { readonly id: string; readonly corner: Corner } | null => {
  const [only] = state.selection;
  const note =
    state.selection.size === 1 && only ? shownNotesById(state.doc, state.scenarioId).get(only) : undefined;
  if (note?.type !== 'note') return null;
  const corner = handleAt(note, state.viewport.scale, point);
  return corner ? { id: note.id, corner } : null;
};
