import { describe, expect, it } from 'vitest';
import { GRID } from '../../shared/journey/grid-geometry.ts';
import { testMap } from '../../shared/journey/scenarios/test-support.ts';
import { addNote } from '../../shared/model/edits.ts';
import type { ScenarioRecord } from '../../shared/model/journey-records.ts';
import { buildPosterScene, HEADING_SIZE, STACK_GAP } from './poster-scene.ts';

const scenario = (map: ReturnType<typeof testMap>, id: string) => map.doc.records[id] as ScenarioRecord;
const everything = { omitEmptyLanes: false, emotionCurve: true };

describe('the scene of a poster', () => {
  it('is the board’s grid and notes of the scenario, framed around the headers and notes', () => {
    const map = testMap();
    const note = map.put('Interest', 'Touchpoints', { text: 'Product page', kind: 'touchpoint' });
    const scene = buildPosterScene(map.doc, [scenario(map, map.currentId)], everything);
    if (!scene) throw new Error('no scene');
    expect(scene.blocks).toHaveLength(1);
    const [block] = scene.blocks;
    expect(block?.heading).toBeNull();
    expect(block?.layout.lanes.map((row) => row.lane.name)).toContain('Metrics');
    expect(block?.layout.notes.map((placed) => placed.id)).toEqual([note.id]);
    // Category band and stage headers above y = 0, lane headers left of x = 0.
    expect(scene.box.x).toBe(-GRID.laneHeaderWidth);
    expect(scene.box.y).toBe(-GRID.headerHeight - GRID.categoryHeight);
    expect(scene.showCategories).toBe(true);
  });

  it('leaves out lanes without notes, and the emotion lane when asked', () => {
    const map = testMap();
    map.put('Interest', 'Touchpoints', { text: 'Product page' });
    const current = scenario(map, map.currentId);
    const lanes = (options: typeof everything) =>
      buildPosterScene(map.doc, [current], options)?.blocks[0]?.layout.lanes.map((row) => row.lane.name);
    // Current has no emotion scores yet: an empty emotion lane is empty too.
    expect(lanes({ omitEmptyLanes: true, emotionCurve: true })).toEqual(['Touchpoints']);
    map.doc.records[current.id] = { ...current, emotions: { [map.stageId('Interest')]: 2 } };
    const scored = scenario(map, map.currentId);
    expect(
      buildPosterScene(map.doc, [scored], {
        omitEmptyLanes: true,
        emotionCurve: true,
      })?.blocks[0]?.layout.lanes.map((row) => row.lane.name),
    ).toEqual(['Touchpoints', 'Emotion']);
    expect(
      buildPosterScene(map.doc, [scored], {
        omitEmptyLanes: false,
        emotionCurve: false,
      })?.blocks[0]?.layout.lanes.map((row) => row.lane.role),
    ).not.toContain('emotion');
  });

  it('stacks Ideal under Current with a heading each, keeping the lanes either one uses', () => {
    const map = testMap();
    const mine = map.put('Interest', 'Touchpoints', { text: 'Today' });
    const ideal = addNote(map.doc, {
      x: 0,
      y: 0,
      scenarioId: map.idealId,
      stageId: map.stageId('Use'),
      laneId: map.laneId('Opportunities'),
      text: 'Tomorrow',
    });
    const scene = buildPosterScene(map.doc, [scenario(map, map.currentId), scenario(map, map.idealId)], {
      omitEmptyLanes: true,
      emotionCurve: false,
    });
    if (!scene) throw new Error('no scene');
    const [top, bottom] = scene.blocks;
    expect(top?.heading?.text).toBe('Current');
    expect(bottom?.heading?.text).toBe('Ideal');
    expect(top?.layout.notes.map((note) => note.id)).toEqual([mine.id]);
    expect(bottom?.layout.notes.map((note) => note.id)).toEqual([ideal.id]);
    for (const block of scene.blocks) {
      expect(block.layout.lanes.map((row) => row.lane.name)).toEqual(['Touchpoints', 'Opportunities']);
    }
    // The Ideal block starts below Current's grid, its heading and a gap between.
    const gridHeight = (top?.layout.height ?? 0) + GRID.headerHeight + GRID.categoryHeight;
    expect(bottom?.dy).toBe(gridHeight + STACK_GAP + HEADING_SIZE * 1.6);
    expect(scene.box.y).toBe(top?.heading?.y);
    expect(scene.box.y + scene.box.height).toBeGreaterThanOrEqual(
      (bottom?.dy ?? 0) + (bottom?.layout.height ?? 0),
    );
  });

  it('takes in notes outside the grid', () => {
    const map = testMap();
    const free = addNote(map.doc, {
      x: 5000,
      y: 2000,
      w: 180,
      h: 120,
      scenarioId: map.currentId,
      text: 'Aside',
    });
    const scene = buildPosterScene(map.doc, [scenario(map, map.currentId)], everything);
    expect(scene?.blocks[0]?.layout.notes.map((note) => note.id)).toContain(free.id);
    expect((scene?.box.x ?? 0) + (scene?.box.width ?? 0)).toBeGreaterThanOrEqual(5180);
    expect((scene?.box.y ?? 0) + (scene?.box.height ?? 0)).toBeGreaterThanOrEqual(2120);
  });

  it('is nothing for a blank map without notes', () => {
    const map = testMap('blank');
    expect(buildPosterScene(map.doc, [scenario(map, map.currentId)], everything)).toBeNull();
  });
});
