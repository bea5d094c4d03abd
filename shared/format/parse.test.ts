import { describe, expect, test } from 'vitest';
import type { JourneyDocument } from '../model/document.ts';
import { FILE_LIMITS } from '../model/limits.ts';
import { markShared } from './document.ts';
import { parse } from './parse.ts';
import { serialize } from './serialize.ts';
import { withNotesInPlaces } from './test-support/places.ts';

const SAVE = { appVersion: '0.1.0', savedAt: 1_718_000_100_000 };

const note = (fields: Record<string, unknown> = {}) => ({
  id: 'note-1',
  scenarioId: 'scenario-1',
  color: 'green',
  x: 10,
  y: 20,
  w: 180,
  h: 120,
  z: 1,
  text: 'Waits twenty minutes on the phone',
  version: 2,
  versionNonce: 99,
  updated: 1_718_000_000_000,
  ...fields,
});

const mapRecord = (fields: Record<string, unknown> = {}) => ({
  id: 'map-1',
  name: 'Support journey',
  created: 1_717_000_000_000,
  version: 1,
  versionNonce: 5,
  updated: 1_717_000_000_000,
  ...fields,
});

const scenario = {
  id: 'scenario-1',
  name: 'Current',
  order: 0,
  kind: 'current',
  version: 1,
  versionNonce: 6,
  updated: 1_717_000_000_000,
};

const file = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: 'journeywall-map',
    formatVersion: 2,
    app: { name: 'Journeywall', version: '0.1.0' },
    savedAt: 1_718_000_100_000,
    map: mapRecord(),
    scenarios: [scenario],
    ...withNotesInPlaces({ notes: [note()], ...fields }),
  });

const errorOf = (input: string | Uint8Array) => {
  const result = parse(input);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
};

const opened = (input: string | Uint8Array) => {
  const result = parse(input);
  if (!result.ok) throw new Error(`expected the file to open: ${result.error.message}`);
  return result;
};

const notesOf = (doc: JourneyDocument) =>
  Object.values(doc.records).filter((record) => record.type === 'note');

describe('parse: sound files', () => {
  test('opens a map with its records, what wrote it and no repairs', () => {
    const result = opened(file());
    expect(result.repairs).toEqual([]);
    expect(result.file).toEqual({
      formatVersion: 2,
      savedAt: 1_718_000_100_000,
      app: { name: 'Journeywall', version: '0.1.0' },
    });
    expect(result.document.id).toBe('map-1');
    expect(result.document.records['map-1']).toMatchObject({
      type: 'map',
      name: 'Support journey',
      isDeleted: false,
    });
    expect(result.document.records['note-1']).toMatchObject({
      type: 'note',
      text: 'Waits twenty minutes on the phone',
      kind: 'note',
      scenarioId: 'scenario-1',
      stageId: null,
      laneId: null,
      isDeleted: false,
    });
  });

  test('remembers every state it read as shared, so a merge knows where the copy started', () => {
    const result = opened(file({ notes: [note({ synced: [[1, 42]] })] }));
    expect(result.document.records['note-1']?.synced).toEqual([
      [1, 42],
      [2, 99],
    ]);
  });

  test('opens what serialize wrote, as it was', () => {
    const doc = markShared(opened(file()).document);
    expect(opened(serialize(doc, SAVE)).document).toEqual(doc);
  });

  test('reads UTF-8 bytes and text, with or without a byte-order mark', () => {
    const text = file({ notes: [note({ text: 'Café — „Zahlung fehlgeschlagen“ 😕' })] });
    const bytes = new TextEncoder().encode(`\uFEFF${text}`);
    for (const input of [text, `\uFEFF${text}`, bytes]) {
      expect(opened(input).document.records['note-1']).toMatchObject({
        text: 'Café — „Zahlung fehlgeschlagen“ 😕',
      });
    }
  });
});

describe('parse: not a map', () => {
  const NOT_A_MAP = { kind: 'not-a-map', message: 'This file is not a Journeywall map.' };

  test.each([
    ['an empty file', ''],
    ['plain text', 'Stages: awareness, purchase'],
    ['a JSON array', '[1, 2, 3]'],
    ['other JSON', '{"type": "excalidraw", "version": 2, "elements": []}'],
    ['an empty object', '{}'],
    ['JSON that is broken and not ours', '{"name": "x",'],
    ['100,000 nested arrays', '['.repeat(100_000)],
    ['an object nesting 100,000 arrays', `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
  ])('refuses %s', (_, text) => {
    expect(errorOf(text)).toEqual(NOT_A_MAP);
  });

  test('refuses bytes that are not UTF-8 text, such as a PNG', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]);
    expect(errorOf(png)).toEqual(NOT_A_MAP);
  });
});

describe('parse: newer versions', () => {
  test('refuses a map of a newer format instead of dropping what it does not know', () => {
    expect(errorOf(file({ formatVersion: 7, stages: [{ id: 's' }] }))).toEqual({
      kind: 'newer-version',
      message:
        'This map was made with a newer version of Journeywall (format 7). Update Journeywall to open it.',
    });
  });
});

describe('parse: damaged files', () => {
  const damage = (what: string) => ({ kind: 'damaged', message: `This map file is damaged: ${what}.` });

  test('says a truncated file ends too early', () => {
    const text = file();
    expect(errorOf(text.slice(0, text.length / 2))).toEqual(damage('it ends too early, as if cut off'));
  });

  test('says a file whose JSON is broken has been changed', () => {
    expect(errorOf(file().replace('"x":10', '"x"10'))).toEqual(
      damage('some of its text has been changed or lost'),
    );
  });

  test('says a map whose bytes are not all text is damaged', () => {
    const bytes = new TextEncoder().encode(file());
    bytes[bytes.length - 20] = 0xff;
    expect(errorOf(bytes)).toEqual(damage('parts of it are not text'));
  });

  test.each([
    [
      'a format version that is not a whole number',
      file({ formatVersion: '2' }),
      'its format version is not valid',
    ],
    ['a format version below 1', file({ formatVersion: 0 }), 'its format version is not valid'],
    ['no map record', file({ map: undefined }), 'it has no map record'],
    ['a map record that is not a record', file({ map: 'map-1' }), 'the map record is not a record'],
    ['a map without a name', file({ map: mapRecord({ name: undefined }) }), 'the map record has no name'],
    ['notes that are not a list', file({ notes: { 'note-1': note() } }), 'its list of notes is not a list'],
    ['notes that are null', file({ notes: null }), 'its list of notes is not a list'],
    ['a note that is not a record', file({ notes: [note(), 42] }), 'note 2 is not a record'],
    ['a note without text', file({ notes: [note({ text: undefined })] }), 'note 1 has no text'],
    ['a note whose text is a number', file({ notes: [note({ text: 12 })] }), 'note 1 has an invalid text'],
    [
      'a note whose position is a string',
      file({ notes: [note({ x: '10' })] }),
      'note 1 has an invalid position',
    ],
    ['a note with a version of 0', file({ notes: [note({ version: 0 })] }), 'note 1 has an invalid version'],
    [
      'a note with a fractional version',
      file({ notes: [note({ version: 1.5 })] }),
      'note 1 has an invalid version',
    ],
    ['an id with a slash', file({ notes: [note({ id: 'a/b' })] }), 'note 1 has an invalid id'],
    [
      'an id named like a prototype property',
      file({ notes: [note({ id: 'toString' })] }),
      'note 1 has an invalid id',
    ],
    ['an id of 65 characters', file({ notes: [note({ id: 'a'.repeat(65) })] }), 'note 1 has an invalid id'],
    ['a save time that is text', file({ savedAt: 'today' }), 'its save time is not valid'],
    ['no app information', file({ app: undefined }), 'its header is not valid'],
  ])('describes %s', (_, text, what) => {
    expect(errorOf(text)).toEqual(damage(what));
  });

  test('refuses numbers too large to be finite', () => {
    expect(errorOf(file().replace('"x":10', '"x":1e999'))).toEqual(damage('note 1 has an invalid position'));
    expect(errorOf(file().replace('"z":1', '"z":-1e999'))).toEqual(
      damage('note 1 has an invalid stacking order'),
    );
  });

  test.each(['__proto__', 'constructor', 'prototype'])(
    'refuses the key %s anywhere, without using it',
    (key) => {
      const inNote = file().replace('"color":"green"', `"color":"green","${key}":{"polluted":true}`);
      const inApp = file().replace('"version":"0.1.0"', `"version":"0.1.0","${key}":{"polluted":true}`);
      for (const text of [inNote, inApp]) {
        expect(errorOf(text)).toEqual(damage(`it contains the forbidden name "${key}"`));
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  test('refuses a map nested deeper than any real file', () => {
    const deep = `${'['.repeat(FILE_LIMITS.maxDepth)}${']'.repeat(FILE_LIMITS.maxDepth)}`;
    expect(errorOf(file({ notes: [note({ extra: 0 })] }).replace('"extra":0', `"extra":${deep}`))).toEqual(
      damage('it is nested too deeply'),
    );
  });

  test('counts brackets inside text as text', () => {
    const brackets = '[{'.repeat(FILE_LIMITS.maxDepth * 2);
    expect(opened(file({ notes: [note({ text: `say "${brackets}" \\ done` })] })).repairs).toEqual([]);
  });
});

describe('parse: too large', () => {
  test('refuses more bytes than the limit before reading them', () => {
    const bytes = new Uint8Array(FILE_LIMITS.maxBytes + 1);
    expect(errorOf(bytes)).toEqual({
      kind: 'too-large',
      message: 'This file is too large to open (50.1 MB; the limit is 50 MB).',
    });
    expect(errorOf(' '.repeat(FILE_LIMITS.maxBytes * 2))).toEqual({
      kind: 'too-large',
      message: 'This file is too large to open (100.0 MB; the limit is 50 MB).',
    });
  });

  test('counts multi-byte characters in text by their UTF-8 size', () => {
    const text = 'é'.repeat(FILE_LIMITS.maxBytes / 2 + 1);
    expect(errorOf(text).kind).toBe('too-large');
  });

  test('refuses more records than the limit before validating them', () => {
    const notes = Array.from({ length: FILE_LIMITS.maxRecords }, () => ({}));
    expect(errorOf(file({ notes }))).toEqual({
      kind: 'too-large',
      message: 'This map is too large to open (200,002 records; the limit is 200,000).',
    });
  });
});

describe('parse: repairs', () => {
  test('clamps sizes into the model limits', () => {
    const result = opened(file({ notes: [note({ w: 5 }), note({ id: 'note-2', h: 5000 })] }));
    expect(result.document.records['note-1']).toMatchObject({ w: 60, h: 120 });
    expect(result.document.records['note-2']).toMatchObject({ w: 180, h: 1200 });
    expect(result.repairs).toEqual(['Resized 2 notes that were too small or too large.']);
  });

  test('makes a note of an unknown or missing colour yellow', () => {
    const result = opened(
      file({ notes: [note({ color: 'magenta' }), note({ id: 'note-2', color: undefined })] }),
    );
    expect(notesOf(result.document).map((record) => record.type === 'note' && record.color)).toEqual([
      'yellow',
      'yellow',
    ]);
    expect(result.repairs).toEqual(['Made 2 notes with an unknown colour yellow.']);
  });

  test('shortens overlong text and names, keeping whole characters', () => {
    const text = `${'a'.repeat(FILE_LIMITS.maxTextLength - 1)}😕 and more`;
    const result = opened(file({ map: mapRecord({ name: 'n'.repeat(2000) }), notes: [note({ text })] }));
    const kept = result.document.records['note-1'];
    expect(kept?.type === 'note' && kept.text).toBe('a'.repeat(FILE_LIMITS.maxTextLength - 1));
    expect(result.document.records['map-1']).toMatchObject({ name: 'n'.repeat(FILE_LIMITS.maxNameLength) });
    expect(result.repairs).toEqual([
      'Shortened the map name to 500 characters.',
      'Shortened the text of 1 note to 10,000 characters.',
    ]);
  });

  test('moves notes placed impossibly far away to the edge of the board', () => {
    const result = opened(file({ notes: [note({ x: 1e300, y: -2e7 })] }));
    expect(result.document.records['note-1']).toMatchObject({ x: 10_000_000, y: -10_000_000 });
    expect(result.repairs).toEqual(['Moved 1 note placed impossibly far away to the edge of the board.']);
  });

  test('ignores fields it does not know and says so', () => {
    const result = opened(file({ notes: [note({ rotation: 45, type: 'note' })] }));
    expect(result.document.records['note-1']).not.toHaveProperty('rotation');
    expect(result.repairs).toEqual(['Ignored information this version does not know on 1 note.']);
  });

  test('keeps the highest version of a duplicated id and gives different duplicates new ids', () => {
    const older = note({ text: 'Old wording', version: 1 });
    const newer = note({ text: 'New wording', version: 5 });
    const result = opened(file({ notes: [older, newer, newer] }));
    const notes = notesOf(result.document);
    expect(result.document.records['note-1']).toMatchObject({ text: 'New wording', version: 5 });
    expect(notes.map((record) => record.type === 'note' && record.text).sort()).toEqual([
      'New wording',
      'Old wording',
    ]);
    expect(result.repairs).toEqual([
      'Removed 1 note that appeared twice.',
      'Gave 1 note that shared an id with another record a new id.',
    ]);
  });

  test('drops copies identical to each other even when a newer record keeps the id', () => {
    const copy = note({ text: 'Copied twice' });
    const result = opened(file({ notes: [copy, copy, note({ text: 'Newest', version: 9 })] }));
    expect(result.document.records['note-1']).toMatchObject({ text: 'Newest' });
    expect(
      notesOf(result.document)
        .map((record) => record.type === 'note' && record.text)
        .sort(),
    ).toEqual(['Copied twice', 'Newest']);
    expect(result.repairs).toEqual([
      'Gave 1 note that shared an id with another record a new id.',
      'Removed 1 note that appeared twice.',
    ]);
  });

  test('forgets an unreadable merge history or conflict mark, keeping the note', () => {
    const result = opened(
      file({
        notes: [note({ synced: [[1]], conflictOf: 'not an id!' }), note({ id: 'note-2', synced: 'x' })],
      }),
    );
    expect(result.document.records['note-1']).not.toHaveProperty('conflictOf');
    expect(result.document.records['note-1']?.synced).toEqual([[2, 99]]);
    expect(result.document.records['note-2']?.synced).toEqual([[2, 99]]);
    expect(result.repairs).toEqual([
      'Forgot the unreadable merge history of 2 notes; merging an older copy may show more conflicts.',
      'Cleared an unreadable conflict mark on 1 note.',
    ]);
  });

  test('gives a note that shares the map id a new id', () => {
    const result = opened(file({ notes: [note({ id: 'map-1' })] }));
    expect(result.document.records['map-1']).toMatchObject({ type: 'map' });
    expect(notesOf(result.document)).toHaveLength(1);
    expect(result.repairs).toEqual(['Gave 1 note that shared an id with another record a new id.']);
  });
});
