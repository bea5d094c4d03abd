import type { JourneyDocument } from '../model/document.ts';
import type { LaneRecord, StageRecord } from '../model/journey-records.ts';
import type { NoteRecord } from '../model/records.ts';
import { recordsOfType } from '../model/records-by-type.ts';
import { GRID } from './grid-geometry.ts';

/**
 * Where everything of one scenario sits on the board: the stage columns, the visible lanes, and
 * every note of the scenario with the position it is drawn at. Notes in a cell are arranged in
 * rows inside it (the lane grows to fit the fullest cell); notes outside the grid keep their
 * own x and y. Stage x = 0 is the left edge of the first stage; lane y = 0 the top of the first lane.
 */
export interface StageColumn {
  readonly stage: StageRecord;
  readonly x: number;
  readonly w: number;
}

export interface LaneRow {
  readonly lane: LaneRecord;
  readonly y: number;
  readonly h: number;
}

export interface Cell {
  readonly stageId: string;
  readonly laneId: string;
}

export interface GridLayout {
  readonly stages: readonly StageColumn[];
  readonly lanes: readonly LaneRow[];
  /** Grid width and height without the headers (0 × 0 for a map without stages or lanes). */
  readonly width: number;
  readonly height: number;
  /** The scenario's notes, bottom to top, at the positions they are drawn at. */
  readonly notes: readonly NoteRecord[];
}

const byOrder = <R extends { order: number; id: string }>(a: R, b: R) =>
  a.order - b.order || (a.id < b.id ? -1 : 1);

export const stagesOf = (doc: JourneyDocument): StageRecord[] =>
  recordsOfType(doc, 'stage')
    .filter((stage) => !stage.isDeleted)
    .sort(byOrder);

export const lanesOf = (doc: JourneyDocument): LaneRecord[] =>
  recordsOfType(doc, 'lane')
    .filter((lane) => !lane.isDeleted)
    .sort(byOrder);

/**
 * Lays out one scenario in O(stages + lanes + notes log notes): only cells that hold notes are
 * visited, so a huge empty grid costs no more than its headers, and no step spreads an array
 * into a call (a cell of 100,000 notes once overflowed the stack that way).
 */
export const layoutGrid = (doc: JourneyDocument, scenarioId: string): GridLayout => {
  const stages: StageColumn[] = [];
  let x = 0;
  for (const stage of stagesOf(doc)) {
    stages.push({ stage, x, w: stage.width });
    x += stage.width;
  }
  const allLanes = lanesOf(doc);
  const visibleLanes = allLanes.filter((lane) => !lane.hidden);
  const stageIndex = new Map(stages.map((column, index) => [column.stage.id, index]));
  const laneIds = new Set(visibleLanes.map((lane) => lane.id));
  const hiddenLaneIds = new Set(allLanes.filter((lane) => lane.hidden).map((lane) => lane.id));
  const free: NoteRecord[] = [];
  /** Lane id → stage index → the cell's notes. */
  const byLane = new Map<string, Map<number, NoteRecord[]>>();
  for (const record of recordsOfType(doc, 'note')) {
    if (record.isDeleted || record.scenarioId !== scenarioId) continue;
    const column = record.stageId === null ? undefined : stageIndex.get(record.stageId);
    const laneId = record.laneId;
    if (column !== undefined && laneId !== null && laneIds.has(laneId)) {
      let cells = byLane.get(laneId);
      if (!cells) {
        cells = new Map();
        byLane.set(laneId, cells);
      }
      const cell = cells.get(column);
      if (cell) cell.push(record);
      else cells.set(column, [record]);
    } else if (!(column !== undefined && laneId !== null && hiddenLaneIds.has(laneId))) {
      free.push(record);
    }
  }

  const placed: NoteRecord[] = [];
  const lanes: LaneRow[] = [];
  let y = 0;
  for (const lane of visibleLanes) {
    let height = lane.height;
    const laneNotes: { note: NoteRecord; x: number; dy: number }[] = [];
    for (const [column, notes] of byLane.get(lane.id) ?? []) {
      const stage = stages[column];
      if (!stage) continue;
      notes.sort((a, b) => a.slot - b.slot || (a.id < b.id ? -1 : 1));
      height = Math.max(height, flowInCell(notes, stage, laneNotes));
    }
    for (const { note, x: noteX, dy } of laneNotes) placed.push(positioned(note, noteX, y + dy));
    lanes.push({ lane, y, h: height });
    y += height;
  }
  for (const note of free) placed.push(note);
  const notes = placed.sort((a, b) => a.z - b.z || (a.id < b.id ? -1 : 1));
  return { stages, lanes, width: x, height: y, notes };
};

/**
 * Notes in rows, left to right, wrapping at the stage's width; appends them to `out` and
 * returns the height the cell needs.
 */
const flowInCell = (
  notes: readonly NoteRecord[],
  column: StageColumn,
  out: { note: NoteRecord; x: number; dy: number }[],
): number => {
  const { cellPadding: pad, noteGap: gap } = GRID;
  const right = column.x + column.w - pad;
  let x = column.x + pad;
  let rowTop = pad;
  let rowHeight = 0;
  for (const note of notes) {
    if (x > column.x + pad && x + note.w > right) {
      x = column.x + pad;
      rowTop += rowHeight + gap;
      rowHeight = 0;
    }
    out.push({ note, x, dy: rowTop });
    x += note.w + gap;
    rowHeight = Math.max(rowHeight, note.h);
  }
  return notes.length === 0 ? 0 : rowTop + rowHeight + pad;
};

/** Positioned copies are cached per record, so an unchanged note keeps the same object. */
const positionedCache = new WeakMap<NoteRecord, NoteRecord>();

const positioned = (note: NoteRecord, x: number, y: number): NoteRecord => {
  if (note.x === x && note.y === y) return note;
  const cached = positionedCache.get(note);
  if (cached && cached.x === x && cached.y === y) return cached;
  const copy = { ...note, x, y };
  positionedCache.set(note, copy);
  return copy;
};

/** The note cell (not the emotion lane) under a board point, or null outside the grid. */
export const cellAt = (layout: GridLayout, point: { x: number; y: number }): Cell | null => {
  const column = spanAt(
    layout.stages,
    point.x,
    (candidate) => candidate.x,
    (candidate) => candidate.w,
  );
  const row = spanAt(
    layout.lanes,
    point.y,
    (candidate) => candidate.y,
    (candidate) => candidate.h,
  );
  if (!column || !row || row.lane.role === 'emotion') return null;
  return { stageId: column.stage.id, laneId: row.lane.id };
};

/** Binary search over spans laid end to end (columns, rows): O(log n) per pointer move. */
const spanAt = <T>(
  spans: readonly T[],
  at: number,
  start: (span: T) => number,
  size: (span: T) => number,
): T | undefined => {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle] as T;
    if (at < start(span)) high = middle - 1;
    else if (at >= start(span) + size(span)) low = middle + 1;
    else return span;
  }
  return undefined;
};

/** A layout's cell notes by cell, indexed once per layout (layouts are immutable). */
const cellIndex = new WeakMap<GridLayout, Map<string, NoteRecord[]>>();

const notesInCell = (layout: GridLayout, cell: Cell): readonly NoteRecord[] => {
  let index = cellIndex.get(layout);
  if (!index) {
    index = new Map();
    for (const note of layout.notes) {
      if (note.stageId === null || note.laneId === null) continue;
      const key = `${note.stageId}\u0000${note.laneId}`;
      const notes = index.get(key);
      if (notes) notes.push(note);
      else index.set(key, [note]);
    }
    cellIndex.set(layout, index);
  }
  return index.get(`${cell.stageId}\u0000${cell.laneId}`) ?? [];
};

/**
 * Where a board point falls among the notes of a cell: the slot a dropped note takes. O(notes in
 * the cell) after one O(notes) index per layout: a drop of k notes costs k × the target cell
 * (at most FILE_LIMITS.maxNotesPerCell), never k × the notes of the map.
 */
export const slotAt = (
  layout: GridLayout,
  cell: Cell,
  point: { x: number; y: number },
  movingIds: ReadonlySet<string>,
): number => {
  let lowest = 1;
  let lastBefore = Number.NEGATIVE_INFINITY;
  for (const note of notesInCell(layout, cell)) {
    if (movingIds.has(note.id)) continue;
    lowest = Math.min(lowest, note.slot);
    const before = note.y + note.h < point.y || (note.y <= point.y && note.x + note.w / 2 < point.x);
    if (before) lastBefore = Math.max(lastBefore, note.slot);
  }
  return lastBefore === Number.NEGATIVE_INFINITY ? lowest - 1 : lastBefore + 0.5;
};
