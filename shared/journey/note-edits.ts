import { isLiveNote } from '../model/document.ts';
import { type MutableDocument, updateNote } from '../model/edits.ts';
import type { NoteKind } from '../model/journey-records.ts';
import { KIND_STYLES } from './note-kinds.ts';

/**
 * Changes what notes are. A note takes its kind's colour; channel, stamp and ratings belong to
 * touchpoints, so a note that stops being one drops them (undo brings them back).
 */
export const setNoteKind = (doc: MutableDocument, ids: Iterable<string>, kind: NoteKind): void => {
  for (const id of ids) {
    const note = doc.records[id];
    if (!isLiveNote(note)) continue;
    const touchpoint = kind === 'touchpoint';
    updateNote(doc, id, {
      kind,
      color: KIND_STYLES[kind].color,
      channel: touchpoint ? note.channel : null,
      wow: touchpoint ? note.wow : false,
      ratings: touchpoint ? note.ratings : null,
    });
  }
};
