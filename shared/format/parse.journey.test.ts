import { describe, expect, test } from 'vitest';
import type { JourneyDocument } from '../model/document.ts';
import { migratedScenarioIds } from './migrations/1-journey-to-2.ts';
import { parse } from './parse.ts';
import { withNotesInPlaces } from './test-support/places.ts';

/** Reading the journey records of a format-2 file: stages, lanes, scenarios, personas, note places. */

const bookkeeping = { version: 1, versionNonce: 7, updated: 1_717_000_000_000 };

const stage = (fields: Record<string, unknown> = {}) => ({
  id: 'stage-1',
  name: 'Purchase',
  order: 0,
  width: 260,
  ...bookkeeping,
  ...fields,
});

const lane = (fields: Record<string, unknown> = {}) => ({
  id: 'lane-1',
  name: 'Touchpoints',
  order: 0,
  height: 160,
  role: 'touchpoints',
  ...bookkeeping,
  ...fields,
});

const scenario = (fields: Record<string, unknown> = {}) => ({
  id: 'current',
  name: 'Current',
  order: 0,
  kind: 'current',
  ...bookkeeping,
  ...fields,
});

const persona = (fields: Record<string, unknown> = {}) => ({
  id: 'persona-1',
  name: 'Maria',
  ...bookkeeping,
  ...fields,
});

const note = (fields: Record<string, unknown> = {}) => ({
  id: 'note-1',
  kind: 'touchpoint',
  scenarioId: 'current',
  stageId: 'stage-1',
  laneId: 'lane-1',
  color: 'blue',
  x: 0,
  y: 0,
  z: 1,
  text: 'Pays with a card',
  ...bookkeeping,
  ...fields,
});

const map = (fields: Record<string, unknown> = {}) => ({
  id: 'map-1',
  name: 'Checkout',
  created: 1_717_000_000_000,
  ...bookkeeping,
  ...fields,
});

const file = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: 'journeywall-map',
    formatVersion: 2,
    app: { name: 'Journeywall', version: '0.2.0' },
    savedAt: 1_718_000_000_000,
    map: map(),
    stages: [stage()],
    lanes: [lane()],
    scenarios: [scenario()],
    personas: [persona()],
    ...withNotesInPlaces({ notes: [note()], ...fields }),
  });

const opened = (text: string) => {
  const result = parse(text);
  if (!result.ok) throw new Error(result.error.message);
  return result;
};

const errorOf = (text: string) => {
  const result = parse(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error.message;
};

const record = (doc: JourneyDocument, id: string) => doc.records[id];

describe('parse: the journey', () => {
  test('reads every record type, filling in the fields a file leaves at their defaults', () => {
    const { document, repairs } = opened(file());
    expect(repairs).toEqual([]);
    expect(record(document, 'map-1')).toMatchObject({
      activePersonaId: null,
      connectedType: null,
      showCategories: false,
      insightSettings: { maxTouchpoints: 10, maxStampShare: 0.34, lowEmotion: -1 },
    });
    expect(record(document, 'stage-1')).toMatchObject({
      type: 'stage',
      width: 260,
      color: null,
      category: null,
    });
    expect(record(document, 'lane-1')).toMatchObject({ type: 'lane', role: 'touchpoints', hidden: false });
    expect(record(document, 'current')).toMatchObject({ type: 'scenario', emotions: {}, basedOn: null });
    expect(record(document, 'persona-1')).toMatchObject({ type: 'persona', role: '', quote: '' });
    expect(record(document, 'note-1')).toMatchObject({
      kind: 'touchpoint',
      stageId: 'stage-1',
      laneId: 'lane-1',
      slot: 0,
      w: 180,
      h: 120,
      channel: null,
      wow: false,
      ratings: null,
      origin: null,
    });
  });

  test.each([
    ['a stage without a name', { stages: [stage({ name: undefined })] }, 'stage 1 has no name'],
    ['a stage whose order is text', { stages: [stage({ order: 'first' })] }, 'stage 1 has an invalid order'],
    ['a lane whose height is text', { lanes: [lane({ height: 'tall' })] }, 'lane 1 has an invalid height'],
    ['lanes that are not a list', { lanes: {} }, 'its list of lanes is not a list'],
    [
      'emotion scores keyed by something that is not an id',
      { scenarios: [scenario({ emotions: { 'not an id': 1 } })] },
      'scenario 1 has an invalid emotion score',
    ],
    [
      'a rating that is text',
      { notes: [note({ ratings: { effortless: 'easy', productive: null, painless: null } })] },
      'note 1 has an invalid rating',
    ],
    ['a note without a scenario', { notes: [note({ scenarioId: undefined })] }, 'note 1 has no scenario'],
    [
      'a persona whose goals are a list',
      { personas: [persona({ goals: ['a'] })] },
      'persona 1 has an invalid description of goals',
    ],
    [
      'a map whose journey settings are text',
      { map: map({ insightSettings: 'strict' }) },
      'the map record has an invalid insight threshold',
    ],
  ])('describes %s', (_, fields, what) => {
    expect(errorOf(file(fields))).toBe(`This map file is damaged: ${what}.`);
  });
});

describe('parse: notes grouped by place', () => {
  const fileWithGroups = (groups: unknown) => JSON.stringify({ ...JSON.parse(file()), notes: groups });
  const place = { scenarioId: 'current', stageId: 'stage-1', laneId: 'lane-1' };
  const { scenarioId: _s, stageId: _st, laneId: _l, ...own } = note();

  test("gives each note its group's place, numbering notes across groups", () => {
    const { document, repairs } = opened(
      fileWithGroups([
        { scenarioId: 'current', notes: [{ ...own, id: 'free' }] },
        {
          ...place,
          notes: [
            { ...own, id: 'in-cell' },
            { ...own, id: 'also-in-cell', slot: 1 },
          ],
        },
      ]),
    );
    expect(repairs).toEqual([]);
    expect(record(document, 'free')).toMatchObject({ scenarioId: 'current', stageId: null, laneId: null });
    expect(record(document, 'also-in-cell')).toMatchObject({ ...place, slot: 1 });
    expect(
      errorOf(
        fileWithGroups([
          { ...place, notes: [own] },
          { ...place, notes: [own, { ...own, w: 'wide' }] },
        ]),
      ),
    ).toBe('This map file is damaged: note 3 has an invalid width.');
  });

  test('accepts two groups with the same place, and reads the place of the group, not of a note', () => {
    const { document, repairs } = opened(
      fileWithGroups([
        { ...place, notes: [{ ...own, id: 'a' }] },
        { ...place, notes: [{ ...own, id: 'b', stageId: 'elsewhere' }] },
      ]),
    );
    expect(record(document, 'b')).toMatchObject(place);
    expect(repairs).toEqual(['Ignored information this version does not know on 1 note.']);
  });

  test('ignores fields of a group this version does not know', () => {
    const { repairs } = opened(
      fileWithGroups([{ ...place, colour: 'red', notes: [own, { ...own, id: 'b' }] }]),
    );
    expect(repairs).toEqual(['Ignored information this version does not know on 2 notes.']);
  });

  test.each([
    [
      'a group that is not an object',
      [{ ...place, notes: [own] }, 'notes'],
      'group 2 of its notes is not a group',
    ],
    ['a group without its list', [{ ...place, note: own }], 'group 1 of its notes holds no list of notes'],
    [
      'a group whose scenario is a number',
      [{ scenarioId: 7, notes: [own] }],
      'note 1 has an invalid scenario',
    ],
    ['a group without a scenario', [{ stageId: 'stage-1', notes: [own] }], 'note 1 has no scenario'],
  ])('describes %s', (_, groups, what) => {
    expect(errorOf(fileWithGroups(groups))).toBe(`This map file is damaged: ${what}.`);
  });

  test('counts the notes of every group against the record limit before reading any', () => {
    const half = Array.from({ length: 100_000 }, () => ({}));
    const result = parse(
      fileWithGroups([
        { ...place, notes: half },
        { ...place, notes: half },
      ]),
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'too-large' } });
  });
});

describe('parse: repairs of the journey', () => {
  test('clamps widths, heights, emotion scores, ratings and thresholds into their ranges', () => {
    const { document, repairs } = opened(
      file({
        map: map({ insightSettings: { maxTouchpoints: 0, maxStampShare: 2, lowEmotion: -1.4 } }),
        stages: [stage({ width: 10 })],
        lanes: [lane({ height: 99_999 })],
        scenarios: [scenario({ emotions: { 'stage-1': -7, other: 2.6 } })],
        notes: [note({ ratings: { effortless: 9, productive: 0.2, painless: null } })],
      }),
    );
    expect(record(document, 'map-1')).toMatchObject({
      insightSettings: { maxTouchpoints: 1, maxStampShare: 1, lowEmotion: -1 },
    });
    expect(record(document, 'stage-1')).toMatchObject({ width: 80 });
    expect(record(document, 'lane-1')).toMatchObject({ height: 4000 });
    expect(record(document, 'current')).toMatchObject({ emotions: { 'stage-1': -3, other: 3 } });
    expect(record(document, 'note-1')).toMatchObject({
      ratings: { effortless: 5, productive: 1, painless: null },
    });
    expect(repairs).toEqual([
      'Brought the insight thresholds of the map back into their ranges.',
      'Resized 1 stage that was too narrow or too wide.',
      'Resized 1 lane that was too low or too high.',
      'Brought the emotion scores of 1 scenario back to whole numbers from -3 to 3.',
      'Brought the ratings of 1 note back to 1 to 5.',
    ]);
  });

  test('gives values this version does not know a meaning it does', () => {
    const { document, repairs } = opened(
      file({
        map: map({ connectedType: 'telepathy' }),
        stages: [stage({ color: 'gold', category: 'afterlife' })],
        lanes: [lane({ role: 'poetry', noteKind: 'limerick' })],
        scenarios: [scenario({ kind: 'dream' })],
        notes: [note({ kind: 'hologram', channel: 'pigeon' })],
      }),
    );
    expect(record(document, 'map-1')).toMatchObject({ connectedType: null });
    expect(record(document, 'stage-1')).toMatchObject({ color: null, category: null });
    expect(record(document, 'lane-1')).toMatchObject({ role: 'custom', noteKind: null });
    expect(record(document, 'current')).toMatchObject({ kind: 'other' });
    expect(record(document, 'note-1')).toMatchObject({ kind: 'note', channel: null });
    expect(repairs).toEqual([
      'Cleared the connected customer type of the map, which this version does not know.',
      'Gave 1 stage with an unknown colour the default colour.',
      'Took 1 stage out of an experience category this version does not know.',
      'Made 1 lane of a role this version does not know custom lanes.',
      'Gave 1 lane whose kind of new notes this version does not know the kind its role suggests.',
      'Made 1 scenario of a kind this version does not know "other" scenarios.',
      'Made 1 note of a kind this version does not know plain notes.',
      'Cleared a channel this version does not know on 1 note.',
    ]);
  });

  test('shortens overlong names and persona texts, and forgets an unreadable original note', () => {
    const { document, repairs } = opened(
      file({
        stages: [stage({ name: 's'.repeat(600) })],
        personas: [persona({ quote: 'q'.repeat(10_001), needs: 'n'.repeat(20_000) })],
        notes: [note({ origin: 'not an id' })],
      }),
    );
    expect(record(document, 'stage-1')).toMatchObject({ name: 's'.repeat(500) });
    expect(record(document, 'persona-1')).toMatchObject({
      quote: 'q'.repeat(10_000),
      needs: 'n'.repeat(10_000),
    });
    expect(record(document, 'note-1')).toMatchObject({ origin: null });
    expect(repairs).toEqual([
      'Shortened the name of 1 stage to 500 characters.',
      'Shortened the text of 1 persona to 10,000 characters.',
      'Forgot which note 1 note was copied from.',
    ]);
  });

  test('moves a note whose stage or lane is missing or deleted out of the grid, where it was', () => {
    const { document, repairs } = opened(
      file({
        stages: [stage(), stage({ id: 'stage-gone', isDeleted: true })],
        notes: [
          note({ id: 'deleted-stage', stageId: 'stage-gone', x: 40, y: 60 }),
          note({ id: 'no-lane', laneId: 'lane-nowhere' }),
          note({ id: 'half-a-cell', laneId: null }),
          note({ id: 'tombstone', stageId: 'stage-nowhere', isDeleted: true }),
          note(),
        ],
      }),
    );
    for (const id of ['deleted-stage', 'no-lane', 'half-a-cell'])
      expect(record(document, id)).toMatchObject({ stageId: null, laneId: null, version: 1 });
    expect(record(document, 'deleted-stage')).toMatchObject({ x: 40, y: 60 });
    expect(record(document, 'tombstone')).toMatchObject({ stageId: 'stage-nowhere' });
    expect(record(document, 'note-1')).toMatchObject({ stageId: 'stage-1', laneId: 'lane-1' });
    expect(repairs).toEqual(['Moved 3 notes whose stage or lane is missing out of the grid.']);
  });

  test('moves a note whose scenario is missing or deleted into the first scenario', () => {
    const { document, repairs } = opened(
      file({
        scenarios: [
          scenario({ id: 'ideal', name: 'Ideal', kind: 'ideal', order: 1 }),
          scenario({ order: -1 }),
          scenario({ id: 'old', order: -2, isDeleted: true }),
        ],
        notes: [
          note({ scenarioId: 'old' }),
          note({ id: 'note-2', scenarioId: 'nowhere' }),
          note({ id: 'note-3', scenarioId: 'ideal' }),
        ],
      }),
    );
    expect(record(document, 'note-1')).toMatchObject({ scenarioId: 'current', stageId: 'stage-1' });
    expect(record(document, 'note-2')).toMatchObject({ scenarioId: 'current' });
    expect(record(document, 'note-3')).toMatchObject({ scenarioId: 'ideal' });
    expect(repairs).toEqual(['Moved 2 notes whose scenario is missing into the first scenario.']);
  });

  test('gives a map without a scenario a Current one, the same for everyone who opens the file', () => {
    const text = file({ scenarios: [], notes: [note({ scenarioId: 'lost' })] });
    const first = opened(text);
    const id = migratedScenarioIds('map-1').current;
    expect(record(first.document, id)).toMatchObject({
      type: 'scenario',
      name: 'Current',
      kind: 'current',
      order: 0,
      version: 1,
      versionNonce: 0,
      isDeleted: false,
    });
    expect(record(first.document, 'note-1')).toMatchObject({ scenarioId: id });
    expect(first.repairs).toEqual([
      'Added the scenario “Current”: the map had none.',
      'Moved 1 note whose scenario is missing into the first scenario.',
    ]);
    expect(opened(text).document).toEqual(first.document);
  });
});
