import type { JourneyDocument } from '../model/document.ts';
import type { JourneyRecord } from '../model/records.ts';
import { stateOf, withMarks } from './sync-marks.ts';

/**
 * Remembers every record's current state as shared. Call it on the library copy when writing a
 * file that may leave the machine (Save, Save As), so a later merge of an edited copy of that
 * file knows which state the copy started from. parse() does the same for what it reads.
 * Returns the same document when every state is already remembered.
 */
export const markShared = (doc: JourneyDocument): JourneyDocument => {
  let records: Record<string, JourneyRecord> | undefined;
  for (const [id, record] of Object.entries(doc.records)) {
    const marked = withMarks(record, [stateOf(record)]);
    if (marked === record) continue;
    records ??= { ...doc.records };
    records[id] = marked;
  }
  return records ? { ...doc, records } : doc;
};

/**
 * Remembers the states a file was written with (`written`) in the map as it is now (`current`),
 * which the user may have edited while the file was being written: a record changed since keeps
 * its change and also remembers the written state, so a merge knows where the file's copy began.
 * Returns the same document, and the same record objects, where nothing is added.
 */
export const markWrittenShared = (current: JourneyDocument, written: JourneyDocument): JourneyDocument => {
  if (current.id !== written.id) return current;
  let records: Record<string, JourneyRecord> | undefined;
  for (const [id, state] of Object.entries(written.records)) {
    const record = current.records[id];
    if (!record) continue;
    const marked = withMarks(record, [stateOf(state)]);
    if (marked === record) continue;
    records ??= { ...current.records };
    records[id] = marked;
  }
  return records ? { ...current, records } : current;
};
