import { expect, it } from 'vitest';
import { firstScenarioId, isLiveNote } from '../model/document.ts';
import { addNote, type MutableDocument } from '../model/edits.ts';
import { newMapFromTemplate } from './create-map.ts';
import { dropNotes, isInCell } from './drop-notes.ts';
import { layoutGrid } from './layout.ts';
import { templateById } from './templates.ts';

const lifecycle = (): MutableDocument => {
  const template = templateById('lifecycle');
  if (!template) throw new Error('no template');
  const doc = newMapFromTemplate(template, 'Lifecycle');
  return { id: doc.id, records: { ...doc.records } };
};

it('a note dropped into a cell joins it and keeps the drop point as its place outside the grid', () => {
  const doc = lifecycle();
  const note = addNote(doc, { x: -600, y: 40, text: 'Free' });
  const grid = layoutGrid(doc, firstScenarioId(doc));
  const [, growth] = grid.stages;
  const [actions] = grid.lanes;
  if (!growth || !actions) throw new Error('template incomplete');
  const dx = growth.x + 20 - note.x;
  const dy = actions.y + 20 - note.y;
  dropNotes(doc, grid, [note], dx, dy);
  const joined = doc.records[note.id];
  expect(joined).toMatchObject({ stageId: growth.stage.id, laneId: actions.lane.id, x: growth.x + 20 });
  expect(isLiveNote(joined) && isInCell(layoutGrid(doc, firstScenarioId(doc)), joined)).toBe(true);
});
