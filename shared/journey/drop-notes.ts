import { type MutableDocument, updateNote } from '../model/edits.ts';
import type { NoteRecord } from '../model/records.ts';
import { cellAt, type GridLayout, slotAt } from './layout.ts';

/**
 * Ends a drag of notes by (dx, dy): a note whose centre lands in a cell joins that cell at the
 * place it was dropped (and is arranged there); a note dropped outside the grid, or between
 * stages, stays exactly where it was dropped. `notes` are the notes as drawn (layout positions).
 */
export const dropNotes = (
  doc: MutableDocument,
  layout: GridLayout,
  notes: readonly NoteRecord[],
  dx: number,
  dy: number,
): void => {
  const moving = new Set(notes.map((note) => note.id));
  const ordered = [...notes].sort((a, b) => a.y - b.y || a.x - b.x);
  ordered.forEach((note, index) => {
    const centre = { x: note.x + dx + note.w / 2, y: note.y + dy + note.h / 2 };
    const cell = cellAt(layout, centre);
    if (cell) {
      // Notes dropped together keep their order, just before the note they were dropped on.
      const slot = slotAt(layout, cell, centre, moving) + index / (ordered.length + 1) / 2;
      updateNote(doc, note.id, { stageId: cell.stageId, laneId: cell.laneId, slot });
    } else {
      updateNote(doc, note.id, { x: note.x + dx, y: note.y + dy, stageId: null, laneId: null });
    }
  });
};
