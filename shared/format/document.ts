import type { JourneyDocument } from '../model/document.ts';
import type { SyncedMapRecord } from './records/map.ts';
import type { SyncedNoteRecord } from './records/note.ts';
import { stateOf, withMarks } from './sync-marks.ts';

/** A record as the file holds it: the model's record plus the format's merge bookkeeping. */
export type SyncedRecord = SyncedMapRecord | SyncedNoteRecord;

/** A journey document whose records may carry merge bookkeeping; every JourneyDocument is one. */
export interface SyncedDocument extends JourneyDocument {
  readonly records: Readonly<Record<string, SyncedRecord>>;
}

/**
 * Remembers every record's current state as shared. Call it on the library copy when writing a
 * file that may leave the machine (Save, Save As), so a later merge of an edited copy of that
 * file knows which state the copy started from. parse() does the same for what it reads.
 * Returns the same document when every state is already remembered.
 */
export const markShared = (doc: SyncedDocument): SyncedDocument => {
  let records: Record<string, SyncedRecord> | undefined;
  for (const [id, record] of Object.entries(doc.records)) {
    const marked = withMarks(record, [stateOf(record)]);
    if (marked === record) continue;
    records ??= { ...doc.records };
    records[id] = marked;
  }
  return records ? { ...doc, records } : doc;
};
