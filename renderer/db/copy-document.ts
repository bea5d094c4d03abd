import { type JourneyDocument, mapRecordOf } from '../../shared/model/document.ts';
import { newId } from '../../shared/model/ids.ts';
import type { JourneyRecord } from '../../shared/model/records.ts';
import { freshBookkeeping, withoutMergeMarks } from '../../shared/model/update.ts';

/**
 * A new, independent map with the same content: new map id, new record ids and fresh versions
 * (the copy is not a replica to merge with the original). Deleted records are left behind.
 */
export const copyDocument = (
  doc: JourneyDocument,
  name: string,
  now: number = Date.now(),
): JourneyDocument => {
  const source = mapRecordOf(doc);
  const id = newId();
  const records: Record<string, JourneyRecord> = {
    [id]: withoutMergeMarks({ ...source, ...freshBookkeeping(id, now), name, created: now }),
  };
  for (const record of Object.values(doc.records)) {
    if (record.type === 'map' || record.isDeleted) continue;
    const copyId = newId();
    // A copy shares no history with the original: no merge marks, no conflict flags.
    records[copyId] = withoutMergeMarks({ ...record, ...freshBookkeeping(copyId, now) });
  }
  return { id, records };
};
