import { firstScenarioId, type JourneyDocument } from '../model/document.ts';
import { noteRecord } from '../model/edits.ts';
import { type Cell, layoutGrid } from './layout.ts';

/**
 * Where a note about to be typed into a cell will sit once it exists: the grid is laid out with
 * a stand-in note at the end of the cell, so the editor opens exactly where the note will be.
 */
export const draftPlacement = (
  doc: JourneyDocument,
  scenarioId: string,
  cell: Cell,
  size: { readonly w: number; readonly h: number },
): { x: number; y: number; slot: number } => {
  let last = Number.NEGATIVE_INFINITY;
  for (const record of Object.values(doc.records)) {
    if (
      record.type === 'note' &&
      !record.isDeleted &&
      record.scenarioId === scenarioId &&
      record.stageId === cell.stageId &&
      record.laneId === cell.laneId
    )
      last = Math.max(last, record.slot);
  }
  const slot = last === Number.NEGATIVE_INFINITY ? 0 : Math.floor(last) + 1;
  const id = '\u0000draft';
  const draft = noteRecord(
    doc,
    { x: 0, y: 0, ...size, scenarioId: scenarioId || firstScenarioId(doc), ...cell, slot },
    id,
    0,
    Number.MAX_SAFE_INTEGER,
  );

  const placed = layoutGrid({ id: doc.id, records: { ...doc.records, [id]: draft } }, scenarioId).notes.find(
    (note) => note.id === id,
  );
  return { x: placed?.x ?? 0, y: placed?.y ?? 0, slot };
};
