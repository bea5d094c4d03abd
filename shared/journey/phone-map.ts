import { type JourneyDocument, mapRecordOf } from '../model/document.ts';
import type { NoteRecord } from '../model/records.ts';
import { type MapView, ROOM_LIMITS } from '../room/protocol.ts';
import { layoutGrid } from './layout.ts';

/**
 * The map as a phone shows it: one scenario stage by stage, each stage's lanes top to bottom
 * with their notes in the order of the cell, words and kinds only. Empty lanes are left out; a
 * long map stops at ROOM_LIMITS.mapNotes notes, which is more than anyone reads on a phone.
 */
export const phoneMap = (doc: JourneyDocument, scenarioId: string): MapView => {
  const layout = layoutGrid(doc, scenarioId);
  const byCell = new Map<string, NoteRecord[]>();
  for (const note of layout.notes) {
    if (note.stageId === null || note.text.trim() === '') continue;
    const key = `${note.stageId} ${note.laneId}`;
    const cell = byCell.get(key);
    if (cell) cell.push(note);
    else byCell.set(key, [note]);
  }
  let budget = ROOM_LIMITS.mapNotes;
  const scenario = doc.records[scenarioId];
  return {
    name: mapRecordOf(doc).name,
    scenario: scenario?.type === 'scenario' ? scenario.name : '',
    stages: layout.stages.map(({ stage }) => ({
      id: stage.id,
      name: stage.name || 'Untitled',
      lanes: layout.lanes.flatMap(({ lane }) => {
        const notes = (byCell.get(`${stage.id} ${lane.id}`) ?? [])
          .sort((a, b) => a.slot - b.slot)
          .slice(0, Math.max(0, budget))
          .map((note) => ({
            id: note.id,
            text: note.text.slice(0, ROOM_LIMITS.voteNoteText),
            kind: note.kind,
          }));
        budget -= notes.length;
        return notes.length === 0 ? [] : [{ name: lane.name || 'Untitled', notes }];
      }),
    })),
  };
};
