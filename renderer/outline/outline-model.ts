import type { GridLayout } from '../../shared/journey/layout.ts';
import { activePersonaOf } from '../../shared/journey/personas/persona-queries.ts';
import { notesInReadingOrder } from '../../shared/journey/search.ts';
import { type JourneyDocument, mapRecordOf } from '../../shared/model/document.ts';
import type { LaneRecord, PersonaRecord, StageRecord } from '../../shared/model/journey-records.ts';
import type { NoteRecord } from '../../shared/model/records.ts';

/**
 * The scenario shown on the board as a tree of text: each stage, each visible lane in it with
 * the notes of that cell, then the notes outside the grid. Notes come in the order the find bar
 * steps through them (notesInReadingOrder). Built from the store on every change; never kept.
 */
export interface OutlineLane {
  readonly lane: LaneRecord;
  readonly notes: readonly NoteRecord[];
  /** On the emotion lane, the scenario's score for the stage (null when not scored). */
  readonly emotion: number | null;
}

export interface OutlineStage {
  readonly stage: StageRecord;
  readonly lanes: readonly OutlineLane[];
  readonly noteCount: number;
}

export interface Outline {
  readonly mapName: string;
  readonly scenarioName: string;
  readonly persona: PersonaRecord | null;
  readonly stages: readonly OutlineStage[];
  readonly outside: readonly NoteRecord[];
}

const cellKey = (stageId: string, laneId: string) => `${stageId}\u0000${laneId}`;

/** O(stages × lanes + notes log notes): one entry per cell, bounded by FILE_LIMITS.maxStages × maxLanes. */
export const buildOutline = (doc: JourneyDocument, scenarioId: string, layout: GridLayout): Outline => {
  const map = mapRecordOf(doc);
  const scenario = doc.records[scenarioId];
  const byCell = new Map<string, NoteRecord[]>();
  const outside: NoteRecord[] = [];
  const stageIds = new Set(layout.stages.map((column) => column.stage.id));
  const laneIds = new Set(layout.lanes.map((row) => row.lane.id));
  for (const note of notesInReadingOrder(layout)) {
    if (note.stageId && note.laneId && stageIds.has(note.stageId) && laneIds.has(note.laneId)) {
      const key = cellKey(note.stageId, note.laneId);
      const cell = byCell.get(key);
      if (cell) cell.push(note);
      else byCell.set(key, [note]);
    } else {
      outside.push(note);
    }
  }
  const emotions = scenario?.type === 'scenario' ? scenario.emotions : {};
  const stages = layout.stages.map(({ stage }): OutlineStage => {
    const lanes = layout.lanes.map(
      ({ lane }): OutlineLane => ({
        lane,
        notes: byCell.get(cellKey(stage.id, lane.id)) ?? [],
        emotion: lane.role === 'emotion' ? (emotions[stage.id] ?? null) : null,
      }),
    );
    return { stage, lanes, noteCount: lanes.reduce((sum, lane) => sum + lane.notes.length, 0) };
  });
  return {
    mapName: map.name,
    scenarioName: scenario?.type === 'scenario' ? scenario.name : '',
    persona: activePersonaOf(doc),
    stages,
    outside,
  };
};
