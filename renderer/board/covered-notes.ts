import type { NoteRecord } from '../../shared/model/records.ts';

/** How far, in screen pixels, a note may peek out from under the one on top and still be left out. */
const PEEK_PX = 2;

/**
 * The notes to draw, bottom to top, leaving out each note lying under a later one at the same
 * place and size to within PEEK_PX on screen: nothing of it can be seen or read, and a pile of
 * thousands (a merge of many copies, a paste repeated) would otherwise cost thousands of draws.
 * O(n): one pass from the top with a map from place to the note on top there.
 */
export const uncoveredNotes = (notes: readonly NoteRecord[], scale: number): NoteRecord[] => {
  const grain = PEEK_PX / scale;
  // By column, then row: numbers, not a string key per note, since this runs on every redraw.
  const onTop = new Map<number, Map<number, NoteRecord>>();
  const shown: NoteRecord[] = [];
  for (let index = notes.length - 1; index >= 0; index--) {
    const note = notes[index] as NoteRecord;
    const column = Math.round(note.x / grain);
    const row = Math.round(note.y / grain);
    let rows = onTop.get(column);
    if (!rows) {
      rows = new Map();
      onTop.set(column, rows);
    }
    const above = rows.get(row);
    if (above && Math.abs(above.w - note.w) <= grain && Math.abs(above.h - note.h) <= grain) continue;
    rows.set(row, note);
    shown.push(note);
  }
  return shown.reverse();
};
