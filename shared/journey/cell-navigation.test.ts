import { expect, it } from 'vitest';
import { firstScenarioId } from '../model/document.ts';
import { neighbourCell } from './cell-navigation.ts';
import { newMapFromTemplate } from './create-map.ts';
import { layoutGrid } from './layout.ts';
import { templateById } from './templates.ts';

it('moves between cells with the arrow keys, skipping the emotion lane and stopping at the edges', () => {
  const template = templateById('lifecycle');
  if (!template) throw new Error('no template');
  const doc = newMapFromTemplate(template, 'Lifecycle');
  const layout = layoutGrid(doc, firstScenarioId(doc));
  const stage = (index: number) => layout.stages[index]?.stage.id as string;
  const lane = (role: string) => layout.lanes.find((row) => row.lane.role === role)?.lane.id as string;
  const start = { stageId: stage(0), laneId: lane('thoughts') };
  expect(neighbourCell(layout, start, 'right')).toEqual({ stageId: stage(1), laneId: lane('thoughts') });
  expect(neighbourCell(layout, start, 'left')).toEqual(start);
  expect(neighbourCell(layout, start, 'down')).toEqual({ stageId: stage(0), laneId: lane('breakdowns') });
  expect(neighbourCell(layout, { stageId: stage(0), laneId: lane('breakdowns') }, 'up')).toEqual(start);
});
