/**
 * For the merge tests (not used by the app): the toner-refill map the journey tests start from,
 * its structure records, and the steps of a workshop round trip: the library sends a file, each
 * side edits its copy, the copy comes back through a file and is merged.
 */
import { markShared } from '../format/document.ts';
import { parse } from '../format/parse.ts';
import { serialize } from '../format/serialize.ts';
import { firstScenarioId, type JourneyDocument, scenariosOf } from '../model/document.ts';
import { addNote, type MutableDocument, newMapDocument } from '../model/edits.ts';
import type { LaneRecord, PersonaRecord, ScenarioRecord, StageRecord } from '../model/journey-records.ts';
import type { JourneyRecord, NoteRecord, RecordChanges } from '../model/records.ts';
import { freshBookkeeping, updateRecord } from '../model/update.ts';
import type { MergeResult } from './merge.ts';

export const stage = (id: string, name: string, order: number): StageRecord => ({
  ...freshBookkeeping(id, 1_000),
  type: 'stage',
  name,
  order,
  width: 260,
  color: null,
  category: null,
});

/** The first lane holds touchpoints, the others breakdown points. */
const lane = (id: string, name: string, order: number): LaneRecord => ({
  ...freshBookkeeping(id, 1_000),
  type: 'lane',
  name,
  order,
  height: 160,
  role: order === 0 ? 'touchpoints' : 'breakdowns',
  hidden: false,
  color: null,
  noteKind: null,
});

export const persona = (id: string, name: string): PersonaRecord => ({
  ...freshBookkeeping(id, 1_000),
  type: 'persona',
  name,
  role: '',
  goals: '',
  needs: '',
  frustrations: '',
  quote: '',
});

/**
 * The "Toner refill" map: stages Request and Respond, lanes Touchpoints and Breakdown points,
 * Current and Ideal, and what `fill` adds (each suite its own notes).
 */
export const tonerMap = (fill: (doc: MutableDocument) => void): JourneyDocument => {
  const base = newMapDocument('Toner refill', 1_000, 'map-toner');
  const doc: MutableDocument = { id: base.id, records: { ...base.records } };
  for (const record of [
    stage('request', 'Request', 0),
    stage('respond', 'Respond', 1),
    lane('touch', 'Touchpoints', 0),
    lane('breakdowns', 'Breakdown points', 1),
  ])
    doc.records[record.id] = record;
  fill(doc);
  return doc;
};

/** Touchpoints in the first cell of the toner map (Request, Touchpoints) of Current, in this order. */
export const addTouchpoints = (doc: MutableDocument, texts: readonly string[]): void => {
  for (const [slot, text] of texts.entries())
    addNote(doc, { x: 0, y: 0, text, kind: 'touchpoint', stageId: 'request', laneId: 'touch', slot }, 2_000);
};

/** Saved to a file and opened again, as whoever receives the file opens it. */
export const reopen = (doc: JourneyDocument): JourneyDocument => {
  const result = parse(serialize(doc, { appVersion: '0.2.0', savedAt: 3_000 }));
  if (!result.ok) throw new Error(result.error.message);
  return result.document;
};

/** Saving a file to send: the library remembers what it sent, the recipient opens the file. */
export const send = (library: JourneyDocument): { library: JourneyDocument; copy: JourneyDocument } => {
  const marked = markShared(library);
  return { library: marked, copy: reopen(marked) };
};

/** A changed copy of `doc`, leaving `doc` as it was. */
export const edit = (doc: JourneyDocument, recipe: (draft: MutableDocument) => void): JourneyDocument => {
  const draft: MutableDocument = { id: doc.id, records: { ...doc.records } };
  recipe(draft);
  return draft;
};

/** Changes a stage, lane, scenario, persona or the map record the way the app's edits do. */
export const change = <R extends JourneyRecord>(
  draft: MutableDocument,
  id: string,
  changes: RecordChanges<R>,
) => {
  draft.records[id] = updateRecord(draft.records[id] as R, changes);
};

export const merged = (result: MergeResult) => {
  if (!result.ok) throw new Error(result.error.message);
  return result;
};

/** A merge summary counting nothing: tests spread the counts they expect over it. */
export const NOTHING = { added: 0, updated: 0, deleted: 0, conflicts: 0, notesMoved: 0 };

export const noteWith = (doc: JourneyDocument, text: string): NoteRecord => {
  const found = Object.values(doc.records).find(
    (record): record is NoteRecord => record.type === 'note' && record.text === text,
  );
  if (!found) throw new Error(`no note "${text}"`);
  return found;
};

/** The Current and Ideal scenarios every map of these tests starts with. */
export const currentAndIdeal = (doc: JourneyDocument): { current: ScenarioRecord; ideal: ScenarioRecord } => {
  const [current, ideal] = scenariosOf(doc);
  if (!current || !ideal) throw new Error('no Current and Ideal scenarios');
  return { current, ideal };
};

/** The id of the note copy the merge's only `both-edited` conflict made. */
export const conflictCopyOf = (result: Extract<MergeResult, { ok: true }>): string => {
  const [conflict, ...others] = result.conflicts;
  if (conflict?.kind !== 'both-edited' || others.length > 0) throw new Error('not one note conflict');
  return conflict.incomingId;
};

/** A map of `count` notes outside the grid, piled within a few notes' width of one spot. */
export const pileMap = (count: number): JourneyDocument => {
  const doc: MutableDocument = { ...newMapDocument('Pile', 1_000, 'map-pile') };
  doc.records = { ...doc.records };
  const scenarioId = firstScenarioId(doc);
  for (let i = 0; i < count; i++)
    addNote(doc, { x: (i % 7) * 13, y: (i % 5) * 11, text: `note ${i}`, scenarioId }, 2_000, i + 1);
  return doc;
};
