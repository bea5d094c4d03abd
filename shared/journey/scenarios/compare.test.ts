import { describe, expect, it } from 'vitest';
import { liveNotesByZ } from '../../model/document.ts';
import { addNote, deleteRecords, updateNote } from '../../model/edits.ts';
import type { ScenarioRecord } from '../../model/journey-records.ts';
import type { NoteRecord } from '../../model/records.ts';
import { updateRecord } from '../../model/update.ts';
import { templateById } from '../templates.ts';
import { type Comparison, compareScenarios, type StageGap } from './compare.ts';
import { createScenarioFrom } from './create-scenario-from.ts';
import { type TestMap, testMap } from './test-support.ts';

/** Current with touchpoints, a breakdown point and emotions; the Ideal created from it. */
const workshop = () => {
  const map = testMap();
  const ad = map.put('Brand awareness', 'Touchpoints', { text: 'TV ad', kind: 'touchpoint', channel: 'ad' });
  const phone = map.put('Purchase', 'Touchpoints', {
    text: 'Orders toner by phone',
    kind: 'touchpoint',
    channel: 'phone',
    ratings: { effortless: 2, productive: 4, painless: null },
  });
  const shop = map.put('Purchase', 'Touchpoints', {
    text: 'Web shop',
    kind: 'touchpoint',
    channel: 'web',
    slot: 1,
  });
  const wrong = map.put('Purchase', 'Breakdown points', { text: 'Which cartridge fits?', kind: 'breakdown' });
  const late = map.put('Use', 'Breakdown points', { text: 'Runs out before a deadline', kind: 'breakdown' });
  const manual = map.put('Use', 'Customer actions', { text: 'Reads the manual', kind: 'note' });
  setEmotions(map, map.currentId, { [map.stageId('Purchase')]: -2, [map.stageId('Use')]: -1 });
  createScenarioFrom(map.doc, map.currentId, { name: 'Ideal', kind: 'ideal' });
  const copyOf = (original: NoteRecord): NoteRecord => {
    const copy = liveNotesByZ(map.doc).find((note) => note.origin === original.id);
    if (!copy) throw new Error(`no copy of ${original.text}`);
    return copy;
  };
  return { map, ad, phone, shop, wrong, late, manual, copyOf };
};

const setEmotions = (map: TestMap, scenarioId: string, emotions: Record<string, number>) => {
  const record = map.doc.records[scenarioId] as ScenarioRecord;
  map.doc.records[scenarioId] = updateRecord(record, { emotions });
};

const compare = (map: TestMap) => compareScenarios(map.doc, map.currentId, map.idealId);

const gapAt = (comparison: Comparison, stageName: string | null): StageGap => {
  const gap = comparison.stages.find((candidate) => (candidate.stage?.name ?? null) === stageName);
  if (!gap) throw new Error(`no gap for ${stageName}`);
  return gap;
};

const texts = (notes: readonly NoteRecord[]) => notes.map((note) => note.text);

describe('comparing current and ideal', () => {
  it('lines the stages up in order, and finds no gap in an untouched copy', () => {
    const { map } = workshop();
    const comparison = compare(map);
    expect(comparison.stages.map((gap) => gap.stage?.name)).toEqual(
      templateById('customer-experience')?.stages.map((stage) => stage.name),
    );
    expect(comparison.totals).toEqual({
      touchpointsAdded: 0,
      touchpointsRemoved: 0,
      touchpointsChanged: 0,
      breakdownsResolved: 0,
      breakdownsOpen: 2,
      breakdownsUnchanged: 2,
      emotionBetter: 0,
      emotionWorse: 0,
    });
    expect(gapAt(comparison, 'Purchase').breakdowns.open).toMatchObject([{ status: 'unchanged' }]);
  });

  it('lists a touchpoint only the ideal has as added, in its stage', () => {
    const { map } = workshop();
    map.put('Repeat purchases', 'Touchpoints', {
      scenarioId: map.idealId,
      text: 'Toner ships automatically',
      kind: 'touchpoint',
      channel: 'email',
    });
    map.put('Repeat purchases', 'Opportunities', {
      scenarioId: map.idealId,
      text: 'Subscription',
      kind: 'idea',
    });

    const comparison = compare(map);
    expect(texts(gapAt(comparison, 'Repeat purchases').touchpoints.added)).toEqual([
      'Toner ships automatically',
    ]);
    expect(comparison.totals.touchpointsAdded).toBe(1);
  });

  it('lists a current touchpoint the ideal dropped as removed, in the stage it was in', () => {
    const { map, phone, copyOf } = workshop();
    deleteRecords(map.doc, [copyOf(phone).id]);
    const comparison = compare(map);
    expect(texts(gapAt(comparison, 'Purchase').touchpoints.removed)).toEqual(['Orders toner by phone']);
    expect(comparison.totals.touchpointsRemoved).toBe(1);
  });

  it('says what changed in a touchpoint: text and channel', () => {
    const { map, phone, copyOf } = workshop();
    updateNote(map.doc, copyOf(phone).id, { text: 'Printer orders its own toner', channel: 'web' });
    const [changed] = gapAt(compare(map), 'Purchase').touchpoints.changed;
    expect(changed?.current.id).toBe(phone.id);
    expect(changed?.changes).toEqual([
      { field: 'text', current: 'Orders toner by phone', ideal: 'Printer orders its own toner' },
      { field: 'channel', current: 'phone', ideal: 'web' },
    ]);
  });

  it('says what changed in a touchpoint: stamp, ratings, kind', () => {
    const { map, phone, shop, copyOf } = workshop();
    updateNote(map.doc, copyOf(phone).id, {
      wow: true,
      ratings: { effortless: 5, productive: 4, painless: null },
    });
    updateNote(map.doc, copyOf(shop).id, { kind: 'opportunity' });
    const changed = gapAt(compare(map), 'Purchase').touchpoints.changed;
    expect(changed.map((pair) => pair.changes.map((change) => change.field))).toEqual([
      ['wow', 'ratings'],
      ['kind'],
    ]);
    expect(changed[1]?.changes[0]).toEqual({ field: 'kind', current: 'touchpoint', ideal: 'opportunity' });
  });

  it('does not count spacing or empty ratings as a change', () => {
    const { map, phone, ad, copyOf } = workshop();
    updateNote(map.doc, copyOf(phone).id, { text: '  Orders   toner by phone ' });
    updateNote(map.doc, copyOf(ad).id, { ratings: { effortless: null, productive: null, painless: null } });
    expect(compare(map).totals.touchpointsChanged).toBe(0);
  });

  it('lists a touchpoint moved to another stage or lane under the stage it moved to', () => {
    const { map, ad, shop, copyOf } = workshop();
    updateNote(map.doc, copyOf(ad).id, { stageId: map.stageId('Interest') });
    updateNote(map.doc, copyOf(shop).id, { laneId: map.laneId('Customer service') });
    const comparison = compare(map);
    expect(gapAt(comparison, 'Brand awareness').touchpoints.changed).toEqual([]);
    expect(gapAt(comparison, 'Interest').touchpoints.changed[0]?.changes).toEqual([
      {
        field: 'stage',
        current: { id: map.stageId('Brand awareness'), name: 'Brand awareness' },
        ideal: { id: map.stageId('Interest'), name: 'Interest' },
      },
    ]);
    expect(gapAt(comparison, 'Purchase').touchpoints.changed[0]?.changes).toEqual([
      {
        field: 'lane',
        current: { id: map.laneId('Touchpoints'), name: 'Touchpoints' },
        ideal: { id: map.laneId('Customer service'), name: 'Customer service' },
      },
    ]);
  });

  it('resolves a breakdown point the ideal removed or turned into something else', () => {
    const { map, wrong, late, copyOf } = workshop();
    deleteRecords(map.doc, [copyOf(wrong).id]);
    updateNote(map.doc, copyOf(late).id, { kind: 'opportunity', text: 'Toner ships when the level is low' });
    const comparison = compare(map);
    expect(gapAt(comparison, 'Purchase').breakdowns.resolved).toEqual([
      { current: map.note(wrong.id), ideal: null },
    ]);
    expect(gapAt(comparison, 'Use').breakdowns.resolved).toEqual([
      { current: map.note(late.id), ideal: copyOf(late) },
    ]);
    expect(comparison.totals).toMatchObject({
      breakdownsResolved: 2,
      breakdownsOpen: 0,
      breakdownsUnchanged: 0,
    });
  });

  it('keeps breakdown points of the ideal open: carried over unchanged, reworded, or new', () => {
    const { map, late, copyOf } = workshop();
    updateNote(map.doc, copyOf(late).id, { text: 'Delivery late during holidays' });
    const fresh = map.put('Post-purchase', 'Breakdown points', {
      scenarioId: map.idealId,
      text: 'Subscription hard to cancel',
      kind: 'breakdown',
    });
    const comparison = compare(map);
    expect(gapAt(comparison, 'Purchase').breakdowns.open).toMatchObject([
      {
        status: 'unchanged',
        ideal: { text: 'Which cartridge fits?' },
        current: { text: 'Which cartridge fits?' },
      },
    ]);
    expect(gapAt(comparison, 'Use').breakdowns.open).toMatchObject([
      { status: 'reworded', current: { id: late.id }, ideal: { text: 'Delivery late during holidays' } },
    ]);
    expect(gapAt(comparison, 'Post-purchase').breakdowns.open).toEqual([
      { status: 'new', current: null, ideal: map.note(fresh.id) },
    ]);
    expect(comparison.totals).toMatchObject({
      breakdownsResolved: 0,
      breakdownsOpen: 3,
      breakdownsUnchanged: 1,
    });
  });

  it('counts a current note that became a breakdown point in the ideal as a new one', () => {
    const { map, manual, copyOf } = workshop();
    updateNote(map.doc, copyOf(manual).id, { kind: 'breakdown' });
    // In reading order: the customer actions lane comes before the breakdown points lane.
    expect(gapAt(compare(map), 'Use').breakdowns.open).toMatchObject([
      { status: 'new', ideal: { text: 'Reads the manual' }, current: null },
      { status: 'unchanged', ideal: { text: 'Runs out before a deadline' } },
    ]);
  });

  it('gives the change in emotion score per stage, null where a side is not scored', () => {
    const { map } = workshop();
    setEmotions(map, map.idealId, {
      [map.stageId('Purchase')]: 1,
      [map.stageId('Use')]: -3,
      [map.stageId('Referral')]: 2,
    });
    const comparison = compare(map);
    expect(gapAt(comparison, 'Purchase').emotion).toEqual({ current: -2, ideal: 1, delta: 3 });
    expect(gapAt(comparison, 'Use').emotion).toEqual({ current: -1, ideal: -3, delta: -2 });
    expect(gapAt(comparison, 'Referral').emotion).toEqual({ current: null, ideal: 2, delta: null });
    expect(gapAt(comparison, 'Interest').emotion).toEqual({ current: null, ideal: null, delta: null });
    expect(comparison.totals).toMatchObject({ emotionBetter: 1, emotionWorse: 1 });
  });

  it('puts notes outside the grid, or in a deleted stage, in a bucket after the stages', () => {
    const { map, ad, copyOf } = workshop();
    expect(compare(map).stages.some((gap) => gap.stage === null)).toBe(false);

    addNote(map.doc, { x: 9000, y: 0, scenarioId: map.idealId, text: 'Forum post', kind: 'touchpoint' });
    updateNote(map.doc, copyOf(ad).id, { stageId: null, laneId: null, x: 9000, y: 300 });
    const referral = map.put('Referral', 'Touchpoints', { text: 'Tells a friend', kind: 'touchpoint' });
    deleteRecords(map.doc, [map.stageId('Referral')]);

    const comparison = compare(map);
    const outside = comparison.stages.at(-1);
    expect(outside?.stage).toBeNull();
    expect(outside?.emotion).toBeNull();
    expect(texts(outside?.touchpoints.added ?? [])).toEqual(['Forum post']);
    expect(texts(outside?.touchpoints.removed ?? [])).toEqual([referral.text]);
    expect(outside?.touchpoints.changed[0]?.changes).toEqual([
      {
        field: 'stage',
        current: { id: map.stageId('Brand awareness'), name: 'Brand awareness' },
        ideal: null,
      },
    ]);
    expect(comparison.stages).toHaveLength(8);
  });

  it('ignores deleted notes on both sides', () => {
    const { map, shop, copyOf } = workshop();
    const gone = map.put('Interest', 'Touchpoints', {
      scenarioId: map.idealId,
      text: 'Banner',
      kind: 'touchpoint',
    });
    deleteRecords(map.doc, [gone.id]);
    const oldShop = copyOf(shop);
    deleteRecords(map.doc, [shop.id]);
    const comparison = compare(map);
    // The shop is gone from current, so its ideal copy is new there; a deleted note is nowhere.
    expect(texts(gapAt(comparison, 'Purchase').touchpoints.added)).toEqual([oldShop.text]);
    expect(comparison.totals).toMatchObject({
      touchpointsAdded: 1,
      touchpointsRemoved: 0,
      touchpointsChanged: 0,
    });
  });

  it('pairs notes of an ideal copied from a copy of current through their origins', () => {
    const { map, phone } = workshop();
    const next = createScenarioFrom(map.doc, map.idealId, { name: 'Ideal next year', kind: 'other' });
    const copy = liveNotesByZ(map.doc).find((note) => note.scenarioId === next && note.text === phone.text);
    updateNote(map.doc, copy?.id ?? '', { channel: 'chat' });
    const comparison = compareScenarios(map.doc, map.currentId, next);
    expect(comparison.totals).toMatchObject({
      touchpointsAdded: 0,
      touchpointsRemoved: 0,
      touchpointsChanged: 1,
    });
    expect(gapAt(comparison, 'Purchase').touchpoints.changed[0]?.current.id).toBe(phone.id);
  });

  it('refuses to compare a scenario with itself or with one that is not there', () => {
    const { map } = workshop();
    expect(() => compareScenarios(map.doc, map.currentId, map.currentId)).toThrow(/two different scenarios/);
    expect(() => compareScenarios(map.doc, map.currentId, 'nope')).toThrow(/no scenario nope/);
  });
});
