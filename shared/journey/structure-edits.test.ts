import { describe, expect, it } from 'vitest';
import { firstScenarioId } from '../model/document.ts';
import { addNote, type MutableDocument } from '../model/edits.ts';
import { newMapFromTemplate } from './create-map.ts';
import { lanesOf, layoutGrid, stagesOf } from './layout.ts';
import {
  addHeader as addStructureOrRefused,
  moveHeader,
  moveHeaderTo,
  removeHeader,
  renameHeader,
  resizeHeader,
  setEmotion,
  setLaneHidden,
} from './structure-edits.ts';
import { templateById } from './templates.ts';

/** Adds, failing the test if the map refuses (it is far from its limits here). */
const addHeader = (...args: Parameters<typeof addStructureOrRefused>): string => {
  const id = addStructureOrRefused(...args);
  if (id === null) throw new Error('refused: the map is at its limit');
  return id;
};

const lifecycle = (): MutableDocument => {
  const template = templateById('lifecycle');
  if (!template) throw new Error('no template');
  const doc = newMapFromTemplate(template, 'Lifecycle');
  return { id: doc.id, records: { ...doc.records } };
};

const names = (doc: MutableDocument) => stagesOf(doc).map((stage) => stage.name);

describe('editing stages and lanes', () => {
  it('adds a stage at the end or after another, and renames it', () => {
    const doc = lifecycle();
    const [introduction] = stagesOf(doc);
    const renewal = addHeader(doc, 'stage', 'Renewal');
    const trial = addHeader(doc, 'stage', 'Trial', introduction?.id);
    expect(names(doc)).toEqual(['Introduction', 'Trial', 'Growth', 'Maturity', 'Renewal']);
    renameHeader(doc, renewal, '  Decline or renewal ');
    renameHeader(doc, trial, '   ');
    expect(names(doc)).toEqual(['Introduction', 'Trial', 'Growth', 'Maturity', 'Decline or renewal']);
  });

  it('adds a stage at the end when the one to follow is gone (its creation undone)', () => {
    const doc = lifecycle();
    addHeader(doc, 'stage', 'Renewal', 'no-such-stage');
    expect(names(doc)).toEqual(['Introduction', 'Growth', 'Maturity', 'Renewal']);
  });

  it('reorders a stage with its notes, and widens it within limits', () => {
    const doc = lifecycle();
    const [introduction, growth] = stagesOf(doc);
    const [actions] = lanesOf(doc);
    if (!introduction || !growth || !actions) throw new Error('template incomplete');
    addNote(doc, { x: 0, y: 0, text: 'First visit', stageId: introduction.id, laneId: actions.id });
    moveHeader(doc, introduction.id, 1);
    expect(names(doc)).toEqual(['Growth', 'Introduction', 'Maturity']);
    resizeHeader(doc, growth.id, 10);
    const layout = layoutGrid(doc, firstScenarioId(doc));
    expect(layout.stages[0]?.w).toBe(80);
    expect(layout.notes[0]?.x).toBe(80 + 16);
    moveHeader(doc, growth.id, -1);
    expect(names(doc)).toEqual(['Growth', 'Introduction', 'Maturity']);
  });

  it('drags a stage to another place among the stages', () => {
    const doc = lifecycle();
    const [introduction, growth, maturity] = stagesOf(doc);
    moveHeaderTo(doc, introduction?.id as string, null);
    expect(names(doc)).toEqual(['Growth', 'Maturity', 'Introduction']);
    moveHeaderTo(doc, maturity?.id as string, growth?.id as string);
    expect(names(doc)).toEqual(['Maturity', 'Growth', 'Introduction']);
  });

  it('moves a lane among the shown lanes, past a hidden one, and changes nothing where it already is', () => {
    const doc = lifecycle();
    const [first, second, third] = lanesOf(doc);
    if (!first || !second || !third) throw new Error('template incomplete');
    setLaneHidden(doc, second.id, true);
    const shown = () =>
      layoutGrid(doc, firstScenarioId(doc))
        .lanes.map((row) => row.lane.id)
        .slice(0, 2);
    const records = { ...doc.records };
    // Dropped just before the next shown lane, or moved up from the top: where it already is.
    moveHeaderTo(doc, first.id, third.id);
    moveHeader(doc, first.id, -1);
    expect(doc.records).toEqual(records);
    moveHeader(doc, first.id, 1);
    expect(shown()).toEqual([third.id, first.id]);
    moveHeaderTo(doc, first.id, third.id);
    expect(shown()).toEqual([first.id, third.id]);
  });

  it('removes a stage with its notes, or moves the notes out to where they were drawn', () => {
    const doc = lifecycle();
    const [introduction, growth] = stagesOf(doc);
    const [actions] = lanesOf(doc);
    if (!introduction || !growth || !actions) throw new Error('template incomplete');
    const kept = addNote(doc, {
      x: 0,
      y: 0,
      text: 'Moved out',
      stageId: introduction.id,
      laneId: actions.id,
    });
    const dropped = addNote(doc, { x: 0, y: 0, text: 'Deleted', stageId: growth.id, laneId: actions.id });
    removeHeader(doc, introduction.id, 'move-out', () => ({ x: 16, y: 16 }));
    removeHeader(doc, growth.id, 'delete', () => undefined);
    expect(names(doc)).toEqual(['Maturity']);
    expect(doc.records[kept.id]).toMatchObject({
      stageId: null,
      laneId: null,
      x: 16,
      y: 16,
      isDeleted: false,
    });
    expect(doc.records[dropped.id]).toMatchObject({ isDeleted: true });
  });

  it('hides a lane and shows it again', () => {
    const doc = lifecycle();
    const [actions] = lanesOf(doc);
    setLaneHidden(doc, actions?.id as string, true);
    expect(layoutGrid(doc, firstScenarioId(doc)).lanes.map((row) => row.lane.id)).not.toContain(actions?.id);
    setLaneHidden(doc, actions?.id as string, false);
    expect(layoutGrid(doc, firstScenarioId(doc)).lanes[0]?.lane.id).toBe(actions?.id);
  });
});

describe('emotion scores', () => {
  it('are set per scenario and stage, kept within −3..+3, and cleared', () => {
    const doc = lifecycle();
    const scenarioId = firstScenarioId(doc);
    const [introduction] = stagesOf(doc);
    setEmotion(doc, scenarioId, introduction?.id as string, -7.4);
    expect(doc.records[scenarioId]).toMatchObject({ emotions: { [introduction?.id as string]: -3 } });
    setEmotion(doc, scenarioId, introduction?.id as string, null);
    expect(doc.records[scenarioId]).toMatchObject({ emotions: {} });
  });
});
