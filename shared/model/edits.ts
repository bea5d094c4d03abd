import { firstScenarioId, isLiveNote, type JourneyDocument, mapRecordOf, topZ } from './document.ts';
import { newId } from './ids.ts';
import {
  type Channel,
  DEFAULT_INSIGHT_SETTINGS,
  type NoteKind,
  type ScenarioRecord,
  type TouchpointRatings,
} from './journey-records.ts';
import {
  BOARD_EXTENT,
  MAP_NAME_MAX,
  NOTE_MAX_SIZE,
  NOTE_MIN_SIZE,
  NOTE_SIZE,
  NOTE_TEXT_MAX,
  type NoteColor,
  type NoteRecord,
  type RecordChanges,
} from './records.ts';
import { freshBookkeeping, updateRecord } from './update.ts';

/**
 * Pure edits of a journey document. Each mutates the `records` object it is given (an immer
 * draft in the app, a plain object in tests) and changes records only through updateRecord.
 */
export interface MutableDocument {
  readonly id: string;
  records: Record<string, JourneyDocument['records'][string]>;
}

/** The gap between a note and the next one typed beside it. */
export const NOTE_GAP = 20;

/** A new map with no stages or lanes (the blank template) and its two scenarios, Current and Ideal. */
export const newMapDocument = (
  name: string,
  now: number = Date.now(),
  id: string = newId(),
): JourneyDocument => {
  const current = newId();
  const ideal = newId();
  return {
    id,
    records: {
      [id]: {
        ...freshBookkeeping(id, now),
        type: 'map',
        name,
        created: now,
        activePersonaId: null,
        connectedType: null,
        showCategories: false,
        insightSettings: DEFAULT_INSIGHT_SETTINGS,
      },
      [current]: newScenario(current, 'Current', 'current', 0, now),
      [ideal]: newScenario(ideal, 'Ideal', 'ideal', 1, now),
    },
  };
};

export const newScenario = (
  id: string,
  name: string,
  kind: ScenarioRecord['kind'],
  order: number,
  now: number = Date.now(),
): ScenarioRecord => ({
  ...freshBookkeeping(id, now),
  type: 'scenario',
  name,
  kind,
  order,
  emotions: {},
  basedOn: null,
});

export const renameMap = (doc: MutableDocument, name: string): void => {
  const map = mapRecordOf(doc);
  doc.records[doc.id] = updateRecord(map, { name: name.trim().slice(0, MAP_NAME_MAX) || map.name });
};

export interface NewNote {
  readonly x: number;
  readonly y: number;
  /** The scenario the note belongs to; the first scenario when not given. */
  readonly scenarioId?: string;
  readonly text?: string;
  readonly color?: NoteColor;
  readonly w?: number;
  readonly h?: number;
  readonly kind?: NoteKind;
  readonly stageId?: string | null;
  readonly laneId?: string | null;
  readonly slot?: number;
  readonly channel?: Channel | null;
  readonly wow?: boolean;
  readonly ratings?: TouchpointRatings | null;
  readonly origin?: string | null;
}

export const addNote = (
  doc: MutableDocument,
  note: NewNote,
  now: number = Date.now(),
  z: number = topZ(doc) + 1,
): NoteRecord => {
  const record = noteRecord(doc, note, newId(), now, z);
  doc.records[record.id] = record;
  return record;
};

/** The note record `note` describes, with the defaults for what it leaves out; not yet in `doc`. */
export const noteRecord = (
  doc: JourneyDocument,
  note: NewNote,
  id: string,
  now: number,
  z: number,
): NoteRecord => ({
  ...freshBookkeeping(id, now),
  type: 'note',
  x: clampPosition(note.x),
  y: clampPosition(note.y),
  w: clampSize(note.w ?? NOTE_SIZE.w, 'w'),
  h: clampSize(note.h ?? NOTE_SIZE.h, 'h'),
  text: (note.text ?? '').slice(0, NOTE_TEXT_MAX),
  color: note.color ?? 'yellow',
  z,
  kind: note.kind ?? 'note',
  scenarioId: note.scenarioId ?? firstScenarioId(doc),
  stageId: note.stageId && note.laneId ? note.stageId : null,
  laneId: note.stageId && note.laneId ? note.laneId : null,
  slot: note.slot ?? 0,
  channel: note.channel ?? null,
  wow: note.wow ?? false,
  ratings: note.ratings ?? null,
  origin: note.origin ?? null,
});

/**
 * Where the next note of a typed run goes: to the right of the previous one, wrapping to a new
 * row after `perRow` notes so a dozen notes called out in a row stay on screen.
 */
export const nextNotePosition = (
  previous: Pick<NoteRecord, 'x' | 'y' | 'w' | 'h'>,
  runIndex: number,
  perRow = 5,
): { x: number; y: number } => {
  const column = (runIndex + 1) % perRow;
  if (column === 0)
    return { x: previous.x - (perRow - 1) * (previous.w + NOTE_GAP), y: previous.y + previous.h + NOTE_GAP };
  return { x: previous.x + previous.w + NOTE_GAP, y: previous.y };
};

export const updateNote = (doc: MutableDocument, id: string, changes: RecordChanges<NoteRecord>): void => {
  const note = doc.records[id];
  if (!isLiveNote(note)) return;
  const next = { ...changes };
  if (next.w !== undefined) next.w = clampSize(next.w, 'w');
  if (next.h !== undefined) next.h = clampSize(next.h, 'h');
  if (next.x !== undefined) next.x = clampPosition(next.x);
  if (next.y !== undefined) next.y = clampPosition(next.y);
  if (next.text !== undefined) next.text = next.text.slice(0, NOTE_TEXT_MAX);
  doc.records[id] = updateRecord(note, next);
};

export const moveNotes = (doc: MutableDocument, ids: Iterable<string>, dx: number, dy: number): void => {
  if (dx === 0 && dy === 0) return;
  for (const id of ids) {
    const note = doc.records[id];
    if (isLiveNote(note))
      doc.records[id] = updateRecord(note, { x: clampPosition(note.x + dx), y: clampPosition(note.y + dy) });
  }
};

export const deleteRecords = (doc: MutableDocument, ids: Iterable<string>): void => {
  for (const id of ids) {
    const record = doc.records[id];
    if (record && record.type !== 'map' && !record.isDeleted)
      doc.records[id] = updateRecord(record, { isDeleted: true });
  }
};

export const bringToFront = (doc: MutableDocument, ids: Iterable<string>): void => {
  const notes = [...ids]
    .map((id) => doc.records[id])
    .filter(isLiveNote)
    .sort((a, b) => a.z - b.z);
  let z = topZ(doc);
  for (const note of notes) doc.records[note.id] = updateRecord(note, { z: ++z });
};

/** What a copy keeps of a note: its place, size, text and meaning, not its identity or cell. */
export type NoteContent = Pick<NoteRecord, 'x' | 'y' | 'w' | 'h' | 'text' | 'color' | 'z'> &
  Partial<Pick<NoteRecord, 'kind' | 'channel' | 'wow' | 'ratings'>>;

/**
 * Copies of notes, with new ids, offset by (dx, dy) and stacked on top, in the given scenario
 * (the first when none). Returns the new ids.
 */
export const insertCopies = (
  doc: MutableDocument,
  notes: readonly NoteContent[],
  dx: number,
  dy: number,
  scenarioId: string | null = null,
  now: number = Date.now(),
): string[] => {
  const into = scenarioId ?? firstScenarioId(doc);
  const ordered = [...notes].sort((a, b) => a.z - b.z);
  // The top of the stack found once: looking it up per note walks the map each time (quadratic).
  let z = topZ(doc);
  return ordered.map(
    (note) =>
      addNote(
        doc,
        {
          x: note.x + dx,
          y: note.y + dy,
          w: note.w,
          h: note.h,
          text: note.text,
          color: note.color,
          kind: note.kind,
          channel: note.channel,
          wow: note.wow,
          ratings: note.ratings,
          scenarioId: into,
        },
        now,
        ++z,
      ).id,
  );
};

const clampPosition = (value: number): number =>
  Math.min(BOARD_EXTENT, Math.max(-BOARD_EXTENT, Math.round(value)));

const clampSize = (value: number, axis: 'w' | 'h'): number =>
  Math.min(NOTE_MAX_SIZE[axis], Math.max(NOTE_MIN_SIZE[axis], Math.round(value)));
