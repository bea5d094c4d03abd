import { describe, expect, test } from 'vitest';
import { parse } from './parse.ts';
import { readTypedRecord } from './read-records.ts';
import { readStoredRecords } from './read-stored.ts';
import { RepairLog } from './repair-log.ts';
import { withNotesInPlaces } from './test-support/places.ts';

/** Reading a map back from the rows the library stored: the checks and repairs a file gets. */

const MAP_ID = 'map-1';
const bookkeeping = { version: 3, versionNonce: 42, updated: 1_700_000_100_000, isDeleted: false };

// Records exactly as the app holds them, written out by hand: what a sound map reads back as.
const map = {
  id: MAP_ID,
  type: 'map',
  name: 'Checkout journey',
  created: 1_700_000_000_000,
  activePersonaId: 'persona-1',
  connectedType: null,
  showCategories: false,
  insightSettings: { maxTouchpoints: 10, maxStampShare: 0.34, lowEmotion: -1 },
  ...bookkeeping,
} as const;
const stage = {
  id: 'stage-1',
  type: 'stage',
  name: 'Purchase',
  order: 0,
  width: 260,
  color: null,
  category: null,
  ...bookkeeping,
} as const;
const lane = {
  id: 'lane-1',
  type: 'lane',
  name: 'Touchpoints',
  order: 0,
  height: 160,
  role: 'touchpoints',
  hidden: false,
  color: 'blue',
  noteKind: null,
  ...bookkeeping,
} as const;
const scenario = {
  id: 'current',
  type: 'scenario',
  name: 'Current',
  order: 0,
  kind: 'current',
  emotions: { 'stage-1': -2 },
  basedOn: null,
  ...bookkeeping,
} as const;
const persona = {
  id: 'persona-1',
  type: 'persona',
  name: 'Maria',
  role: 'Commuter',
  goals: 'Get to work on time',
  needs: '',
  frustrations: '',
  quote: '',
  ...bookkeeping,
} as const;
const note = {
  id: 'note-1',
  type: 'note',
  kind: 'touchpoint',
  scenarioId: 'current',
  stageId: 'stage-1',
  laneId: 'lane-1',
  slot: 0,
  color: 'blue',
  x: 10,
  y: 20,
  w: 180,
  h: 120,
  z: 1,
  text: 'Pays with a card',
  channel: 'web',
  wow: true,
  ratings: { effortless: 2, productive: 4, painless: null },
  origin: null,
  ...bookkeeping,
  synced: [[1, 7]],
} as const;

const SOUND = [map, stage, lane, scenario, persona, note];

const row = (record: object, mapId = MAP_ID) => ({ ...record, mapId });

const read = (rows: readonly unknown[]) => readStoredRecords(MAP_ID, rows);

const docOf = (rows: readonly unknown[]) => {
  const { doc } = read(rows);
  if (!doc) throw new Error('expected the map to be read');
  return doc;
};

/** The repairs parse reports for a file holding these records (file records leave out their type). */
const fileRepairs = (records: readonly Record<string, unknown>[]): readonly string[] => {
  const lists: Record<string, unknown[]> = { stages: [], lanes: [], scenarios: [], personas: [], notes: [] };
  let fileMap: unknown;
  for (const { type, ...fields } of records) {
    if (type === 'map') fileMap = fields;
    else lists[`${String(type)}s`]?.push(fields);
  }
  const result = parse(
    JSON.stringify({
      type: 'journeywall-map',
      formatVersion: 2,
      app: { name: 'Journeywall', version: '0.2.0' },
      savedAt: 1_718_000_000_000,
      map: fileMap,
      ...withNotesInPlaces(lists),
    }),
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.repairs;
};

describe('readStoredRecords', () => {
  test('a sound map reads back exactly as stored, without its mapId', () => {
    expect(read(SOUND.map((record) => row(record)))).toStrictEqual({
      doc: {
        id: MAP_ID,
        records: {
          [MAP_ID]: map,
          'stage-1': stage,
          'lane-1': lane,
          current: scenario,
          'persona-1': persona,
          'note-1': note,
        },
      },
      repairs: [],
      dropped: 0,
    });
  });

  test.each([
    [
      'a note too wide',
      note,
      { w: 5000 },
      { ...note, w: 1200 },
      'Resized 1 note that was too small or too large.',
    ],
    [
      'a note of an unknown colour',
      note,
      { color: 'magenta' },
      { ...note, color: 'yellow' },
      'Made 1 note with an unknown colour yellow.',
    ],
    [
      'a stage of an unknown colour',
      stage,
      { color: 'teal' },
      { ...stage, color: null },
      'Gave 1 stage with an unknown colour the default colour.',
    ],
    [
      'a lane too low',
      lane,
      { height: 3 },
      { ...lane, height: 40 },
      'Resized 1 lane that was too low or too high.',
    ],
  ])('%s is repaired with the sentence a file gets', (_, sound, damage, expected, sentence) => {
    const damaged = { ...sound, ...damage };
    const others = SOUND.filter((record) => record.id !== sound.id);
    const result = read([...others, damaged].map((record) => row(record)));
    expect(result.doc?.records[sound.id]).toStrictEqual(expected);
    expect(result.repairs).toEqual([sentence]);
    expect(result.dropped).toBe(0);
    expect(fileRepairs([...others, damaged])).toEqual([sentence]);
  });

  test.each([
    ['a note without text', { ...note, text: undefined }],
    ['a note whose position is text', { ...note, x: 'left' }],
    ['a note whose id is a number', { ...note, id: 17 }],
    ['a note whose scenario is not an id', { ...note, scenarioId: 4 }],
  ])('%s is left out and counted', (_, damaged) => {
    const others = SOUND.filter((record) => record.id !== note.id);
    const result = read([...others, damaged].map((record) => row(record)));
    expect(Object.keys(result.doc?.records ?? {})).toEqual([
      MAP_ID,
      'stage-1',
      'lane-1',
      'current',
      'persona-1',
    ]);
    expect(result.dropped).toBe(1);
    expect(result.repairs).toEqual(['Left out 1 note too damaged to repair.']);
  });

  test('a row left out reports no repair of its fields', () => {
    const { kind: _, scenarioId: __, ...oldNote } = note;
    const result = read(
      [...SOUND, { ...oldNote, id: 'note-2', w: 5000, text: undefined }].map((record) => row(record)),
    );
    expect(result.dropped).toBe(1);
    expect(result.repairs).toEqual(['Left out 1 note too damaged to repair.']);
  });

  test('rows of an unknown type are left out and counted', () => {
    const result = read([
      ...SOUND.map((record) => row(record)),
      row({ ...note, id: 'comment-1', type: 'comment' }),
      row({ ...note, id: 'note-2', type: undefined }),
    ]);
    expect(Object.keys(result.doc?.records ?? {})).toHaveLength(SOUND.length);
    expect(result.dropped).toBe(2);
    expect(result.repairs).toEqual(['Left out 2 records of a kind this version does not know.']);
  });

  test('a __proto__ key changes no prototype and reaches no record', () => {
    const hostile = JSON.parse(
      JSON.stringify(row({ ...note, ratings: { ...note.ratings } })).replace(
        '{',
        '{"__proto__":{"polluted":true},',
      ),
    );
    const nested = JSON.parse(
      JSON.stringify(row(map)).replace(
        '"insightSettings":{',
        '"insightSettings":{"__proto__":{"polluted":true},',
      ),
    );
    expect(Object.hasOwn(hostile, '__proto__')).toBe(true);
    const result = read([nested, ...SOUND.slice(1, -1).map((record) => row(record)), hostile]);
    expect(result.doc?.records).toStrictEqual({
      [MAP_ID]: map,
      'stage-1': stage,
      'lane-1': lane,
      current: scenario,
      'persona-1': persona,
      'note-1': note,
    });
    expect(result.repairs).toEqual(['Ignored information this version does not know on 1 note.']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const record of Object.values(result.doc?.records ?? {}))
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
  });

  test('records named or typed after prototype properties are left out', () => {
    const result = read([
      ...SOUND.map((record) => row(record)),
      row({ ...note, id: '__proto__' }),
      row({ ...note, id: 'constructor' }),
      row({ ...note, id: 'note-2', type: 'constructor' }),
      row({ ...note, id: 'note-3', type: '__proto__' }),
    ]);
    expect(Object.keys(result.doc?.records ?? {})).toHaveLength(SOUND.length);
    expect(result.dropped).toBe(4);
  });

  test('rows of another map, and rows that are not records, are ignored', () => {
    const result = read([
      ...SOUND.map((record) => row(record)),
      row({ ...note, id: 'note-2' }, 'map-2'),
      row({ ...map, id: 'map-2' }, 'map-2'),
      { ...note, id: 'note-3' },
      null,
      'note',
      [row(note)],
    ]);
    expect(result).toStrictEqual(read(SOUND.map((record) => row(record))));
  });

  test('without its map record there is no map', () => {
    expect(read(SOUND.slice(1).map((record) => row(record)))).toStrictEqual({
      doc: null,
      repairs: [],
      dropped: 0,
    });
    expect(read([row(map, 'map-2')])).toStrictEqual({ doc: null, repairs: [], dropped: 0 });
    expect(read([])).toStrictEqual({ doc: null, repairs: [], dropped: 0 });
  });

  test('an unreadable map record means no map', () => {
    const result = read([
      row({ ...map, created: 'yesterday' }),
      ...SOUND.slice(1).map((record) => row(record)),
    ]);
    expect(result).toStrictEqual({
      doc: null,
      repairs: ['Left out 1 map too damaged to repair.'],
      dropped: 1,
    });
  });

  test('a map record stored under this map with another id is left out', () => {
    const result = read([...SOUND.map((record) => row(record)), row({ ...map, id: 'map-2' })]);
    expect(result.doc?.records['map-2']).toBeUndefined();
    expect(result.dropped).toBe(1);
    expect(result.repairs).toEqual(['Left out 1 map record that did not belong to this map.']);
  });

  test('a row stored twice is read once', () => {
    const result = read([...SOUND, note].map((record) => row(record)));
    expect(result.doc?.records['note-1']).toStrictEqual(note);
    expect(Object.keys(result.doc?.records ?? {})).toHaveLength(SOUND.length);
    expect(result.repairs).toEqual(['Removed 1 note that appeared twice.']);
  });

  test('notes whose stage or scenario is missing are moved, as a file would have them', () => {
    const lost = { ...note, id: 'note-2', scenarioId: 'gone' };
    const homeless = { ...note, id: 'note-3', laneId: 'gone' };
    const records = [...SOUND, lost, homeless];
    const result = read(records.map((record) => row(record)));
    expect(result.doc?.records['note-2']).toStrictEqual({ ...lost, scenarioId: 'current' });
    expect(result.doc?.records['note-3']).toStrictEqual({ ...homeless, stageId: null, laneId: null });
    const sentences = [
      'Moved 1 note whose scenario is missing into the first scenario.',
      'Moved 1 note whose stage or lane is missing out of the grid.',
    ];
    expect(result.repairs).toEqual(sentences);
    expect(fileRepairs(records)).toEqual(sentences);
  });

  test('rows stored before journey maps get the fields the library upgrade gives them', () => {
    // A map and a note as schema version 2 stored them: no journey settings, no scenario, no place.
    const oldMap = {
      id: MAP_ID,
      type: 'map',
      name: 'Old map',
      created: 1_600_000_000_000,
      version: 2,
      versionNonce: 5,
      updated: 1_600_000_500_000,
      isDeleted: false,
    };
    const oldNote = {
      id: 'note-1',
      type: 'note',
      color: 'pink',
      x: -40,
      y: 300,
      w: 180,
      h: 120,
      z: 4,
      text: 'Old note',
      version: 1,
      versionNonce: 9,
      updated: 1_600_000_400_000,
      isDeleted: false,
    };
    const currentId = `current-${MAP_ID}`;
    expect(read([row(oldMap), row(oldNote)])).toStrictEqual({
      doc: {
        id: MAP_ID,
        records: {
          [MAP_ID]: {
            ...oldMap,
            activePersonaId: null,
            connectedType: null,
            showCategories: false,
            insightSettings: { maxTouchpoints: 10, maxStampShare: 0.34, lowEmotion: -1 },
          },
          'note-1': {
            ...oldNote,
            kind: 'note',
            scenarioId: currentId,
            stageId: null,
            laneId: null,
            slot: 0,
            channel: null,
            wow: false,
            ratings: null,
            origin: null,
          },
          [currentId]: {
            id: currentId,
            type: 'scenario',
            name: 'Current',
            order: 0,
            kind: 'current',
            emotions: {},
            basedOn: null,
            version: 1,
            versionNonce: 0,
            updated: 1_600_000_000_000,
            isDeleted: false,
          },
        },
      },
      repairs: [
        'Put 1 note that belonged to no scenario into the scenario “Current”.',
        'Added the scenario “Current”: the map had none.',
      ],
      dropped: 0,
    });
  });

  test('an old note joins the Current scenario the upgrade made', () => {
    const currentId = `current-${MAP_ID}`;
    const upgraded = { ...scenario, id: currentId };
    const { kind: _, scenarioId: __, ...oldNote } = note;
    const doc = docOf([map, stage, lane, upgraded, persona, oldNote].map((record) => row(record)));
    expect(doc.records['note-1']).toStrictEqual({ ...note, kind: 'note', scenarioId: currentId });
  });
});

describe('readTypedRecord', () => {
  test('reads a record of any type by its type, as the file reader does', () => {
    const log = new RepairLog();
    for (const record of SOUND) expect(readTypedRecord(record, log)).toStrictEqual(record);
    expect(log.messages()).toEqual([]);
  });

  test('says what is wrong with a record it cannot repair', () => {
    const log = new RepairLog();
    expect(readTypedRecord({ ...note, text: undefined }, log)).toBe('the note has no text');
    expect(readTypedRecord({ ...stage, width: 'wide' }, log, 'stage 2')).toBe('stage 2 has an invalid width');
    expect(readTypedRecord({ ...note, type: 'sticker' }, log)).toBe(
      'the record is of a type this version does not know',
    );
    expect(readTypedRecord('note', log)).toBe('the record is not a record');
  });

  test('repairs as the file reader does, into the same log', () => {
    const log = new RepairLog();
    expect(readTypedRecord({ ...note, w: 10, h: 9000 }, log)).toStrictEqual({ ...note, w: 60, h: 1200 });
    expect(log.messages()).toEqual(['Resized 1 note that was too small or too large.']);
  });
});
