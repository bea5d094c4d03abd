import { type JourneyDocument, mapRecordOf } from '../../model/document.ts';
import type { LaneRecord, NoteKind, ScenarioRecord, StageRecord } from '../../model/journey-records.ts';
import type { NoteRecord } from '../../model/records.ts';
import type { InsightContext } from './insight.ts';

/** Same order as the board's (layout.ts): by order, then id. */
const byOrder = (a: StageRecord | LaneRecord, b: StageRecord | LaneRecord) =>
  a.order - b.order || (a.id < b.id ? -1 : 1);

const push = <K, V>(groups: Map<K, V[]>, key: K, value: V) => {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
};

/**
 * Everything the rules read about one scenario, in a single pass over the records: the checks run
 * on every edit of maps with thousands of notes. Notes in a hidden lane are left out: the
 * facilitator hid that lane because the workshop does not use it, and a finding could not point
 * at notes that are not on the board.
 */
export const insightContext = (doc: JourneyDocument, scenario: ScenarioRecord): InsightContext => {
  const stages: StageRecord[] = [];
  const lanes: LaneRecord[] = [];
  const scenarioNotes: NoteRecord[] = [];
  // Object.keys with lookups: measurably faster than Object.values on thousands of records.
  for (const id of Object.keys(doc.records)) {
    const record = doc.records[id];
    if (record === undefined || record.isDeleted) continue;
    if (record.type === 'note') {
      if (record.scenarioId === scenario.id) scenarioNotes.push(record);
    } else if (record.type === 'stage') stages.push(record);
    else if (record.type === 'lane') lanes.push(record);
  }
  stages.sort(byOrder);
  lanes.sort(byOrder);

  const stageIds = new Set(stages.map((stage) => stage.id));
  const hiddenLaneIds = new Set(lanes.filter((lane) => lane.hidden).map((lane) => lane.id));
  const visibleLaneIds = new Set(lanes.filter((lane) => !lane.hidden).map((lane) => lane.id));
  /** The board draws a note in a cell only when both its stage and its lane are there. */
  const stageOf = (note: NoteRecord): string | null =>
    note.stageId !== null &&
    note.laneId !== null &&
    stageIds.has(note.stageId) &&
    visibleLaneIds.has(note.laneId)
      ? note.stageId
      : null;

  const notesByKind = new Map<NoteKind, NoteRecord[]>();
  const notesByStage = new Map<string, NoteRecord[]>();
  const notesByLane = new Map<string, NoteRecord[]>();
  for (const note of scenarioNotes) {
    if (note.laneId !== null && hiddenLaneIds.has(note.laneId)) continue;
    push(notesByKind, note.kind, note);
    const stageId = stageOf(note);
    if (stageId === null || note.laneId === null) continue;
    push(notesByStage, stageId, note);
    push(notesByLane, note.laneId, note);
  }
  return {
    doc,
    scenario,
    settings: mapRecordOf(doc).insightSettings,
    stages,
    lanes,
    notesByKind,
    notesByStage,
    notesByLane,
    stageOf,
  };
};
