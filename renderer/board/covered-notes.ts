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
  const onTop = new Map<string, NoteRecord>();
  const shown: NoteRecord[] = [];
  for (let index = notes.length - 1; index >= 0; index--) {
    const note = notes[index] as NoteRecord;
    const place = `${Math.round(note.x / grain)} ${Math.round(note.y / grain)}`;
    const above = onTop.get(place);
    if (above && Math.abs(above.w - note.w) <= grain && Math.abs(above.h - note.h) <= grain) continue;
    onTop.set(place, note);
    shown.push(note);
  }
  return shown.reverse();
};
