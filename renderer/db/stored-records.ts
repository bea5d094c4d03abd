import { isLiveNote, type JourneyDocument, mapRecordOf } from '../../shared/model/document.ts';
import type { JourneyRecord } from '../../shared/model/records.ts';
import type { MapSummary, StoredRecord } from './journeywall-db.ts';

export const toStored = (mapId: string, record: JourneyRecord): StoredRecord => ({ ...record, mapId });

export const fromStored = (row: StoredRecord): JourneyRecord => {
  const { mapId: _mapId, ...record } = row;
  return record as JourneyRecord;
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
