import type { JourneyDocument } from '../model/document.ts';
import { FILE_LIMITS } from '../model/limits.ts';
import type { JourneyRecord } from '../model/records.ts';

type Records = JourneyDocument['records'];

const count = (n: number) => n.toLocaleString('en-US');

/** A live note's cell, or undefined for a note outside the grid or any other record. */
const cellOf = (record: JourneyRecord | undefined): string | undefined =>
  record?.type === 'note' && !record.isDeleted && record.stageId !== null
    ? `${record.scenarioId} ${record.stageId} ${record.laneId}`
    : undefined;

/**
 * Why an edit may not be kept, or undefined: it would give a cell more notes, or the map more
 * records, than a map may hold (FILE_LIMITS), so the map could be saved but never opened again.
 * A paste, a drop, a drag or a duplicate into a full cell is refused whole, never cut short.
 *
 * Cost: O(changed) for an edit that puts no note into a new cell and adds no record (a text
 * edit, a move within a cell); otherwise one O(n) count of the cells it filled.
 */
export const editLimitPassed = (
  before: Records,
  after: Records,
  changed: Iterable<string>,
): string | undefined => {
  const filled = new Set<string>();
  let added = 0;
  for (const id of changed) {
    const was = Object.hasOwn(before, id) ? before[id] : undefined;
    const now = Object.hasOwn(after, id) ? after[id] : undefined;
    if (!was && now) added++;
    const cell = cellOf(now);
    if (cell !== undefined && cell !== cellOf(was)) filled.add(cell);
  }
  if (added > 0) {
    const records = Object.keys(after).length;
    if (records > FILE_LIMITS.maxRecords)
      return `This map would hold ${count(records)} records (deleted ones included), past the ${count(FILE_LIMITS.maxRecords)} a map can hold, so nothing was added.`;
  }
  if (filled.size === 0) return undefined;
  const notes = new Map<string, number>();
  let fullest = 0;
  for (const id in after) {
    const cell = cellOf(after[id]);
    if (cell === undefined || !filled.has(cell)) continue;
    const inCell = (notes.get(cell) ?? 0) + 1;
    notes.set(cell, inCell);
    fullest = Math.max(fullest, inCell);
  }
  return fullest > FILE_LIMITS.maxNotesPerCell
    ? `That would put ${count(fullest)} notes in one cell, past the ${count(FILE_LIMITS.maxNotesPerCell)} a cell can hold, so nothing was changed. Put them in another cell or outside the grid.`
    : undefined;
};
