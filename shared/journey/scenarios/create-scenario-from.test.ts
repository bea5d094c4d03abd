import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { isLiveNote, type JourneyDocument, liveNotesByZ, scenariosOf } from '../../model/document.ts';
import { addNote, deleteRecords, type MutableDocument, updateNote } from '../../model/edits.ts';
import type { ScenarioRecord } from '../../model/journey-records.ts';
import type { NoteRecord } from '../../model/records.ts';
import { updateRecord } from '../../model/update.ts';
import { createScenarioFrom, isTouched, refillScenarioFrom } from './create-scenario-from.ts';
import { addScenario } from './scenario-edits.ts';
import { type TestMap, testMap } from './test-support.ts';

const scenario = (doc: JourneyDocument, id: string): ScenarioRecord => {
  const record = doc.records[id];
  if (record?.type !== 'scenario') throw new Error(`no scenario ${id}`);
  return record;
};

const notesIn = (doc: JourneyDocument, scenarioId: string) =>
  liveNotesByZ(doc).filter((note) => note.scenarioId === scenarioId);

/** What a copy keeps: content, cell and place in it, kind and marks. */
const contentOf = (note: NoteRecord) => {
  const { x, y, w, h, text, color, kind, stageId, laneId, slot, channel, wow, ratings } = note;
  return { x, y, w, h, text, color, kind, stageId, laneId, slot, channel, wow, ratings };
};

const setEmotions = (map: TestMap, scenarioId: string, emotions: Record<string, number>) => {
  map.doc.records[scenarioId] = updateRecord(scenario(map.doc, scenarioId), { emotions });
};

/** The current scenario of the workshop day, step 3: touchpoints, a breakdown, a free note, emotions. */
const workshopCurrent = () => {
  const map = testMap();
  const ad = map.put('Brand awareness', 'Touchpoints', {
    text: 'TV ad',
    kind: 'touchpoint',
    channel: 'ad',
    color: 'blue',
    slot: 0,
  });
  const phone = map.put('Purchase', 'Touchpoints', {
    text: 'Orders toner by phone',
    kind: 'touchpoint',
    channel: 'phone',
    wow: true,
    ratings: { effortless: 2, productive: 4, painless: null },
    slot: 1,
  });
  const pain = map.put('Purchase', 'Breakdown points', {
    text: 'Which cartridge fits?',
    kind: 'breakdown',
    color: 'pink',
  });
  const off = addNote(map.doc, {
    x: 9000,
    y: -400,
    w: 240,
    h: 90,
    text: 'Asks a colleague',
    scenarioId: map.currentId,
    kind: 'quote',
  });
  setEmotions(map, map.currentId, { [map.stageId('Purchase')]: -2, [map.stageId('Use')]: 1 });
  return { map, originals: [ad, phone, pain, off] };
};

describe('create ideal from current', () => {
  it('fills the empty Ideal a new map comes with instead of adding a second one', () => {
    const { map } = workshopCurrent();
    const id = createScenarioFrom(map.doc, map.currentId, {
      name: 'Ideal: toner on autopilot',
      kind: 'ideal',
    });

    expect(id).toBe(map.idealId);
    expect(scenariosOf(map.doc).map((record) => record.name)).toEqual([
      'Current',
      'Ideal: toner on autopilot',
    ]);
    expect(scenario(map.doc, id)).toMatchObject({ kind: 'ideal', basedOn: map.currentId, version: 2 });
  });

  it('copies every live note with a new id, the same content, cell, kind and marks, pointing at its original', () => {
    const { map, originals } = workshopCurrent();
    const deleted = map.put('Use', 'Touchpoints', { text: 'Removed before the copy', kind: 'touchpoint' });
    deleteRecords(map.doc, [deleted.id]);
    const before = originals.map((note) => map.note(note.id));

    const id = createScenarioFrom(map.doc, map.currentId, { name: 'Ideal', kind: 'ideal' });

    const copies = notesIn(map.doc, id);
    expect(copies).toHaveLength(originals.length);
    for (const original of before) {
      const copy = copies.find((note) => note.origin === original.id);
      expect(copy && contentOf(copy)).toEqual(contentOf(original));
      expect(copy?.id).not.toBe(original.id);
      expect(copy?.scenarioId).toBe(id);
    }
    expect(copies.some((note) => note.text === 'Removed before the copy')).toBe(false);
    // The originals are untouched.
    expect(originals.map((note) => map.note(note.id))).toEqual(before);
  });

  it('stacks the copies on top of every note, in the order the originals are stacked', () => {
    const { map } = workshopCurrent();
    const other = addScenario(map.doc, { name: 'Sketch', kind: 'other' }) ?? undefined;
    addNote(map.doc, { x: 0, y: 0, text: 'On top of everything', scenarioId: other }, Date.now(), 500);
    const sourceOrder = notesIn(map.doc, map.currentId).map((note) => note.id);

    const id = createScenarioFrom(map.doc, map.currentId, { name: 'Ideal', kind: 'ideal' });

    const copies = notesIn(map.doc, id);
    expect(copies.map((note) => note.origin)).toEqual(sourceOrder);
    expect(Math.min(...copies.map((note) => note.z))).toBeGreaterThan(500);
  });

  it('copies the emotion scores as a separate set', () => {
    const { map } = workshopCurrent();
    const id = createScenarioFrom(map.doc, map.currentId, { name: 'Ideal', kind: 'ideal' });
    expect(scenario(map.doc, id).emotions).toEqual({
      [map.stageId('Purchase')]: -2,
      [map.stageId('Use')]: 1,
    });

    setEmotions(map, id, { [map.stageId('Purchase')]: 2 });
    expect(scenario(map.doc, map.currentId).emotions).toEqual({
      [map.stageId('Purchase')]: -2,
      [map.stageId('Use')]: 1,
    });
  });

  it('never overwrites an ideal someone worked on: asking again adds a scenario after the last', () => {
    const { map } = workshopCurrent();
    const first = createScenarioFrom(map.doc, map.currentId, { name: 'Ideal', kind: 'ideal' });
    const firstNotes = notesIn(map.doc, first);
    updateNote(map.doc, firstNotes[0]?.id ?? '', { text: 'Toner arrives before it runs out' });
    const firstState = { ...map.doc.records };

    const second = createScenarioFrom(map.doc, map.currentId, { name: 'Ideal, take two', kind: 'ideal' });

    expect(second).not.toBe(first);
    expect(scenariosOf(map.doc).map((record) => record.name)).toEqual([
      'Current',
      'Ideal',
      'Ideal, take two',
    ]);
    expect(scenario(map.doc, second)).toMatchObject({ kind: 'ideal', basedOn: map.currentId, order: 2 });
    expect(notesIn(map.doc, second)).toHaveLength(firstNotes.length);
    for (const [id, record] of Object.entries(firstState)) expect(map.doc.records[id]).toBe(record);
  });

  it('does not fill an Ideal that holds emotion scores, even with no notes', () => {
    const { map } = workshopCurrent();
    setEmotions(map, map.idealId, { [map.stageId('Use')]: 3 });
    const id = createScenarioFrom(map.doc, map.currentId, { name: 'Ideal 2', kind: 'ideal' });
    expect(id).not.toBe(map.idealId);
    expect(scenario(map.doc, map.idealId).emotions).toEqual({ [map.stageId('Use')]: 3 });
  });

  it('adds a new scenario for other kinds, even when an empty one exists', () => {
    const { map } = workshopCurrent();
    const empty = addScenario(map.doc, { name: 'Empty', kind: 'other' });
    const id = createScenarioFrom(map.doc, map.currentId, { name: 'Variant', kind: 'other' });
    expect(id).not.toBe(empty);
    expect(scenariosOf(map.doc).map((record) => record.name)).toEqual([
      'Current',
      'Ideal',
      'Empty',
      'Variant',
    ]);
    expect(notesIn(map.doc, id)).toHaveLength(4);
    expect(notesIn(map.doc, map.idealId)).toHaveLength(0);
  });

  it('copies an ideal into a new one, whose notes point at the ideal notes', () => {
    const { map } = workshopCurrent();
    const ideal = createScenarioFrom(map.doc, map.currentId, { name: 'Ideal', kind: 'ideal' });
    const next = createScenarioFrom(map.doc, ideal, { name: 'Ideal next year', kind: 'other' });
    const idealIds = new Set(notesIn(map.doc, ideal).map((note) => note.id));
    expect(notesIn(map.doc, next).every((note) => idealIds.has(note.origin ?? ''))).toBe(true);
    expect(scenario(map.doc, next).basedOn).toBe(ideal);
  });

  it('names a blank copy after its kind', () => {
    const { map } = workshopCurrent();
    deleteRecords(map.doc, [map.idealId]);
    const id = createScenarioFrom(map.doc, map.currentId, { name: '', kind: 'ideal' });
    expect(scenario(map.doc, id).name).toBe('Ideal');
  });

  it('says which scenario it could not copy', () => {
    const { map } = workshopCurrent();
    expect(() => createScenarioFrom(map.doc, 'nope', { name: 'Ideal', kind: 'ideal' })).toThrow(
      /no scenario nope/,
    );
    const spare = addScenario(map.doc, { name: 'Spare', kind: 'other' }) ?? '';
    deleteRecords(map.doc, [spare]);
    expect(() => createScenarioFrom(map.doc, spare, { name: 'Ideal', kind: 'ideal' })).toThrow(/no scenario/);
  });

  it('works as one edit on an immer draft, as the board store applies it', () => {
    const { map } = workshopCurrent();
    const before: JourneyDocument = { id: map.doc.id, records: { ...map.doc.records } };
    let target = '';
    const after = produce(before, (draft: MutableDocument) => {
      target = createScenarioFrom(draft, map.currentId, { name: 'Ideal', kind: 'ideal' });
    });
    expect(notesIn(after, target)).toHaveLength(4);
    expect(notesIn(before, target)).toHaveLength(0);
    expect(Object.values(after.records).filter(isLiveNote)).toHaveLength(8);
    expect(scenario(after, target).emotions).toEqual(scenario(before, map.currentId).emotions);
  });
});

describe('starting a worked-on ideal over from current', () => {
  it("replaces the ideal's notes and emotion scores with copies of current's, keeping its name and place", () => {
    const map = testMap();
    const stage = map.stageId('Purchase');
    const kept = map.put('Purchase', 'Touchpoints', { text: 'Orders toner by phone', kind: 'touchpoint' });
    setEmotions(map, map.currentId, { [stage]: -2 });
    const old = map.put('Use', 'Touchpoints', {
      text: 'Printer orders its own toner',
      scenarioId: map.idealId,
    });
    setEmotions(map, map.idealId, { [stage]: 3 });

    refillScenarioFrom(map.doc, map.currentId, map.idealId, 8000);

    expect(scenariosOf(map.doc).map((record) => record.name)).toEqual(['Current', 'Ideal']);
    expect(map.doc.records[old.id]).toMatchObject({ isDeleted: true, updated: 8000 });
    const copies = notesIn(map.doc, map.idealId);
    expect(copies.map((note) => [note.text, note.origin])).toEqual([['Orders toner by phone', kept.id]]);
    expect(scenario(map.doc, map.idealId)).toMatchObject({
      name: 'Ideal',
      kind: 'ideal',
      emotions: { [stage]: -2 },
      basedOn: map.currentId,
    });
    expect(map.note(kept.id)).toBe(kept);
  });

  it('refuses to refill a scenario from itself', () => {
    const map = testMap();
    expect(() => refillScenarioFrom(map.doc, map.idealId, map.idealId)).toThrow(/from itself/);
  });
});

describe('whether a scenario has been worked on', () => {
  it('counts live notes and emotion scores, not deleted notes', () => {
    const map = testMap();
    expect(isTouched(map.doc, scenario(map.doc, map.idealId))).toBe(false);
    const note = map.put('Use', 'Touchpoints', { text: 'Gone', scenarioId: map.idealId });
    expect(isTouched(map.doc, scenario(map.doc, map.idealId))).toBe(true);
    deleteRecords(map.doc, [note.id]);
    expect(isTouched(map.doc, scenario(map.doc, map.idealId))).toBe(false);
    setEmotions(map, map.idealId, { [map.stageId('Use')]: 1 });
    expect(isTouched(map.doc, scenario(map.doc, map.idealId))).toBe(true);
  });
});
