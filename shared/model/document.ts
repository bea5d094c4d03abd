import type { ScenarioRecord } from './journey-records.ts';
import type { JourneyRecord, MapRecord, NoteRecord } from './records.ts';
import { recordsOfType } from './records-by-type.ts';

/**
 * One map as it lives in memory: its records by id. The map record's id is the map id.
 * Plain data (no classes), so it can be frozen, diffed, stored and sent over IPC.
 */
export interface JourneyDocument {
  readonly id: string;
  readonly records: Readonly<Record<string, JourneyRecord>>;
}

export const mapRecordOf = (doc: JourneyDocument): MapRecord => {
  const record = doc.records[doc.id];
  if (record?.type !== 'map') throw new Error(`document ${doc.id} has no map record`);
  return record;
};

export const isLiveNote = (record: JourneyRecord | undefined): record is NoteRecord =>
  record !== undefined && record.type === 'note' && !record.isDeleted;

/** Notes that are not deleted, bottom to top. */
export const liveNotesByZ = (doc: JourneyDocument): NoteRecord[] =>
  recordsOfType(doc, 'note')
    .filter((note) => !note.isDeleted)
    .sort((a, b) => a.z - b.z || (a.id < b.id ? -1 : 1));

export const topZ = (doc: JourneyDocument): number => {
  let top = 0;
  for (const note of recordsOfType(doc, 'note')) if (!note.isDeleted && note.z > top) top = note.z;
  return top;
};

/** Scenarios, in their order (Current first in a new map). */
export const scenariosOf = (doc: JourneyDocument): ScenarioRecord[] =>
  recordsOfType(doc, 'scenario')
    .filter((scenario) => !scenario.isDeleted)
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));

/** The scenario shown when none is chosen: the first one. Every map has at least one. */
export const firstScenarioId = (doc: JourneyDocument): string => {
  const first = scenariosOf(doc)[0];
  if (!first) throw new Error(`map ${doc.id} has no scenario`);
  return first.id;
};
