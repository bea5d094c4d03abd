import { firstScenarioId, type JourneyDocument } from '../../model/document.ts';
import { newMapDocument } from '../../model/edits.ts';
import type { LaneRecord, StageRecord } from '../../model/journey-records.ts';
import type { JourneyRecord, NoteRecord } from '../../model/records.ts';
import { GRID } from '../grid-geometry.ts';

/**
 * Maps far past what the app opens (FILE_LIMITS), built directly as records: the algorithms
 * after open must return on them rather than overflow the stack or run for minutes.
 */
export interface LargeMap {
  readonly doc: JourneyDocument;
  readonly scenarioId: string;
  readonly stageIds: readonly string[];
  readonly laneIds: readonly string[];
}

const base = (id: string) => ({ id, version: 1, versionNonce: 1, updated: 0, isDeleted: false });

export const largeMap = (options: {
  stages: number;
  lanes: number;
  /** Notes typed into the first cell. */
  notesInFirstCell: number;
  kind?: NoteRecord['kind'];
}): LargeMap => {
  const start = newMapDocument('Large', 0);
  const records: Record<string, JourneyRecord> = { ...start.records };
  const scenarioId = firstScenarioId(start);
  const stageIds: string[] = [];
  const laneIds: string[] = [];
  for (let order = 0; order < options.stages; order++) {
    const id = `s${order}`;
    const stage: StageRecord = {
      ...base(id),
      type: 'stage',
      name: `Stage ${order}`,
      order,
      width: GRID.defaultStageWidth,
      color: null,
      category: null,
    };
    records[id] = stage;
    stageIds.push(id);
  }
  for (let order = 0; order < options.lanes; order++) {
    const id = `l${order}`;
    const lane: LaneRecord = {
      ...base(id),
      type: 'lane',
      name: `Lane ${order}`,
      order,
      height: GRID.defaultLaneHeight,
      role: 'actions',
      hidden: false,
      color: null,
      noteKind: null,
    };
    records[id] = lane;
    laneIds.push(id);
  }
  for (let index = 0; index < options.notesInFirstCell; index++) {
    const id = `n${index}`;
    const note: NoteRecord = {
      ...base(id),
      type: 'note',
      x: 0,
      y: 0,
      w: 160,
      h: 120,
      text: `Note ${index}`,
      color: 'yellow',
      z: index,
      kind: options.kind ?? 'note',
      scenarioId,
      stageId: stageIds[0] ?? null,
      laneId: laneIds[0] ?? null,
      slot: index,
      channel: null,
      wow: false,
      ratings: null,
      origin: null,
    };
    records[id] = note;
  }
  return { doc: { id: start.id, records }, scenarioId, stageIds, laneIds };
};
