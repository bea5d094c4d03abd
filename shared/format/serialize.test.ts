import { describe, expect, test } from 'vitest';
import { type JourneyDocument, liveNotesByZ } from '../model/document.ts';
import { type MutableDocument, newMapDocument, updateNote } from '../model/edits.ts';
import type { VoteRecord } from '../model/journey-records.ts';
import type { JourneyRecord, NoteRecord } from '../model/records.ts';
import { updateRecord } from '../model/update.ts';
import { markShared } from './document.ts';
import { parse } from './parse.ts';
import { serialize } from './serialize.ts';
import { realisticMap } from './test-support/maps.ts';

const SAVE = { appVersion: '0.1.0', savedAt: 1_718_000_100_000 };

const plainNote = (fields: Partial<NoteRecord> & Pick<NoteRecord, 'id'>): NoteRecord => ({
  type: 'note',
  x: 0,
  y: 0,
  w: 180,
  h: 120,
  text: '',
  color: 'yellow',
  z: 1,
  kind: 'note',
  scenarioId: 'current',
  stageId: null,
  laneId: null,
  slot: 0,
  channel: null,
  wow: false,
  ratings: null,
  origin: null,
  version: 1,
  versionNonce: 1,
  updated: 5,
  isDeleted: false,
  ...fields,
});

/** A map with one stage, one lane, its Current scenario and three notes. */
const smallMap = (): JourneyDocument => {
  const base = newMapDocument('Onboarding', 1_718_000_000_000, 'map-1');
  const records: Record<string, JourneyRecord> = {
    [base.id]: base.records[base.id] as JourneyRecord,
    current: {
      id: 'current',
      type: 'scenario',
      name: 'Current',
      order: 0,
      kind: 'current',
      emotions: { stage: -2 },
      basedOn: null,
      version: 2,
      versionNonce: 8,
      updated: 5,
      isDeleted: false,
    },
    stage: {
      id: 'stage',
      type: 'stage',
      name: 'Sign-up',
      order: 0,
      width: 260,
      color: null,
      category: 'discovery',
      version: 1,
      versionNonce: 2,
      updated: 5,
      isDeleted: false,
    },
    lane: {
      id: 'lane',
      type: 'lane',
      name: 'Touchpoints',
      order: 0,
      height: 160,
      role: 'touchpoints',
      hidden: false,
      color: 'blue',
      noteKind: null,
      version: 1,
      versionNonce: 3,
      updated: 5,
      isDeleted: false,
    },
    c: plainNote({
      id: 'c',
      kind: 'touchpoint',
      stageId: 'stage',
      laneId: 'lane',
      slot: 1,
      channel: 'web',
      wow: true,
      ratings: { effortless: 2, productive: null, painless: 5 },
      text: 'Sign-up form',
      color: 'blue',
      z: 3,
    }),
    b: plainNote({
      id: 'b',
      x: 200,
      text: 'Second',
      color: 'blue',
      z: 2,
      version: 3,
      versionNonce: 7,
      synced: [
        [2, 4],
        [3, 7],
      ],
    }),
    a: plainNote({ id: 'a', w: 240, text: 'First\nline two', isDeleted: true, versionNonce: 9 }),
  };
  return { id: base.id, records };
};

describe('serialize', () => {
  test('writes the envelope, the map record and one record per line, each list sorted by id, notes grouped by place', () => {
    const lines = serialize(smallMap(), SAVE).split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '{',
      '  "type": "journeywall-map",',
      '  "formatVersion": 4,',
      '  "app": {"name":"Journeywall","version":"0.1.0"},',
      '  "savedAt": 1718000100000,',
    ]);
    expect(lines[5]).toMatch(
      /^ {2}"map": \{"id":"map-1","name":"Onboarding","created":1718000000000,"version":1,/,
    );
    expect(lines.slice(6)).toEqual([
      '  "stages": [',
      '    {"id":"stage","name":"Sign-up","order":0,"width":260,"category":"discovery","version":1,"versionNonce":2,"updated":5}',
      '  ],',
      '  "lanes": [',
      '    {"id":"lane","name":"Touchpoints","order":0,"height":160,"role":"touchpoints","color":"blue","version":1,"versionNonce":3,"updated":5}',
      '  ],',
      '  "scenarios": [',
      '    {"id":"current","name":"Current","order":0,"kind":"current","emotions":{"stage":-2},"version":2,"versionNonce":8,"updated":5}',
      '  ],',
      '  "personas": [],',
      '  "votes": [],',
      '  "rounds": [],',
      '  "notes": [',
      '    {"scenarioId":"current","notes":[',
      '      {"id":"a","color":"yellow","x":0,"y":0,"w":240,"z":1,"text":"First\\nline two","version":1,"versionNonce":9,"updated":5,"isDeleted":true},',
      '      {"id":"b","color":"blue","x":200,"y":0,"z":2,"text":"Second","version":3,"versionNonce":7,"updated":5,"synced":[[2,4]]}',
      '    ]},',
      '    {"scenarioId":"current","stageId":"stage","laneId":"lane","notes":[',
      '      {"id":"c","kind":"touchpoint","slot":1,"color":"blue","x":0,"y":0,"z":3,"text":"Sign-up form","channel":"web","wow":true,"ratings":{"effortless":2,"productive":null,"painless":5},"version":1,"versionNonce":1,"updated":5}',
      '    ]}',
      '  ]',
      '}',
      '',
    ]);
  });

  test('leaves out what the format implies: the type, fields at their defaults and the current state', () => {
    const text = serialize(smallMap(), SAVE);
    for (const implied of [
      '"type":"note"',
      '"isDeleted":false',
      '[3,7]',
      '"kind":"note"',
      '"stageId":null',
      '"slot":0',
      '"channel":null',
      '"wow":false',
      '"ratings":null',
      '"origin":null',
      '"h":120',
      '"hidden":false',
      '"insightSettings"',
      '"activePersonaId"',
    ])
      expect(text).not.toContain(implied);
  });

  test('writes a field that differs from its default, even inside settings', () => {
    const doc = smallMap();
    const map = doc.records[doc.id];
    if (map?.type !== 'map') throw new Error('no map');
    const records = {
      ...doc.records,
      [doc.id]: { ...map, insightSettings: { lowEmotion: -2, maxStampShare: 0.34, maxTouchpoints: 10 } },
    };
    expect(serialize({ id: doc.id, records }, SAVE)).toContain(
      '"insightSettings":{"maxTouchpoints":10,"maxStampShare":0.34,"lowEmotion":-2}',
    );
  });

  test('gives the same text for the same document, whatever order its records and scores were made in', () => {
    const doc = smallMap();
    const reversed = Object.fromEntries(Object.entries(doc.records).reverse());
    const scenario = reversed.current;
    if (scenario?.type !== 'scenario') throw new Error('no scenario');
    reversed.current = { ...scenario, emotions: { zeta: 1, alpha: 3, ...scenario.emotions } };
    const forward = {
      ...doc.records,
      current: { ...scenario, emotions: { ...scenario.emotions, alpha: 3, zeta: 1 } },
    };
    expect(serialize({ id: doc.id, records: reversed }, SAVE)).toBe(
      serialize({ id: doc.id, records: forward }, SAVE),
    );
  });

  test("writes a vote's dots by note id in one order, whatever order they were placed in", () => {
    const doc = smallMap();
    const vote = (ballot: Record<string, number>): VoteRecord => ({
      id: 'vote',
      type: 'vote',
      question: 'Which touchpoints matter?',
      scenarioId: 'current',
      kinds: [],
      stageIds: [],
      laneIds: [],
      noteIds: [],
      voters: 3,
      dotsPerVoter: 3,
      stacking: true,
      hidden: false,
      revealed: false,
      startedAt: 5,
      ballots: [ballot],
      onPhones: false,
      voterIds: [],
      version: 4,
      versionNonce: 1,
      updated: 5,
      isDeleted: false,
    });
    const text = (ballot: Record<string, number>) =>
      serialize({ id: doc.id, records: { ...doc.records, vote: vote(ballot) } }, SAVE);
    expect(text({ c: 2, b: 1 })).toBe(text({ b: 1, c: 2 }));
    expect(text({ c: 2, b: 1 })).toContain('"ballots":[{"b":1,"c":2}]');
  });

  test('writes empty lists for a new map, which opens again', () => {
    const doc = newMapDocument('Empty', 1, 'empty-map');
    const text = serialize(doc, SAVE);
    expect(text).toContain('  "stages": [],\n  "lanes": [],\n');
    expect(text).toContain('  "notes": []\n}');
    expect(parse(text)).toMatchObject({ ok: true, document: markShared(doc), repairs: [] });
  });

  test('saving again after edits writes what a fresh copy of the edited map writes', () => {
    const doc = realisticMap(300, 3);
    const before = serialize(doc, SAVE);
    const edited: MutableDocument = { id: doc.id, records: { ...doc.records } };
    const [first, second] = liveNotesByZ(doc);
    if (!first || !second) throw new Error('the map has notes');
    updateNote(edited, first.id, { text: 'Rewritten after the first save' });
    updateNote(edited, second.id, { color: 'pink', stageId: null, laneId: null });
    const after = serialize(edited, SAVE);
    expect(after).not.toBe(before);
    expect(after).toContain('Rewritten after the first save');
    expect(after).toBe(serialize(structuredClone(edited), SAVE));
    expect(parse(after)).toMatchObject({ ok: true });
  });

  test('refuses a document without its map record', () => {
    expect(() => serialize({ id: 'missing', records: {} }, SAVE)).toThrow('has no map record');
  });
});

describe('size on disk', () => {
  const bytesPerNote = (doc: JourneyDocument, notes: number) =>
    new TextEncoder().encode(serialize(doc, SAVE)).length / notes;

  test.each([
    ['three quarters in cells', 0.75],
    ['all in cells', 1],
    ['all around the grid', 0],
  ])('a saved 5,000-note map with its notes %s takes under 250 bytes per note', (_, inCells) => {
    expect(bytesPerNote(markShared(realisticMap(5000, { seed: 7, inCells })), 5000)).toBeLessThan(250);
  });

  test('and under 250 bytes per note when every note changed since the last save', () => {
    const doc = realisticMap(5000, { seed: 7 });
    const shared = markShared(doc);
    const records = Object.fromEntries(
      Object.entries(shared.records).map(([id, record]) => [
        id,
        record.type === 'note' ? updateRecord(record, { z: record.z + 0.5 }, 1_719_000_000_000) : record,
      ]),
    );
    expect(bytesPerNote({ id: doc.id, records }, 5000)).toBeLessThan(250);
  });

  test('a plain note outside the grid costs no more than format 1 wrote for it: its place is its group', () => {
    const doc = newMapDocument('Sizes', 1, 'map-1');
    const line = (note: NoteRecord) =>
      serialize({ id: doc.id, records: { ...doc.records, [note.id]: note } }, SAVE)
        .split('\n')
        .find((text) => text.includes(`"id":"${note.id}"`));
    const note = plainNote({ id: 'n', x: 40, y: 40, w: 200, h: 150, text: 'Searches for a return label' });
    expect(line(note)).toBe(
      '      {"id":"n","color":"yellow","x":40,"y":40,"w":200,"h":150,"z":1,"text":"Searches for a return label","version":1,"versionNonce":1,"updated":5}',
    );
  });
});
