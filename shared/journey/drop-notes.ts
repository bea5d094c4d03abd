import { isLiveNote } from '../model/document.ts';
import { type MutableDocument, updateNote } from '../model/edits.ts';
import type { NoteRecord } from '../model/records.ts';
import { type Cell, cellAt, type GridLayout, slotAt } from './layout.ts';

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
      // The drop point is stored too: should the cell go, the note stays where it was last put.
      updateNote(doc, note.id, {
        x: note.x + dx,
        y: note.y + dy,
        stageId: cell.stageId,
        laneId: cell.laneId,
        slot,
      });
    } else {
      updateNote(doc, note.id, { x: note.x + dx, y: note.y + dy, stageId: null, laneId: null });
    }
  });
};

/** The ids of a layout's stages and lanes, made once per layout so a check per note is O(1). */
const shownIds = new WeakMap<GridLayout, { stages: ReadonlySet<string>; lanes: ReadonlySet<string> }>();

/** True when a note is drawn in a cell (arranged by its slot there, its stored x/y unused). */
export const isInCell = (layout: GridLayout, note: NoteRecord): boolean => {
  let ids = shownIds.get(layout);
  if (!ids) {
    ids = {
      stages: new Set(layout.stages.map((column) => column.stage.id)),
      lanes: new Set(layout.lanes.map((row) => row.lane.id)),
    };
    shownIds.set(layout, ids);
  }
  return (
    note.stageId !== null &&
    note.laneId !== null &&
    ids.stages.has(note.stageId) &&
    ids.lanes.has(note.laneId)
  );
};

/**
 * Puts copies (duplicated or pasted notes) into the cell under their centre, after the notes
 * already there, as a dropped note joins one; a copy outside the grid stays where it is put.
 * `layout` is the grid as shown before the copies were added.
 */
export const placeCopies = (doc: MutableDocument, layout: GridLayout, ids: readonly string[]): void => {
  const copies = ids
    .map((id) => doc.records[id])
    .filter(isLiveNote)
    .sort((a, b) => a.y - b.y || a.x - b.x);
  // One pass over the shown notes, not one per cell the copies land in: O(notes + copies log copies).
  const nextSlot = new Map<string, number>();
  for (const note of layout.notes) {
    const key = cellKey(note.stageId, note.laneId);
    nextSlot.set(key, Math.max(nextSlot.get(key) ?? 0, note.slot + 1));
  }
  for (const copy of copies) {
    const cell = cellAt(layout, { x: copy.x + copy.w / 2, y: copy.y + copy.h / 2 });
    if (!cell) continue;
    const key = cellKey(cell.stageId, cell.laneId);
    const slot = nextSlot.get(key) ?? 0;
    nextSlot.set(key, slot + 1);
    updateNote(doc, copy.id, { stageId: cell.stageId, laneId: cell.laneId, slot });
  }
};

/**
 * Puts copies just made into one cell, after the notes it holds, in their reading order (top to
 * bottom, then left to right): a paste into the cell the facilitator selected. O(notes + copies
 * log copies).
 */
export const placeCopiesInCell = (
  doc: MutableDocument,
  layout: GridLayout,
  ids: readonly string[],
  cell: Cell,
): void => {
  const copies = ids
    .map((id) => doc.records[id])
    .filter(isLiveNote)
    .sort((a, b) => a.y - b.y || a.x - b.x);
  let slot = 0;
  for (const note of layout.notes)
    if (note.stageId === cell.stageId && note.laneId === cell.laneId) slot = Math.max(slot, note.slot + 1);
  for (const copy of copies)
    updateNote(doc, copy.id, { stageId: cell.stageId, laneId: cell.laneId, slot: slot++ });
};

const cellKey = (stageId: string | null, laneId: string | null) => `${stageId}\u0000${laneId}`;
