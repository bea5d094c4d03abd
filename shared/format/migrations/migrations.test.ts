import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { merge } from '../../merge/merge.ts';
import { scenariosOf } from '../../model/document.ts';
import { ID_PATTERN } from '../../model/limits.ts';
import { updateRecord } from '../../model/update.ts';
import { CURRENT_FORMAT_VERSION } from '../envelope.ts';
import { parse } from '../parse.ts';
import { serialize } from '../serialize.ts';
import { migratedScenarioIds } from './1-journey-to-2.ts';
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

/** The header the format-4 fixture was written with: a map read from an older fixture is saved with it to compare. */
const FORMAT_4_SAVE = { appVersion: '0.4.0', savedAt: 1720001900000 };

/** The format-4 fixture with the given lists emptied: what an older fixture holds of it. */
const format4Without = (...lists: string[]): string => {
  const lines = read('format-4.cxmap').split('\n');
  for (const list of lists) {
    const start = lines.indexOf(`  "${list}": [`);
    lines.splice(start, lines.indexOf('  ],', start) - start + 1, `  "${list}": [],`);
  }
  return lines.join('\n');
};

describe('format 4: writing rounds', () => {
  const text = () => read('format-4.cxmap');
  const open = () => {
    const result = parse(text());
    if (!result.ok) throw new Error(result.error.message);
    return result;
  };

  test('the fixture is written exactly as this version writes it: every field survives', () => {
    const { document, file } = open();
    expect(serialize(document, { appVersion: file.app.version, savedAt: file.savedAt })).toBe(text());
  });

  test('opens its rounds with their prompts, choices and inbox, revealed notes linked to the board', () => {
    const { document } = open();
    expect(document.records.R0undBef0reTheyCall1).toMatchObject({
      type: 'round',
      prompt: 'What happens before they call us?',
      stageId: null,
      kinds: ['note', 'breakdown'],
      ended: true,
      endsAt: 1720001880000,
    });
    const round = document.records.R0undBef0reTheyCall1;
    if (round?.type !== 'round') throw new Error('no round');
    expect(round.inbox.map(({ author, noteId }) => [author, noteId])).toEqual([
      ['Ana', 'N0te0000000000000001a'],
      ['Ben', 'N0te0000000000000001a'],
      ['Ana', 'N0te0000000000000003c'],
    ]);
    expect(document.records.R0undRefillIdeas0002).toMatchObject({
      stageId: 'St4gRequest0000000002',
      laneId: 'LaneT0uchp01nts00002b',
      endsAt: null,
      ended: false,
      inbox: [{ author: '', text: 'Order from the printer itself', noteId: null }],
    });
  });
});

describe('format 3: dot votes', () => {
  const text = () => read('format-3.cxmap');
  const open = () => {
    const result = parse(text());
    if (!result.ok) throw new Error(result.error.message);
    return result;
  };

  test('opens with no rounds, every other record as format 4 holds it: the format-4 fixture without its rounds', () => {
    const { document, file } = open();
    expect(file.formatVersion).toBe(3);
    expect(serialize(document, FORMAT_4_SAVE)).toBe(format4Without('rounds'));
  });

  test('a list of rounds in a format-3 file is not read, and the notice says so', () => {
    const result = parse(
      JSON.stringify({ ...JSON.parse(text()), rounds: [{ id: 'r', prompt: 'Hand-made?' }] }),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.repairs).toEqual(['Ignored what a format-3 map cannot hold: its rounds.']);
    expect(Object.values(result.document.records).filter((record) => record.type === 'round')).toEqual([]);
  });

  test('opens its votes, past, running and deleted, with their questions, choices and dots', () => {
    const { document } = open();
    expect(document.records.Vote0Breakd0wnsHurt1a).toMatchObject({
      type: 'vote',
      question: 'Which breakdowns hurt most?',
      scenarioId: 'Scen4r10Current00001x',
      kinds: ['breakdown'],
      stageIds: [],
      voters: 5,
      dotsPerVoter: 3,
      stacking: true,
      hidden: true,
      revealed: true,
      ballots: [
        { N0te0000000000000003c: 2, N0te0000000000000006f: 1 },
        { N0te0000000000000003c: 1, N0te000000000000000Gp: 2 },
        { N0te0000000000000006f: 3 },
        { N0te0000000000000003c: 1, N0te0000000000000006f: 1, N0te000000000000000Gp: 1 },
        { N0te000000000000000Gp: 2 },
      ],
    });
    expect(document.records.Vote1F1xF1rst00000002).toMatchObject({
      stageIds: ['St4gRequest0000000002', 'St4gRespond0000000003'],
      laneIds: ['LaneT0uchp01nts00002b', 'LaneBreakd0wns00004d', 'LaneCust0merServ1ce6'],
      kinds: [],
      stacking: false,
      hidden: false,
      revealed: false,
    });
    expect(document.records.Vote2Tr1alRun00000003).toMatchObject({
      noteIds: ['N0te000000000000000Aj', 'N0te000000000000000Bk'],
      isDeleted: true,
    });
  });
});

describe('format 2: the journey', () => {
  const text = () => read('format-2.cxmap');
  const open = () => {
    const result = parse(text());
    if (!result.ok) throw new Error(result.error.message);
    return result;
  };

  test('opens with no votes or rounds, every other record as format 4 holds it: the format-4 fixture without them', () => {
    const { document, file } = open();
    const withoutVotes = format4Without('votes', 'rounds');
    expect(withoutVotes).not.toContain('Vote');
    expect(file.formatVersion).toBe(2);
    expect(serialize(document, FORMAT_4_SAVE)).toBe(withoutVotes);
  });

  test('a list of votes in a format-2 file is not read, and the notice says so', () => {
    const file = JSON.parse(text());
    const result = parse(JSON.stringify({ ...file, votes: [{ id: 'v', question: 'Hand-made?' }] }));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.repairs).toEqual(['Ignored what a format-2 map cannot hold: its votes.']);
    expect(Object.values(result.document.records).filter((record) => record.type === 'vote')).toEqual([]);
  });

  test('opens records of every type with their journey fields', () => {
    const { document } = open();
    const count = (type: string) => Object.values(document.records).filter((r) => r.type === type).length;
    expect(['stage', 'lane', 'scenario', 'persona', 'vote', 'note'].map(count)).toEqual([4, 8, 2, 1, 0, 16]);
    expect(document.records[document.id]).toMatchObject({
      activePersonaId: 'Pers0naDav1dSmallBiz1',
      connectedType: 'automatic-execution',
      showCategories: true,
      insightSettings: { maxTouchpoints: 8, maxStampShare: 0.34, lowEmotion: -1 },
    });
    expect(document.records.St4gRepeat00000000004).toMatchObject({
      color: 'green',
      category: 'relationship',
    });
    expect(document.records.LaneMetr1cs0000000007).toMatchObject({ role: 'metrics', hidden: true });
    expect(document.records.LaneOldBackstage00008).toMatchObject({ isDeleted: true });
    expect(document.records.Scen4r10Ideal00000002y).toMatchObject({
      kind: 'ideal',
      basedOn: 'Scen4r10Current00001x',
      emotions: { St4gRepeat00000000004: 3 },
    });
    expect(document.records.Pers0naDav1dSmallBiz1).toMatchObject({
      name: 'David, runs a two-person design studio',
    });
    expect(document.records.N0te0000000000000007g).toMatchObject({
      kind: 'touchpoint',
      scenarioId: 'Scen4r10Current00001x',
      stageId: 'St4gRespond0000000003',
      laneId: 'LaneCust0merServ1ce6',
      channel: 'phone',
      wow: true,
      ratings: { effortless: 5, productive: 5, painless: 4 },
    });
    expect(document.records.N0te000000000000000Gp).toMatchObject({
      slot: 0.5,
      conflictOf: 'N0te0000000000000006f',
    });
    expect(document.records.N0te000000000000000Dm).toMatchObject({
      scenarioId: 'Scen4r10Ideal00000002y',
      origin: 'N0te0000000000000002b',
    });
    expect(document.records.N0te000000000000000Aj).toMatchObject({ stageId: null, laneId: null });
  });
});

describe('format 1: maps before the journey', () => {
  const v1 = () => JSON.parse(read('format-1.cxmap'));
  const open = (text: string) => {
    const result = parse(text);
    if (!result.ok) throw new Error(result.error.message);
    return result;
  };

  test('open with a Current and an Ideal scenario, every note in Current outside the grid, versions kept', () => {
    const { document, repairs } = open(read('format-1.cxmap'));
    expect(repairs).toEqual([]);
    const ids = migratedScenarioIds(document.id);
    expect(document.records[document.id]).toMatchObject({
      name: 'Online shop: returns journey',
      version: 2,
      versionNonce: 901234567,
      activePersonaId: null,
      connectedType: null,
      showCategories: false,
      // Format 2's settings as they were, not the app's current defaults.
      insightSettings: { maxTouchpoints: 10, maxStampShare: 0.34, lowEmotion: -1 },
    });
    expect(scenariosOf(document).map(({ id, name, kind, order }) => ({ id, name, kind, order }))).toEqual([
      { id: ids.current, name: 'Current', kind: 'current', order: 0 },
      { id: ids.ideal, name: 'Ideal', kind: 'ideal', order: 1 },
    ]);
    const original: Record<string, unknown>[] = v1().notes;
    for (const fields of original) {
      expect(document.records[String(fields.id)]).toEqual({
        ...fields,
        type: 'note',
        isDeleted: fields.isDeleted ?? false,
        kind: 'note',
        scenarioId: ids.current,
        stageId: null,
        laneId: null,
        slot: 0,
        channel: null,
        wow: false,
        ratings: null,
        origin: null,
        synced: expect.any(Array),
      });
    }
    expect(
      Object.values(document.records).filter((record) => record.type === 'stage' || record.type === 'lane'),
    ).toEqual([]);
  });

  test('give everyone who opens the same file the same map, so their copies merge without doubling scenarios', () => {
    const alice = open(read('format-1.cxmap')).document;
    const bob = open(read('format-1.cxmap')).document;
    expect(bob).toEqual(alice);
    const note = Object.values(bob.records).find((record) => record.type === 'note' && !record.isDeleted);
    if (note?.type !== 'note') throw new Error('no note');
    const edited = {
      ...bob,
      records: { ...bob.records, [note.id]: updateRecord(note, { text: 'Bob was here' }) },
    };
    const result = merge(alice, open(serialize(edited, { appVersion: 'test', savedAt: 1 })).document);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.summary).toMatchObject({ added: 0, updated: 1, conflicts: 0 });
    expect(scenariosOf(result.document)).toHaveLength(2);
  });

  test('derive scenario ids that are valid ids however long the map id is', () => {
    for (const mapId of ['m', 'rX8mQ2vL5nB9kP3wT6yC1', 'x'.repeat(64)]) {
      const { current, ideal } = migratedScenarioIds(mapId);
      expect([ID_PATTERN.test(current), ID_PATTERN.test(ideal), current === ideal]).toEqual([
        true,
        true,
        false,
      ]);
    }
  });

  test('leave what it cannot convert to the reader, which names it', () => {
    const file = v1();
    expect(parse(JSON.stringify({ ...file, map: { ...file.map, id: 7 } }))).toMatchObject({
      ok: false,
      error: { message: 'This map file is damaged: the map record has an invalid id.' },
    });
    expect(parse(JSON.stringify({ ...file, notes: [...file.notes, 'note'] }))).toMatchObject({
      ok: false,
      error: { message: 'This map file is damaged: note 11 is not a record.' },
    });
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
      expect(fields).toMatchObject(original[note.id]);
      expect(fields).toMatchObject({ kind: 'note', scenarioId: migratedScenarioIds(document.id).current });
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
