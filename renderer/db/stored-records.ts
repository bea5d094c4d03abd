import { StoredMapReader } from '../../shared/format/read-stored.ts';
import { type JourneyDocument, mapRecordOf } from '../../shared/model/document.ts';
import { countNotes, notesPerScenario } from '../../shared/model/note-counts.ts';
import type { JourneyRecord } from '../../shared/model/records.ts';
import type { MapSummary, StoredRecord } from './journeywall-db.ts';

export const toStored = (mapId: string, record: JourneyRecord): StoredRecord => ({ ...record, mapId });

/** Rows validated per slice: about 50 ms on a slow laptop. */
const READ_SLICE = 1000;

/**
 * A map from the rows stored for it, through the validation and repairs a .cxmap file gets
 * (readStoredRecords): null when its map record is missing or unreadable; `repairs` says in
 * plain sentences what was repaired or left out. A slice of rows at a time, letting the window
 * draw between slices: opening a map of thousands of notes never holds it for the whole check.
 */
export const readStoredMapInSlices = async (
  mapId: string,
  rows: readonly StoredRecord[] | unknown[],
): Promise<{ doc: JourneyDocument | null; repairs: readonly string[] }> => {
  const reader = new StoredMapReader(mapId);
  for (let start = 0; start < rows.length; start += READ_SLICE) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    reader.add(rows.slice(start, start + READ_SLICE));
  }
  const { doc, repairs } = reader.finish();
  return { doc, repairs };
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
  const notes = countNotes(doc.records);
  return {
    id: doc.id,
    name: map.name,
    created: map.created,
    updated: lastChange(doc.records),
    noteCount: notes.total,
    scenarioNotes: notesPerScenario(doc, notes),
    deletedAt,
  };
};
