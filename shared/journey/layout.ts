import { isLiveNote, type JourneyDocument } from '../model/document.ts';
import type { LaneRecord, StageRecord } from '../model/journey-records.ts';
import type { NoteRecord } from '../model/records.ts';
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
  Object.values(doc.records)
    .filter((record): record is StageRecord => record.type === 'stage' && !record.isDeleted)
    .sort(byOrder);

export const lanesOf = (doc: JourneyDocument): LaneRecord[] =>
  Object.values(doc.records)
    .filter((record): record is LaneRecord => record.type === 'lane' && !record.isDeleted)
    .sort(byOrder);

/** Lays out one scenario. */
export const layoutGrid = (doc: JourneyDocument, scenarioId: string): GridLayout => {
  const stages: StageColumn[] = [];
  let x = 0;
  for (const stage of stagesOf(doc)) {
    stages.push({ stage, x, w: stage.width });
    x += stage.width;
  }
  const visibleLanes = lanesOf(doc).filter((lane) => !lane.hidden);
  const stageIndex = new Map(stages.map((column, index) => [column.stage.id, index]));
  const laneIds = new Set(visibleLanes.map((lane) => lane.id));
  const free: NoteRecord[] = [];
  const byCell = new Map<string, NoteRecord[]>();
  const hiddenLaneIds = new Set(
    lanesOf(doc)
      .filter((lane) => lane.hidden)
      .map((lane) => lane.id),
  );
  for (const record of Object.values(doc.records)) {
    if (!isLiveNote(record) || record.scenarioId !== scenarioId) continue;
    const inGrid = record.stageId !== null && record.laneId !== null && stageIndex.has(record.stageId);
    if (inGrid && record.laneId && laneIds.has(record.laneId)) {
      const key = cellKey(record.stageId as string, record.laneId);
      const cell = byCell.get(key);
      if (cell) cell.push(record);
      else byCell.set(key, [record]);
    } else if (!(inGrid && record.laneId && hiddenLaneIds.has(record.laneId))) {
      free.push(record);
    }
  }

  const placed: NoteRecord[] = [];
  const lanes: LaneRow[] = [];
  let y = 0;
  for (const lane of visibleLanes) {
    let height = lane.height;
    const laneNotes: { note: NoteRecord; x: number; dy: number }[] = [];
    for (const column of stages) {
      const notes = (byCell.get(cellKey(column.stage.id, lane.id)) ?? []).sort(
        (a, b) => a.slot - b.slot || (a.id < b.id ? -1 : 1),
      );
      const flowed = flowInCell(notes, column);
      height = Math.max(height, flowed.height);
      laneNotes.push(...flowed.notes);
    }
    for (const { note, x: noteX, dy } of laneNotes) placed.push(positioned(note, noteX, y + dy));
    lanes.push({ lane, y, h: height });
    y += height;
  }
  const notes = [...placed, ...free].sort((a, b) => a.z - b.z || (a.id < b.id ? -1 : 1));
  return { stages, lanes, width: x, height: y, notes };
};

const cellKey = (stageId: string, laneId: string) => `${stageId}\u0000${laneId}`;

/** Notes in rows, left to right, wrapping at the stage's width. */
const flowInCell = (notes: readonly NoteRecord[], column: StageColumn) => {
  const { cellPadding: pad, noteGap: gap } = GRID;
  const right = column.x + column.w - pad;
  const out: { note: NoteRecord; x: number; dy: number }[] = [];
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
  return { notes: out, height: notes.length === 0 ? 0 : rowTop + rowHeight + pad };
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
  const column = layout.stages.find(
    (candidate) => point.x >= candidate.x && point.x < candidate.x + candidate.w,
  );
  const row = layout.lanes.find((candidate) => point.y >= candidate.y && point.y < candidate.y + candidate.h);
  if (!column || !row || row.lane.role === 'emotion') return null;
  return { stageId: column.stage.id, laneId: row.lane.id };
};

/** Where a board point falls among the notes of a cell: the slot a dropped note takes. */
export const slotAt = (
  layout: GridLayout,
  cell: Cell,
  point: { x: number; y: number },
  movingIds: ReadonlySet<string>,
): number => {
  const inCell = layout.notes.filter(
    (note) => note.stageId === cell.stageId && note.laneId === cell.laneId && !movingIds.has(note.id),
  );
  const before = inCell.filter(
    (note) => note.y + note.h < point.y || (note.y <= point.y && note.x + note.w / 2 < point.x),
  );
  if (before.length === 0) return (inCell.reduce((min, note) => Math.min(min, note.slot), 1) ?? 1) - 1;
  return Math.max(...before.map((note) => note.slot)) + 0.5;
};
