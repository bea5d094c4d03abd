import { readStoredRecords } from '../../shared/format/read-stored.ts';
import { isLiveNote, type JourneyDocument, mapRecordOf } from '../../shared/model/document.ts';
import type { JourneyRecord } from '../../shared/model/records.ts';
import type { MapSummary, StoredRecord } from './journeywall-db.ts';

export const toStored = (mapId: string, record: JourneyRecord): StoredRecord => ({ ...record, mapId });

/**
 * A map from the rows stored for it, through the validation and repairs a .cxmap file gets:
 * null when its map record is missing or unreadable. `repairs` says in plain sentences what was
 * repaired or left out (empty for a sound map).
 */
export const readStoredMap = (
  mapId: string,
  rows: readonly StoredRecord[] | unknown[],
): { doc: JourneyDocument | null; repairs: readonly string[] } => {
  const { doc, repairs } = readStoredRecords(mapId, rows);
  return { doc, repairs };
};

const countLiveNotes = (records: JourneyDocument['records']): number => {
  let count = 0;
  for (const record of Object.values(records)) if (isLiveNote(record)) count++;
  return count;
};

/** The newest change to any record: what the library sorts by. */
const lastChange = (records: JourneyDocument['records']): number => {
  let newest = 0;
  for (const record of Object.values(records)) if (record.updated > newest) newest = record.updated;
  return newest;
};

/** The library row of a whole document (used when a map is written in one piece). */
export const summarize = (doc: JourneyDocument, deletedAt: number | null = null): MapSummary => {
  const map = mapRecordOf(doc);
  return {
    id: doc.id,
    name: map.name,
    created: map.created,
    updated: lastChange(doc.records),
    noteCount: countLiveNotes(doc.records),
    deletedAt,
  };
};
