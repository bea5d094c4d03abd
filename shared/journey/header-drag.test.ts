import { expect, it } from 'vitest';
import { firstScenarioId } from '../model/document.ts';
import { newMapFromTemplate } from './create-map.ts';
import { GRID } from './grid-geometry.ts';
import { dropIndex, gripAt } from './header-drag.ts';
import { layoutGrid } from './layout.ts';
import { templateById } from './templates.ts';

const layout = () => {
  const template = templateById('lifecycle');
  if (!template) throw new Error('no template');
  const doc = newMapFromTemplate(template, 'Lifecycle');
  return layoutGrid(doc, firstScenarioId(doc));
};

it('resizes a stage by its header’s right edge and a lane by its header’s bottom edge, moves them elsewhere', () => {
  const grid = layout();
  const [introduction, growth] = grid.stages;
  const [actions] = grid.lanes;
  expect(gripAt(grid, { x: GRID.defaultStageWidth - 2, y: -20 }, 1)).toEqual({
    action: 'resize',
    kind: 'stage',
    id: introduction?.stage.id,
    start: GRID.defaultStageWidth,
  });
  expect(gripAt(grid, { x: GRID.defaultStageWidth + 100, y: -20 }, 1)).toEqual({
    action: 'move',
    kind: 'stage',
    id: growth?.stage.id,
  });
  expect(gripAt(grid, { x: -50, y: (actions?.h ?? 0) - 3 }, 1)).toMatchObject({
    action: 'resize',
    kind: 'lane',
    id: actions?.lane.id,
  });
  expect(gripAt(grid, { x: 100, y: 100 }, 1)).toBeNull();
});

it('drops a dragged stage between the stages the pointer is between', () => {
  const grid = layout();
  const [introduction] = grid.stages;
  const id = introduction?.stage.id as string;
  const [, growth] = grid.stages;
  expect(dropIndex(grid, 'stage', id, { x: 10, y: 0 }).beforeId).toBe(growth?.stage.id);
  expect(dropIndex(grid, 'stage', id, { x: 3 * GRID.defaultStageWidth - 10, y: 0 }).beforeId).toBeNull();
  expect(dropIndex(grid, 'stage', id, { x: 3 * GRID.defaultStageWidth - 10, y: 0 }).line.x1).toBe(
    3 * GRID.defaultStageWidth,
  );
});
