import { describe, expect, test } from 'vitest';
import { newMapDocument } from '../model/edits.ts';
import { markShared, type SyncedDocument } from './document.ts';
import { parse } from './parse.ts';
import { serialize } from './serialize.ts';
import { realisticMap } from './test-support/maps.ts';

const SAVE = { appVersion: '0.1.0', savedAt: 1_718_000_100_000 };

const smallMap = (): SyncedDocument => {
  const base = newMapDocument('Onboarding', 1_718_000_000_000, 'map-1');
  return {
    id: base.id,
    records: {
      ...base.records,
      b: {
        id: 'b',
        type: 'note',
        x: 200,
        y: 0,
        w: 180,
        h: 120,
        text: 'Second',
        color: 'blue',
        z: 2,
        version: 3,
        versionNonce: 7,
        updated: 5,
        isDeleted: false,
        synced: [
          [2, 4],
          [3, 7],
        ],
      },
      a: {
        id: 'a',
        type: 'note',
        x: 0,
        y: 0,
        w: 180,
        h: 120,
        text: 'First\nline two',
        color: 'yellow',
        z: 1,
        version: 1,
        versionNonce: 9,
        updated: 5,
        isDeleted: true,
      },
    },
  };
};

describe('serialize', () => {
  test('writes the envelope, the map record and one note per line, sorted by id', () => {
    const lines = serialize(smallMap(), SAVE).split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '{',
      '  "type": "journeywall-map",',
      '  "formatVersion": 1,',
      '  "app": {"name":"Journeywall","version":"0.1.0"},',
      '  "savedAt": 1718000100000,',
    ]);
    expect(lines[5]).toMatch(/^ {2}"map": \{"id":"map-1","name":"Onboarding",/);
    expect(lines[6]).toBe('  "notes": [');
    expect(lines[7]).toBe(
      '    {"id":"a","color":"yellow","x":0,"y":0,"w":180,"h":120,"z":1,"text":"First\\nline two","version":1,"versionNonce":9,"updated":5,"isDeleted":true},',
    );
    expect(lines[8]).toBe(
      '    {"id":"b","color":"blue","x":200,"y":0,"w":180,"h":120,"z":2,"text":"Second","version":3,"versionNonce":7,"updated":5,"synced":[[2,4]]}',
    );
    expect(lines.slice(9)).toEqual(['  ]', '}', '']);
  });

  test('leaves out what the format implies: the type, isDeleted false and the current state', () => {
    const text = serialize(smallMap(), SAVE);
    expect(text).not.toContain('"type":"note"');
    expect(text).not.toContain('"isDeleted":false');
    expect(text).not.toContain('[3,7]');
  });

  test('gives the same text for the same document, whatever order its records were added in', () => {
    const doc = smallMap();
    const reversed = { id: doc.id, records: Object.fromEntries(Object.entries(doc.records).reverse()) };
    expect(serialize(reversed, SAVE)).toBe(serialize(doc, SAVE));
  });

  test('writes an empty notes list for a map without notes', () => {
    const doc = newMapDocument('Empty', 1, 'empty-map');
    expect(serialize(doc, SAVE)).toContain('  "notes": []\n}');
    expect(parse(serialize(doc, SAVE)).ok).toBe(true);
  });

  test('refuses a document without its map record', () => {
    expect(() => serialize({ id: 'missing', records: {} }, SAVE)).toThrow('has no map record');
  });
});

describe('size on disk', () => {
  const bytesPerNote = (doc: SyncedDocument, notes: number) =>
    new TextEncoder().encode(serialize(doc, SAVE)).length / notes;

  test('a saved 5,000-note map takes under 250 bytes per note', () => {
    expect(bytesPerNote(markShared(realisticMap(5000)), 5000)).toBeLessThan(250);
  });

  test('so does one whose every note changed since it was last saved', () => {
    const saved = markShared(realisticMap(5000));
    const records = Object.fromEntries(
      Object.entries(saved.records).map(([id, record]) => [
        id,
        { ...record, version: record.version + 1, versionNonce: 2_000_000_000 },
      ]),
    );
    expect(bytesPerNote({ id: saved.id, records }, 5000)).toBeLessThan(250);
  });
});
