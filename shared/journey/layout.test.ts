import { describe, expect, it } from 'vitest';
import { firstScenarioId, type JourneyDocument } from '../model/document.ts';
import { addNote, type MutableDocument } from '../model/edits.ts';
import { newMapFromTemplate } from './create-map.ts';
import { GRID } from './grid-geometry.ts';
import { cellAt, lanesOf, layoutGrid, stagesOf } from './layout.ts';
import { TEMPLATES, templateById } from './templates.ts';

const fromTemplate = (id: string): MutableDocument => {
  const template = templateById(id);
  if (!template) throw new Error(`no template ${id}`);
  const doc = newMapFromTemplate(template, 'Home printer toner: current');
  return { id: doc.id, records: { ...doc.records } };
};

describe('templates', () => {
  it('lay out the customer experience stages with customer service as a lane spanning them', () => {
    const doc = fromTemplate('customer-experience');
    expect(stagesOf(doc).map((stage) => stage.name)).toEqual([
      'Brand awareness',
      'Interest',
      'A taste of the offering',
      'Purchase',
      'Use',
      'Post-purchase',
      'Repeat purchases',
      'Referral',
    ]);
    expect(stagesOf(doc).map((stage) => stage.category)).toEqual([
      'discovery',
      'discovery',
      'relationship',
      'purchase',
      'purchase',
      'follow-up',
      'follow-up',
      'follow-up',
    ]);
    const lanes = lanesOf(doc);
    expect(lanes.at(-1)).toMatchObject({ name: 'Customer service', role: 'customer-service' });
    expect(lanes.map((lane) => lane.role)).toEqual(
      expect.arrayContaining([
        'actions',
        'touchpoints',
        'channels',
        'thoughts',
        'emotion',
        'breakdowns',
        'opportunities',
        'backstage',
        'metrics',
      ]),
    );
  });

  it('are data: every template makes a map of its own stages with the two scenarios', () => {
    for (const template of TEMPLATES) {
      const doc = newMapFromTemplate(template, template.name);
      expect(stagesOf(doc).map((stage) => stage.name)).toEqual(template.stages.map((stage) => stage.name));
      expect(lanesOf(doc)).toHaveLength(template.lanes.length);
      expect(
        Object.values(doc.records)
          .filter((record) => record.type === 'scenario')
          .map((s) => s.type === 'scenario' && s.kind),
      ).toEqual(['current', 'ideal']);
    }
  });

  it('place a connected-customer map on the continuum', () => {
    const template = templateById('connected');
    if (!template) throw new Error('no connected template');
    const doc: JourneyDocument = newMapFromTemplate(template, 'Toner', {
      connectedType: 'automatic-execution',
    });
    expect(doc.records[doc.id]).toMatchObject({ connectedType: 'automatic-execution' });
    expect(stagesOf(doc).map((stage) => stage.name)).toEqual(['Recognize', 'Request', 'Respond', 'Repeat']);
  });
});

describe('the grid layout', () => {
  const setUp = () => {
    const doc = fromTemplate('lifecycle');
    const [introduction, growth] = stagesOf(doc);
    const [actions] = lanesOf(doc);
    if (!introduction || !growth || !actions) throw new Error('template incomplete');
    return { doc, introduction, growth, actions, scenarioId: firstScenarioId(doc) };
  };

  it('puts stages side by side and lanes one under the other', () => {
    const { doc, scenarioId } = setUp();
    const layout = layoutGrid(doc, scenarioId);
    expect(layout.stages.map((column) => column.x)).toEqual([
      0,
      GRID.defaultStageWidth,
      2 * GRID.defaultStageWidth,
    ]);
    expect(layout.lanes[1]?.y).toBe(layout.lanes[0]?.h);
    expect(layout.width).toBe(3 * GRID.defaultStageWidth);
  });

  it('arranges a cell’s notes in rows by slot, and grows the lane to fit the fullest cell', () => {
    const { doc, introduction, actions, scenarioId } = setUp();
    for (let slot = 0; slot < 5; slot++)
      addNote(doc, {
        x: 9999,
        y: 9999,
        text: `n${slot}`,
        stageId: introduction.id,
        laneId: actions.id,
        slot,
      });
    const layout = layoutGrid(doc, scenarioId);
    const inCell = layout.notes.filter((note) => note.stageId === introduction.id);
    expect(inCell.map((note) => note.text)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
    // 440 wide cells hold two 180-wide notes per row: three rows.
    expect(inCell.map((note) => [note.x, note.y])).toEqual([
      [16, 16],
      [208, 16],
      [16, 148],
      [208, 148],
      [16, 280],
    ]);
    expect(layout.lanes[0]?.h).toBe(16 + 3 * 120 + 2 * 12 + 16);
    expect(layout.lanes[1]?.y).toBe(layout.lanes[0]?.h);
  });

  it('carries a stage’s notes along when the stage moves or widens', () => {
    const { doc, introduction, growth, actions, scenarioId } = setUp();
    addNote(doc, { x: 0, y: 0, text: 'in growth', stageId: growth.id, laneId: actions.id });
    doc.records[introduction.id] = { ...introduction, width: 600 };
    const layout = layoutGrid(doc, scenarioId);
    expect(layout.notes.find((note) => note.text === 'in growth')?.x).toBe(600 + 16);
  });

  it('keeps notes outside the grid where they were put, and shows only the scenario’s notes', () => {
    const { doc, scenarioId } = setUp();
    addNote(doc, { x: -500, y: 40, text: 'off the path' });
    const ideal = Object.values(doc.records).find(
      (record) => record.type === 'scenario' && record.kind === 'ideal',
    );
    addNote(doc, { x: 0, y: 0, text: 'ideal only', scenarioId: ideal?.id });
    const layout = layoutGrid(doc, scenarioId);
    expect(layout.notes.map((note) => [note.text, note.x, note.y])).toEqual([['off the path', -500, 40]]);
  });

  it('leaves hidden lanes out, with their notes', () => {
    const { doc, introduction, actions, scenarioId } = setUp();
    addNote(doc, { x: 0, y: 0, text: 'hidden', stageId: introduction.id, laneId: actions.id });
    doc.records[actions.id] = { ...actions, hidden: true };
    const layout = layoutGrid(doc, scenarioId);
    expect(layout.lanes.map((row) => row.lane.id)).not.toContain(actions.id);
    expect(layout.notes).toHaveLength(0);
  });

  it('finds the note cell under a point, never the emotion lane', () => {
    const { doc, growth, actions, scenarioId } = setUp();
    const layout = layoutGrid(doc, scenarioId);
    expect(cellAt(layout, { x: GRID.defaultStageWidth + 10, y: 10 })).toEqual({
      stageId: growth.id,
      laneId: actions.id,
    });
    const emotion = layout.lanes.find((row) => row.lane.role === 'emotion');
    expect(cellAt(layout, { x: 10, y: (emotion?.y ?? 0) + 5 })).toBeNull();
    expect(cellAt(layout, { x: -10, y: 10 })).toBeNull();
  });
});
