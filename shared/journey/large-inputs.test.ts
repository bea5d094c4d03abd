import { describe, expect, it } from 'vitest';
import type { NoteRecord } from '../model/records.ts';
import { draftPlacement } from './draft-placement.ts';
import { dropNotes, placeCopies } from './drop-notes.ts';
import { checkInsights } from './insights/check-insights.ts';
import { cellAt, layoutGrid, slotAt } from './layout.ts';
import { compareScenarios } from './scenarios/compare.ts';
import { notesInReadingOrder, searchMap } from './search.ts';
import { largeMap } from './test-support/large-map.ts';

/**
 * Inputs far past FILE_LIMITS: the limits keep files small, but the algorithms after open must
 * not depend on them to return (a cell of 130,000 notes once overflowed the stack in layout).
 */
/** Building and walking maps this size takes seconds on a loaded CI machine; no test asserts time. */
const SLOW = { timeout: 60_000 };

describe('a cell of 130,000 touchpoints', SLOW, () => {
  const { doc, scenarioId, stageIds, laneIds } = largeMap({
    stages: 3,
    lanes: 3,
    notesInFirstCell: 130_000,
    kind: 'touchpoint',
  });
  const cell = { stageId: stageIds[0] as string, laneId: laneIds[0] as string };
  const layout = layoutGrid(doc, scenarioId);

  it('is laid out: every note placed, the lane grown to hold them', () => {
    expect(layout.notes).toHaveLength(130_000);
    expect(layout.lanes[0]?.h).toBeGreaterThan(130_000 / 2);
  });

  it('takes a dropped note and a typed note at its end', () => {
    expect(slotAt(layout, cell, { x: 1e9, y: 1e9 }, new Set())).toBe(129_999.5);
    expect(draftPlacement(doc, scenarioId, cell, { w: 160, h: 120 }).slot).toBe(130_000);
  });

  it('is read in order and searched', () => {
    expect(notesInReadingOrder(layout)).toHaveLength(130_000);
    expect(searchMap(doc, layout, 'note 129999')).toHaveLength(1);
  });

  it('is checked by the insights', () => {
    const insights = checkInsights(doc, scenarioId);
    const tooMany = insights.find((finding) => finding.rule === 'too-many-touchpoints');
    expect(tooMany?.noteIds).toHaveLength(130_000);
  });
});

describe('a grid of 10,000 stages × 10,000 lanes', SLOW, () => {
  const { doc, scenarioId, stageIds, laneIds } = largeMap({
    stages: 10_000,
    lanes: 10_000,
    notesInFirstCell: 10,
  });
  const layout = layoutGrid(doc, scenarioId);

  it('is laid out without visiting its 100 million empty cells', () => {
    expect(layout.stages).toHaveLength(10_000);
    expect(layout.lanes).toHaveLength(10_000);
    expect(layout.notes).toHaveLength(10);
  });

  it('finds the cell under a point by binary search', () => {
    const column = layout.stages[7_345];
    const row = layout.lanes[9_001];
    if (!column || !row) throw new Error('no cell');
    expect(cellAt(layout, { x: column.x + 1, y: row.y + 1 })).toEqual({
      stageId: stageIds[7_345],
      laneId: laneIds[9_001],
    });
    expect(cellAt(layout, { x: layout.width, y: 0 })).toBeNull();
    expect(cellAt(layout, { x: -1, y: 0 })).toBeNull();
  });

  it('is searched and checked', () => {
    expect(searchMap(doc, layout, 'stage 9999')).toHaveLength(1);
    expect(checkInsights(doc, scenarioId).length).toBeGreaterThan(0);
  });
});

describe('compare', SLOW, () => {
  it('follows 100,000 chained origins once each, not once per note', () => {
    const { doc, scenarioId } = largeMap({ stages: 1, lanes: 1, notesInFirstCell: 1 });
    const ideal = Object.values(doc.records).find(
      (record) => record.type === 'scenario' && record.id !== scenarioId,
    );
    if (!ideal) throw new Error('no ideal scenario');
    const first = doc.records.n0 as NoteRecord;
    const records = { ...doc.records };
    let origin = first.id;
    for (let index = 1; index <= 100_000; index++) {
      const id = `c${index}`;
      records[id] = { ...first, id, kind: 'touchpoint', scenarioId: ideal.id, origin };
      origin = id;
    }
    const comparison = compareScenarios({ id: doc.id, records }, scenarioId, ideal.id);
    const changed = comparison.stages.reduce((sum, stage) => sum + stage.touchpoints.changed.length, 0);
    expect(changed).toBe(100_000);
  });
});

describe('dropping and pasting many notes', SLOW, () => {
  it('costs the notes of the target cell per dropped note, not the notes of the map', () => {
    const { doc, scenarioId, stageIds, laneIds } = largeMap({
      stages: 2,
      lanes: 2,
      notesInFirstCell: 130_000,
    });
    const mutable = { id: doc.id, records: { ...doc.records } };
    const layout = layoutGrid(mutable, scenarioId);
    const moving = layout.notes.slice(0, 5_000);
    const nextStage = layout.stages[1]?.x ?? 0;
    dropNotes(mutable, layout, moving, nextStage, 0);
    const moved = moving.map((note) => mutable.records[note.id] as NoteRecord);
    expect(moved.every((note) => note.stageId === stageIds[1] && note.laneId === laneIds[0])).toBe(true);
    const copies = layout.notes.slice(5_000, 25_000).map((note) => note.id);
    placeCopies(mutable, layout, copies);
    expect(copies.every((id) => (mutable.records[id] as NoteRecord).stageId === stageIds[0])).toBe(true);
  });
});
