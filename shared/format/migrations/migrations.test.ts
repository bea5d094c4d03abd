import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { CURRENT_FORMAT_VERSION } from '../envelope.ts';
import { parse } from '../parse.ts';
import { formatVersionOf, MIGRATIONS, migrate } from './index.ts';
import { isJsonObject } from './migration.ts';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

/** One file per released format: format-<version>[-anything].<extension>. */
const fixtures = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => ({
    name: entry.name,
    version: Number(/^format-(\d+)\b/.exec(entry.name)?.[1] ?? Number.NaN),
  }));

const read = (name: string) => readFileSync(`${FIXTURES}${name}`, 'utf8');

describe('migrations', () => {
  test('go one format at a time, without gaps, up to the current format', () => {
    expect(MIGRATIONS.map(({ from, to }) => [from, to])).toEqual(
      Array.from({ length: CURRENT_FORMAT_VERSION }, (_, from) => [from, from + 1]),
    );
  });

  test('every released format has exactly one fixture, and every fixture is named for its format', () => {
    expect(fixtures.map(({ version }) => version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: CURRENT_FORMAT_VERSION + 1 }, (_, version) => version),
    );
  });

  test.each(fixtures)('$name opens without repairs', ({ name, version }) => {
    const result = parse(read(name));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.repairs).toEqual([]);
    expect(result.file.formatVersion).toBe(version);
    expect(
      Object.values(result.document.records).filter((record) => record.type === 'note').length,
    ).toBeGreaterThan(5);
  });

  test('every migration runs on at least one fixture', () => {
    const ran = new Set<number>();
    for (const { name } of fixtures) {
      const json: unknown = JSON.parse(read(name));
      if (!isJsonObject(json)) throw new Error(`${name} is not a JSON object`);
      const version = formatVersionOf(json);
      if (typeof version !== 'number') throw new Error(`${name} has no format version`);
      const result = migrate(json, version);
      if (!result.ok) throw new Error(result.damage);
      for (const from of result.applied) ran.add(from);
    }
    expect([...ran].sort((a, b) => a - b)).toEqual(MIGRATIONS.map(({ from }) => from));
  });
});

describe('format 0: preliminary backups', () => {
  const backup = () => JSON.parse(read('format-0-backup.json'));
  const open = (text: string) => {
    const result = parse(text);
    if (!result.ok) throw new Error(result.error.message);
    return result;
  };

  test('open with their map, notes and tombstones as they were', () => {
    const { document, file } = open(read('format-0-backup.json'));
    expect(file).toEqual({
      formatVersion: 0,
      savedAt: 1_717_412_400_000,
      app: { name: 'Journeywall', version: 'unknown' },
    });
    expect(document.id).toBe('hV3kq8ZpN2mX7rT4wY1bC');
    expect(document.records[document.id]).toMatchObject({
      type: 'map',
      name: 'Bank app onboarding',
      version: 3,
    });
    const original = backup().document.records;
    const notes = Object.values(document.records).filter((record) => record.type === 'note');
    expect(notes).toHaveLength(9);
    for (const note of notes) {
      const { synced: _history, ...fields } = note;
      expect(fields).toEqual(original[note.id]);
    }
    expect(document.records.Hs9Fu2Gv5Hw8Ix1Jy4Kz7).toMatchObject({ isDeleted: true });
  });

  test.each([
    ['of an unknown backup version', { version: 2 }, 'it is a backup in an unknown format'],
    ['without a document', { document: null }, 'the backup holds no map'],
    ['whose records are a list', { document: { id: 'm', records: [] } }, 'the backup holds no map'],
  ])('refuses a backup %s', (_, change, what) => {
    const result = parse(JSON.stringify({ ...backup(), ...change }));
    expect(result).toEqual({
      ok: false,
      error: { kind: 'damaged', message: `This map file is damaged: ${what}.` },
    });
  });

  test.each([
    ['a record of an unknown kind', { id: 'x', type: 'stage' }, 'it holds a record of an unknown kind'],
    ['a record that is not a record', 'note', 'one of its records is not a record'],
  ])('refuses a backup holding %s', (_, record, what) => {
    const file = backup();
    file.document.records.x = record;
    const result = parse(JSON.stringify(file));
    expect(result).toEqual({
      ok: false,
      error: { kind: 'damaged', message: `This map file is damaged: ${what}.` },
    });
  });

  test('refuses a backup without its map record', () => {
    const file = backup();
    delete file.document.records[file.document.id];
    expect(parse(JSON.stringify(file))).toEqual({
      ok: false,
      error: { kind: 'damaged', message: 'This map file is damaged: it has no map record.' },
    });
  });
});
