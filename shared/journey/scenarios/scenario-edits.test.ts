import { describe, expect, it } from 'vitest';
import { isLiveNote, scenariosOf } from '../../model/document.ts';
import { addNote } from '../../model/edits.ts';
import {
  addScenario as addScenarioOrRefused,
  deleteScenario,
  nextScenarioName,
  renameScenario,
} from './scenario-edits.ts';

/** Adds, failing the test if the map refuses (it is far from its limits here). */
const addScenario = (...args: Parameters<typeof addScenarioOrRefused>): string => {
  const id = addScenarioOrRefused(...args);
  if (id === null) throw new Error('refused: the map is at its limit');
  return id;
};

import { testMap } from './test-support.ts';

describe('adding a scenario', () => {
  it('puts it after the last one, empty, with the name and kind asked for', () => {
    const map = testMap();
    const id = addScenario(map.doc, { name: '  Automatic delivery  ', kind: 'other' }, 5000);
    expect(scenariosOf(map.doc).map((scenario) => scenario.name)).toEqual([
      'Current',
      'Ideal',
      'Automatic delivery',
    ]);
    expect(map.doc.records[id]).toMatchObject({
      type: 'scenario',
      kind: 'other',
      emotions: {},
      basedOn: null,
      version: 1,
      updated: 5000,
    });
  });

  it('names a blank scenario after its kind', () => {
    const map = testMap();
    const id = addScenario(map.doc, { name: '   ', kind: 'ideal' });
    expect(map.doc.records[id]).toMatchObject({ name: 'Ideal' });
  });
});

describe('naming a new scenario', () => {
  it('numbers it after the scenarios there are, skipping a name in use', () => {
    const map = testMap();
    expect(nextScenarioName(map.doc)).toBe('Scenario 3');
    addScenario(map.doc, { name: 'Scenario 4', kind: 'other' });
    expect(nextScenarioName(map.doc)).toBe('Scenario 5');
    deleteScenario(map.doc, map.idealId);
    expect(nextScenarioName(map.doc)).toBe('Scenario 3');
  });
});

describe('renaming a scenario', () => {
  it('changes the name and bumps its version', () => {
    const map = testMap();
    renameScenario(map.doc, map.idealId, 'Toner on autopilot', 7000);
    expect(map.doc.records[map.idealId]).toMatchObject({
      name: 'Toner on autopilot',
      version: 2,
      updated: 7000,
    });
  });

  it('keeps the old name when given a blank one, without a new version', () => {
    const map = testMap();
    const before = map.doc.records[map.idealId];
    renameScenario(map.doc, map.idealId, ' ');
    expect(map.doc.records[map.idealId]).toBe(before);
  });

  it('says which scenario it could not find', () => {
    const map = testMap();
    expect(() => renameScenario(map.doc, 'nope', 'X')).toThrow(/no scenario nope/);
  });
});

describe('deleting a scenario', () => {
  it('tombstones the scenario and its notes, leaving the other scenarios alone', () => {
    const map = testMap();
    const kept = map.put('Purchase', 'Touchpoints', { text: 'Order by phone' });
    const gone = map.put('Purchase', 'Touchpoints', {
      text: 'Toner arrives by itself',
      scenarioId: map.idealId,
    });
    const free = addNote(map.doc, { x: 5000, y: 0, text: 'Reads a forum', scenarioId: map.idealId });

    expect(deleteScenario(map.doc, map.idealId, 9000)).toBe('deleted');

    expect(scenariosOf(map.doc).map((scenario) => scenario.id)).toEqual([map.currentId]);
    expect(map.doc.records[map.idealId]).toMatchObject({ isDeleted: true, version: 2, updated: 9000 });
    expect(map.doc.records[gone.id]).toMatchObject({ isDeleted: true, version: 2 });
    expect(map.doc.records[free.id]).toMatchObject({ isDeleted: true });
    expect(map.doc.records[kept.id]).toBe(kept);
  });

  it('refuses to delete the last scenario and changes nothing', () => {
    const map = testMap();
    deleteScenario(map.doc, map.idealId);
    const note = map.put('Use', 'Touchpoints', { text: 'Prints fine' });
    const before = { ...map.doc.records };

    expect(deleteScenario(map.doc, map.currentId)).toBe('last-scenario');

    expect(map.doc.records).toEqual(before);
    expect(isLiveNote(map.doc.records[note.id])).toBe(true);
  });

  it('reports a scenario that is not there or already deleted', () => {
    const map = testMap();
    addScenario(map.doc, { name: 'Spare', kind: 'other' });
    expect(deleteScenario(map.doc, 'nope')).toBe('missing');
    expect(deleteScenario(map.doc, map.idealId)).toBe('deleted');
    expect(deleteScenario(map.doc, map.idealId)).toBe('missing');
    expect(deleteScenario(map.doc, map.doc.id)).toBe('missing');
  });
});
