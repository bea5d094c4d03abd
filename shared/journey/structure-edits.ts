import type { JourneyDocument } from '../model/document.ts';
import { deleteRecords, type MutableDocument, updateNote } from '../model/edits.ts';
import { newId } from '../model/ids.ts';
import { EMOTION_RANGE, type LaneRecord, type NoteKind, type StageRecord } from '../model/journey-records.ts';
import { maxLiveOf } from '../model/limits.ts';
import type { NoteRecord } from '../model/records.ts';
import { recordsOfType } from '../model/records-by-type.ts';
import { freshBookkeeping, updateRecord } from '../model/update.ts';
import { GRID } from './grid-geometry.ts';
import { lanesOf, stagesOf } from './layout.ts';

/**
 * Edits of the journey structure (every record but notes). Like every edit they mutate the
 * records they are given and change records only through updateRecord; each is one undo step in
 * the app.
 */

/** A header is a stage or a lane: the record and the header that names it on the board. */
export type HeaderKind = 'stage' | 'lane';

/** Which header: a stage's or a lane's, by id. */
export interface HeaderRef {
  readonly kind: HeaderKind;
  readonly id: string;
}

const headersOf = (doc: MutableDocument, kind: HeaderKind): (StageRecord | LaneRecord)[] =>
  kind === 'stage' ? stagesOf(doc) : lanesOf(doc);

/**
 * Adds a stage or lane after `afterId` (at the end without one, or when it is gone); returns its
 * id, or null when the map already has as many as a map may (atLimitMessage says so).
 */
export const addHeader = (
  doc: MutableDocument,
  kind: HeaderKind,
  name: string,
  afterId?: string,
): string | null => {
  const items = headersOf(doc, kind);
  if (items.length >= maxLiveOf(kind)) return null;
  const afterIndex = items.findIndex((item) => item.id === afterId);
  const index = afterIndex === -1 ? items.length - 1 : afterIndex;
  const before = items[index];
  const after = items[index + 1];
  const order =
    before === undefined
      ? after
        ? after.order - 1
        : 0
      : after
        ? (before.order + after.order) / 2
        : before.order + 1;
  const id = newId();
  const base = { ...freshBookkeeping(id), name, order, color: null };
  doc.records[id] =
    kind === 'stage'
      ? ({ ...base, type: 'stage', width: GRID.defaultStageWidth, category: null } satisfies StageRecord)
      : ({
          ...base,
          type: 'lane',
          height: GRID.defaultLaneHeight,
          role: 'custom',
          hidden: false,
          noteKind: null,
        } satisfies LaneRecord);
  return id;
};

export const renameHeader = (doc: MutableDocument, id: string, name: string): void => {
  const record = doc.records[id];
  const trimmed = name.trim().slice(0, 500);
  if ((record?.type === 'stage' || record?.type === 'lane') && trimmed)
    doc.records[id] = updateRecord(record, { name: trimmed });
};

/** Stages and lanes as shown on the board: hidden lanes left out, except the one being moved. */
const shownWith = (items: readonly (StageRecord | LaneRecord)[], id: string) =>
  items.filter((item) => item.id === id || !(item.type === 'lane' && item.hidden));

/**
 * Moves a stage one place left (-1) or right (+1), a lane up or down past the next shown lane
 * (a hidden one is skipped); its notes go with it.
 */
export const moveHeader = (doc: MutableDocument, id: string, direction: -1 | 1): void => {
  const record = doc.records[id];
  if (record?.type !== 'stage' && record?.type !== 'lane') return;
  const shown = shownWith(headersOf(doc, record.type), id);
  const neighbour = shown[shown.findIndex((item) => item.id === id) + direction];
  if (!neighbour) return;
  doc.records[id] = updateRecord(record, { order: neighbour.order });
  doc.records[neighbour.id] = updateRecord(neighbour, { order: record.order });
};

/**
 * Moves a stage or lane to just before `beforeId` (null: after the last), its notes with it.
 * Where it already is among the shown ones, nothing changes: no undo step.
 */
export const moveHeaderTo = (doc: MutableDocument, id: string, beforeId: string | null): void => {
  const record = doc.records[id];
  if (record?.type !== 'stage' && record?.type !== 'lane') return;
  const items = headersOf(doc, record.type);
  const shown = shownWith(items, id);
  const following = shown[shown.findIndex((item) => item.id === id) + 1];
  if (beforeId === id || (following?.id ?? null) === beforeId) return;
  const others = items.filter((item) => item.id !== id);
  const target = beforeId === null ? others.length : others.findIndex((item) => item.id === beforeId);
  if (target === -1) return;
  const before = others[target - 1];
  const after = others[target];
  const order =
    before && after
      ? (before.order + after.order) / 2
      : before
        ? before.order + 1
        : after
          ? after.order - 1
          : 0;
  doc.records[id] = updateRecord(record, { order });
};

/** Sets a stage's width or a lane's smallest height, within the grid's limits. */
export const resizeHeader = (doc: MutableDocument, id: string, size: number): void => {
  const record = doc.records[id];
  if (record?.type === 'stage') {
    doc.records[id] = updateRecord(record, {
      width: Math.round(clamp(size, GRID.minStageWidth, GRID.maxStageWidth)),
    });
  } else if (record?.type === 'lane') {
    doc.records[id] = updateRecord(record, {
      height: Math.round(clamp(size, GRID.minLaneHeight, GRID.maxLaneHeight)),
    });
  }
};

export const recolorHeader = (doc: MutableDocument, id: string, color: StageRecord['color']): void => {
  const record = doc.records[id];
  if (record?.type === 'stage' || record?.type === 'lane') doc.records[id] = updateRecord(record, { color });
};

export const setLaneHidden = (doc: MutableDocument, id: string, hidden: boolean): void => {
  const record = doc.records[id];
  if (record?.type === 'lane') doc.records[id] = updateRecord(record, { hidden });
};

/** The kind of the notes typed into a lane from now on; null for the kind its role suggests. */
export const setLaneNoteKind = (doc: MutableDocument, id: string, noteKind: NoteKind | null): void => {
  const record = doc.records[id];
  if (record?.type === 'lane') doc.records[id] = updateRecord(record, { noteKind });
};

/** The live notes, of every scenario, in a stage or lane. */
export const notesIn = (doc: JourneyDocument, id: string): NoteRecord[] =>
  recordsOfType(doc, 'note').filter((note) => !note.isDeleted && (note.stageId === id || note.laneId === id));

/**
 * Removes a stage or lane. Its notes are deleted, or moved out of the grid to where they were
 * drawn (`drawnAt` gives a note's drawn position; other scenarios' notes keep their stored one).
 */
export const removeHeader = (
  doc: MutableDocument,
  id: string,
  notes: 'delete' | 'move-out',
  drawnAt: (note: NoteRecord) => { x: number; y: number } | undefined,
): void => {
  const record = doc.records[id];
  if (record?.type !== 'stage' && record?.type !== 'lane') return;
  const inside = notesIn(doc, id);
  if (notes === 'delete')
    deleteRecords(
      doc,
      inside.map((note) => note.id),
    );
  else {
    for (const note of inside) {
      const at = drawnAt(note) ?? { x: note.x, y: note.y };
      updateNote(doc, note.id, { ...at, stageId: null, laneId: null });
    }
  }
  doc.records[id] = updateRecord(record, { isDeleted: true });
};

/** Sets (or, with null, clears) a scenario's emotion score at a stage. */
export const setEmotion = (
  doc: MutableDocument,
  scenarioId: string,
  stageId: string,
  score: number | null,
): void => {
  const scenario = doc.records[scenarioId];
  if (scenario?.type !== 'scenario') return;
  const emotions = { ...scenario.emotions };
  if (score === null) delete emotions[stageId];
  else emotions[stageId] = Math.round(clamp(score, EMOTION_RANGE.min, EMOTION_RANGE.max));
  if (scenario.emotions[stageId] === emotions[stageId]) return;
  doc.records[scenarioId] = updateRecord(scenario, { emotions });
};

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
