import { type JourneyDocument, liveNotesByZ } from '../../shared/model/document.ts';
import type { NoteRecord } from '../../shared/model/records.ts';

/**
 * Live notes bottom to top, computed once per document change: the records object is replaced
 * on every edit, so it is the cache key. Rendering and hit-testing share the one array.
 */
const cache = new WeakMap<JourneyDocument['records'], NoteRecord[]>();

export const orderedNotes = (doc: JourneyDocument | null): readonly NoteRecord[] => {
  if (!doc) return [];
  let notes = cache.get(doc.records);
  if (!notes) {
    notes = liveNotesByZ(doc);
    cache.set(doc.records, notes);
  }
  return notes;
};
