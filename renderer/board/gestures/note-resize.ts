import { updateNote } from '../../../shared/model/edits.ts';
import { shownNotesById } from '../note-order.ts';
import { type Corner, resizeFromCorner } from '../resize-handles.ts';
import type { Rect } from '../viewport.ts';
import type { Gesture, GestureContext } from './gesture.ts';

/** A press on a corner handle of the one selected note: a drag resizes it by that corner. */
export const enterNoteResize = (
  { store, preview }: GestureContext,
  hit: { readonly id: string; readonly corner: Corner },
): Gesture => {
  let box: Rect | null = null;
  return {
    move: ({ board }) => {
      const { doc, scenarioId } = store.getState();
      const note = shownNotesById(doc, scenarioId).get(hit.id);
      if (note?.type !== 'note') return;
      box = resizeFromCorner(note, hit.corner, board);
      preview.setState({ resize: { id: note.id, box } });
    },
    up: () => {
      if (!box) return;
      const resized = box;
      store.getState().edit('Resize note', (d) => updateNote(d, hit.id, resized));
    },
  };
};
