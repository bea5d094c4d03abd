import { afterEach, describe, expect, test, vi } from 'vitest';
import { type ParseResult, parse } from '../format/parse.ts';
import { serialize } from '../format/serialize.ts';
import { IPC_LIMITS } from '../ipc/contract.ts';
import { fileContentSchema } from '../ipc/validate.ts';
import { addPersona } from '../journey/personas/persona-edits.ts';
import { addScenario } from '../journey/scenarios/scenario-edits.ts';
import { addHeader, setEmotion } from '../journey/structure-edits.ts';
import { addDot, nextVoter, startVote } from '../journey/votes/vote-edits.ts';
import { addNote, type MutableDocument, newMapDocument } from './edits.ts';
import { atLimitMessage, FILE_LIMITS } from './limits.ts';
import type { JourneyRecord } from './records.ts';
import { updateRecord } from './update.ts';

/**
 * Files at and just past every limit of FILE_LIMITS: at a limit a file opens as it is, past it
 * it is refused with a message naming the limit (or, for numbers, repaired with a notice). The
 * expectations are counted here by hand, not by the reader's schemas.
 */

const book = { version: 1, versionNonce: 0, updated: 0 };
const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

interface Parts {
  stages?: number;
  lanes?: number;
  scenarios?: number;
  personas?: number;
  /** Votes on the notes of scenario c0, each with one voter of one dot. */
  votes?: number;
  deletedStages?: number;
  emotions?: number;
  /** Notes in the cell (s0, l0) of scenario c0, in one group. */
  notesInCell?: number;
  extra?: Record<string, unknown>;
}

const fileOf = ({
  stages = 1,
  lanes = 1,
  scenarios = 1,
  personas = 0,
  votes = 0,
  deletedStages = 0,
  emotions = 0,
  notesInCell = 0,
  extra = {},
}: Parts): Record<string, unknown> => ({
  type: 'journeywall-map',
  formatVersion: 3,
  app: { name: 'Journeywall', version: 'test' },
  savedAt: 0,
  map: { id: 'map', name: 'Limits', created: 0, ...book },
  stages: [
    ...ids('s', stages).map((id, order) => ({ id, name: id, order, width: 200, ...book })),
    ...ids('gone', deletedStages).map((id, order) => ({
      id,
      name: id,
      order,
      width: 200,
      ...book,
      isDeleted: true,
    })),
  ],
  lanes: ids('l', lanes).map((id, order) => ({ id, name: id, order, height: 100, role: 'custom', ...book })),
  scenarios: ids('c', scenarios).map((id, order) => ({
    id,
    name: id,
    order,
    kind: 'other',
    emotions: Object.fromEntries(ids('e', emotions).map((stage) => [stage, 1])),
    ...book,
  })),
  personas: ids('p', personas).map((id) => ({ id, name: id, ...book })),
  votes: ids('v', votes).map((id) => ({
    id,
    question: id,
    scenarioId: 'c0',
    voters: 1,
    dotsPerVoter: 1,
    startedAt: 0,
    ...book,
  })),
  notes: [
    {
      scenarioId: 'c0',
      stageId: 's0',
      laneId: 'l0',
      notes: ids('n', notesInCell).map((id, slot) => ({
        id,
        slot,
        color: 'yellow',
        x: 0,
        y: 0,
        z: slot,
        text: id,
        ...book,
      })),
    },
  ],
  ...extra,
});

const open = (file: Record<string, unknown>): ParseResult => parse(JSON.stringify(file));

const errorOf = (result: ParseResult): string => (result.ok ? 'opened' : result.error.message);

const live = (result: ParseResult, type: JourneyRecord['type']): number => {
  if (!result.ok) throw new Error(result.error.message);
  let count = 0;
  for (const record of Object.values(result.document.records))
    if (record.type === type && !record.isDeleted) count++;
  return count;
};

describe('counted limits: at the limit a file opens, one past it is refused naming the limit', () => {
  test.each([
    ['stages', 'stage', FILE_LIMITS.maxStages, 'it has more than 100 stages; the limit is 100'],
    ['lanes', 'lane', FILE_LIMITS.maxLanes, 'it has more than 60 lanes; the limit is 60'],
    ['scenarios', 'scenario', FILE_LIMITS.maxScenarios, 'it has more than 50 scenarios; the limit is 50'],
    ['personas', 'persona', FILE_LIMITS.maxPersonas, 'it has more than 50 personas; the limit is 50'],
    ['votes', 'vote', FILE_LIMITS.maxVotes, 'it has more than 100 votes; the limit is 100'],
  ] as const)('%s', (key, type, limit, words) => {
    const atLimit = open(fileOf({ [key]: limit }));
    expect(atLimit.ok && atLimit.repairs).toEqual([]);
    expect(live(atLimit, type)).toBe(limit);
    expect(errorOf(open(fileOf({ [key]: limit + 1 })))).toBe(`This map is too large to open (${words}).`);
  });

  test('tombstones do not count: a map may have deleted as many stages as it likes', () => {
    const result = open(fileOf({ stages: FILE_LIMITS.maxStages, deletedStages: 500 }));
    expect(live(result, 'stage')).toBe(FILE_LIMITS.maxStages);
  });

  test('notes in one cell of one scenario', () => {
    expect(live(open(fileOf({ notesInCell: FILE_LIMITS.maxNotesPerCell })), 'note')).toBe(1000);
    expect(errorOf(open(fileOf({ notesInCell: FILE_LIMITS.maxNotesPerCell + 1 })))).toBe(
      'This map is too large to open (it has more than 1,000 notes in one cell of a scenario; the limit is 1,000 per cell).',
    );
  });

  test('notes per cell are counted across groups of the same place, and per scenario', () => {
    const note = (id: string) => ({ id, color: 'yellow', x: 0, y: 0, z: 0, text: '', ...book });
    const group = (scenarioId: string, prefix: string) => ({
      scenarioId,
      stageId: 's0',
      laneId: 'l0',
      notes: ids(prefix, 600).map(note),
    });
    const twoScenarios = fileOf({ scenarios: 2, extra: { notes: [group('c0', 'a'), group('c1', 'b')] } });
    expect(live(open(twoScenarios), 'note')).toBe(1200);
    const oneScenario = fileOf({ scenarios: 2, extra: { notes: [group('c0', 'a'), group('c0', 'b')] } });
    expect(errorOf(open(oneScenario))).toContain('more than 1,000 notes in one cell');
  });

  test('a cell filled past its limit by a repair is refused too', () => {
    // Notes of a missing scenario move into the first one, in the same cell.
    const note = (id: string) => ({ id, color: 'yellow', x: 0, y: 0, z: 0, text: '', ...book });
    const group = (scenarioId: string, prefix: string) => ({
      scenarioId,
      stageId: 's0',
      laneId: 'l0',
      notes: ids(prefix, 600).map(note),
    });
    const file = fileOf({ extra: { notes: [group('c0', 'a'), group('missing', 'b')] } });
    expect(errorOf(open(file))).toContain('more than 1,000 notes in one cell');
  });
});

describe('emotion scores', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  test('200 open; 201 are refused naming the limit', () => {
    const stages = FILE_LIMITS.maxEmotions;
    const atLimit = open(fileOf({ emotions: stages }));
    expect(atLimit.ok && atLimit.repairs).toEqual([]);
    expect(errorOf(open(fileOf({ emotions: stages + 1 })))).toBe(
      'This map is too large to open (scenario 1 has more than 200 emotion scores; the limit is 200 per scenario).',
    );
  });

  test('a million scores are refused before the file is parsed as JSON, naming the scenario', () => {
    const scores = Array.from({ length: 1_000_000 }, (_, i) => `"e${i}":1`).join(',');
    const file = JSON.stringify(fileOf({ scenarios: 3 })).replace(
      '"id":"c2","name":"c2","order":2,"kind":"other","emotions":{}',
      `"id":"c2","name":"c2","order":2,"kind":"other","emotions":{${scores}}`,
    );
    const jsonParse = vi.spyOn(JSON, 'parse');
    expect(errorOf(parse(file))).toBe(
      'This map is too large to open (scenario 3 has more than 200 emotion scores; the limit is 200 per scenario).',
    );
    expect(jsonParse).not.toHaveBeenCalled();
  });

  test('an escaped key is read as JSON reads it', () => {
    const file = JSON.stringify(fileOf({ emotions: 201 })).replace('"emotions"', '"emot\\u0069ons"');
    expect(errorOf(parse(file))).toContain('more than 200 emotion scores');
  });

  test('an object called "emotions" elsewhere is not a scenario’s scores', () => {
    const many = Object.fromEntries(ids('k', 300).map((key) => [key, 1]));
    const result = open(fileOf({ extra: { future: { emotions: many } } }));
    expect(result.ok).toBe(true);
  });
});

describe('keys of one object', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const withObject = (keys: number) =>
    fileOf({ extra: { future: Object.fromEntries(ids('k', keys).map((key) => [key, 1])) } });

  test('1,000 keys in an unknown part open (the part is dropped); 1,001 are refused', () => {
    expect(errorOf(open(withObject(FILE_LIMITS.maxKeysPerObject)))).toBe('opened');
    expect(errorOf(open(withObject(FILE_LIMITS.maxKeysPerObject + 1)))).toBe(
      'This map file is damaged: an object in it has more than 1,000 fields.',
    );
  });

  test('a million keys in a note are refused before the file is parsed as JSON', () => {
    const keys = Array.from({ length: 1_000_000 }, (_, i) => `"k${i}":1`).join(',');
    const file = `{"type":"journeywall-map","formatVersion":2,"app":{"name":"J","version":"1"},"savedAt":0,"map":{},"notes":[{"scenarioId":"c","notes":[{${keys}}]}]}`;
    const jsonParse = vi.spyOn(JSON, 'parse');
    expect(errorOf(parse(file))).toContain('more than 1,000 fields');
    expect(jsonParse).not.toHaveBeenCalled();
  });

  test('an old backup file keeps its records in one object keyed by id: thousands of them open', () => {
    const records: Record<string, unknown> = {
      m: { id: 'm', type: 'map', name: 'Old', created: 0, ...book, isDeleted: false },
    };
    for (const id of ids('n', 5_000))
      records[id] = {
        id,
        type: 'note',
        x: 0,
        y: 0,
        w: 180,
        h: 120,
        z: 1,
        text: id,
        color: 'yellow',
        ...book,
        isDeleted: false,
      };
    const backup = JSON.stringify({
      format: 'journeywall-backup',
      version: 1,
      savedAt: 0,
      document: { id: 'm', records },
    });
    const result = parse(backup);
    expect(result.ok && Object.values(result.document.records).filter((r) => r.type === 'note')).toHaveLength(
      5_000,
    );
  });
});

describe('records', () => {
  /** A file of `notes` empty notes in one group: counted, never validated. */
  const withNotes = (notes: number): string =>
    `{"type":"journeywall-map","formatVersion":2,"app":{"name":"J","version":"1"},"savedAt":0,"map":{},"notes":[{"scenarioId":"c","notes":[${'{},'.repeat(notes - 1)}{}]}]}`;

  test.each([
    [200_001, '200,001'],
    [1_000_002, '1,000,002'],
  ])('a file of %i records says how many it has', (records, shown) => {
    expect(errorOf(parse(withNotes(records - 1)))).toBe(
      `This map is too large to open (${shown} records; the limit is 200,000).`,
    );
  });
});

describe('numbers past their limits are repaired, with a notice', () => {
  const note = (fields: Record<string, unknown>) =>
    fileOf({
      extra: {
        notes: [
          {
            scenarioId: 'c0',
            stageId: 's0',
            laneId: 'l0',
            notes: [{ id: 'n', color: 'yellow', x: 0, y: 0, z: 0, text: '', ...book, ...fields }],
          },
        ],
      },
    });
  const noteOf = (result: ParseResult) => {
    if (!result.ok) throw new Error(result.error.message);
    const record = result.document.records.n;
    if (record?.type !== 'note') throw new Error('no note');
    return record;
  };

  test('a version at the limit opens as it is', () => {
    const result = open(note({ version: FILE_LIMITS.maxVersion }));
    expect(result.ok && result.repairs).toEqual([]);
    expect(noteOf(result).version).toBe(2 ** 52);
  });

  test.each([FILE_LIMITS.maxVersion + 1, Number.MAX_SAFE_INTEGER, 2 ** 53, 1e300])(
    'a version of %d is lowered to the limit',
    (version) => {
      const result = open(note({ version }));
      expect(noteOf(result).version).toBe(2 ** 52);
      expect(result.ok && result.repairs).toEqual([
        'Lowered the impossibly high version of 1 note to the limit.',
      ]);
    },
  );

  test('merge history naming a version past the limit is forgotten', () => {
    const result = open(note({ version: 5, synced: [[FILE_LIMITS.maxVersion + 1, 3]] }));
    expect(noteOf(result).synced).toEqual([[5, 0]]);
    expect(result.ok && result.repairs[0]).toContain('Forgot the unreadable merge history of 1 note');
  });

  test.each([
    [FILE_LIMITS.maxSlot, FILE_LIMITS.maxSlot, false],
    [-FILE_LIMITS.maxSlot, -FILE_LIMITS.maxSlot, false],
    [FILE_LIMITS.maxSlot + 1, FILE_LIMITS.maxSlot, true],
    [-1e300, -FILE_LIMITS.maxSlot, true],
  ])('a slot of %d reads as %d', (slot, read, repaired) => {
    const result = open(note({ slot }));
    expect(noteOf(result).slot).toBe(read);
    expect(result.ok && result.repairs).toEqual(
      repaired ? ['Renumbered the place in the cell of 1 note, which was beyond ±1,000,000.'] : [],
    );
  });

  test('text at its limit opens as it is; past it, it is shortened to the limit', () => {
    const max = FILE_LIMITS.maxTextLength;
    expect(noteOf(open(note({ text: 'a'.repeat(max) }))).text).toHaveLength(max);
    const long = open(note({ text: 'a'.repeat(max + 1) }));
    expect(noteOf(long).text).toHaveLength(max);
    expect(long.ok && long.repairs).toEqual(['Shortened the text of 1 note to 10,000 characters.']);
  });

  test('a name at its limit opens as it is; past it, it is shortened to the limit', () => {
    const named = (name: string) => fileOf({ extra: { map: { id: 'map', name, created: 0, ...book } } });
    expect(open(named('a'.repeat(FILE_LIMITS.maxNameLength)))).toMatchObject({ ok: true, repairs: [] });
    expect(open(named('a'.repeat(FILE_LIMITS.maxNameLength + 1)))).toMatchObject({
      ok: true,
      repairs: ['Shortened the map name to 500 characters.'],
    });
  });
});

describe('a vote: voters and dots at their limits open as they are; past them, they are brought back', () => {
  const vote = (fields: Record<string, unknown>) =>
    fileOf({
      notesInCell: 1,
      extra: {
        votes: [
          {
            id: 'v',
            question: 'Q',
            scenarioId: 'c0',
            voters: 1,
            dotsPerVoter: 1,
            startedAt: 0,
            ...book,
            ...fields,
          },
        ],
      },
    });
  const voteOf = (result: ParseResult) => {
    if (!result.ok) throw new Error(result.error.message);
    const record = result.document.records.v;
    if (record?.type !== 'vote') throw new Error('no vote');
    return record;
  };
  const clamped =
    'Brought the number of voters or dots of 1 vote back to whole numbers from 1 to 100 voters and 20 dots.';

  test.each([
    [{ voters: FILE_LIMITS.maxVoters, dotsPerVoter: FILE_LIMITS.maxDotsPerVoter }, [100, 20], []],
    [{ voters: FILE_LIMITS.maxVoters + 1 }, [100, 1], [clamped]],
    [{ dotsPerVoter: FILE_LIMITS.maxDotsPerVoter + 1, voters: 0 }, [1, 20], [clamped]],
    [{ voters: 2.6, dotsPerVoter: -1e300 }, [3, 1], [clamped]],
  ])('%o', (fields, [voters, dots], repairs) => {
    const result = open(vote(fields));
    expect(voteOf(result)).toMatchObject({ voters, dotsPerVoter: dots });
    expect(result.ok && result.repairs).toEqual(repairs);
  });

  test('a ballot of the most dots a voter may have opens; one dot more is refused', () => {
    const ballot = (dots: number) => ({ n0: dots });
    const max = FILE_LIMITS.maxDotsPerVoter;
    const atLimit = open(vote({ dotsPerVoter: max, stacking: true, ballots: [ballot(max)] }));
    expect(voteOf(atLimit).ballots).toEqual([{ n0: 20 }]);
    expect(errorOf(open(vote({ dotsPerVoter: max, stacking: true, ballots: [ballot(max + 1)] })))).toBe(
      'This map file is damaged: vote 1 has an invalid ballot.',
    );
  });

  test('a question at its limit opens as it is; past it, it is shortened to the limit', () => {
    const max = FILE_LIMITS.maxNameLength;
    expect(voteOf(open(vote({ question: 'q'.repeat(max) }))).question).toHaveLength(max);
    const long = open(vote({ question: 'q'.repeat(max + 1) }));
    expect(voteOf(long).question).toHaveLength(max);
    expect(long.ok && long.repairs).toEqual(['Shortened the question of 1 vote to 500 characters.']);
  });
});

describe('bytes: what save lets through, open accepts', () => {
  test('the limits are one number', () => {
    expect(IPC_LIMITS.fileBytes).toBe(FILE_LIMITS.maxBytes);
    expect(IPC_LIMITS.backupBytes).toBe(FILE_LIMITS.maxBytes);
  });

  test('a map file of exactly the limit is saved and opened; one byte more is refused by both', () => {
    const text = JSON.stringify(fileOf({}));
    const atLimit = text + ' '.repeat(FILE_LIMITS.maxBytes - text.length);
    expect(fileContentSchema.safeParse(atLimit).success).toBe(true);
    expect(parse(atLimit).ok).toBe(true);
    const past = `${atLimit} `;
    expect(fileContentSchema.safeParse(past).success).toBe(false);
    expect(errorOf(parse(past))).toBe('This file is too large to open (50.1 MB; the limit is 50 MB).');
  });
});

describe('unknown parts of a file are reported, not dropped silently', () => {
  test('a list of a newer tool', () => {
    const result = open(fileOf({ extra: { comments: [1, 2], whiteboard: {} } }));
    expect(result.ok && result.repairs).toEqual([
      'Ignored 2 parts of the file this version does not know: “comments”, “whiteboard”.',
    ]);
  });

  test('format-2 information in a format-1 file', () => {
    const file = {
      type: 'journeywall-map',
      formatVersion: 1,
      app: { name: 'Journeywall', version: '0.1.0' },
      savedAt: 0,
      map: { id: 'map', name: 'Old', created: 0, showCategories: true, ...book },
      stages: [{ id: 's', name: 'Lost', order: 0, width: 200, ...book }],
      notes: [
        { id: 'a', color: 'yellow', x: 0, y: 0, w: 180, h: 120, z: 1, text: '', kind: 'idea', ...book },
        { id: 'b', color: 'yellow', x: 0, y: 0, w: 180, h: 120, z: 2, text: '', ...book },
      ],
    };
    const result = open(file);
    expect(result.ok && result.repairs).toEqual([
      'Ignored what a format-1 map cannot hold: its stages; the journey settings of its map; the kind, cell order, channel, ratings or origin of 1 note.',
    ]);
  });
});

describe('the editor stops at the limits, and a map at every limit saves and reopens', () => {
  test('adding past a limit is refused; the map at its limits reopens without repairs', () => {
    const doc: MutableDocument = { ...newMapDocument('Full', 0) };
    doc.records = { ...doc.records };
    const fill = (add: () => string | null): string[] => {
      const added: string[] = [];
      for (let id = add(); id !== null; id = add()) added.push(id);
      return added;
    };
    const stages = fill(() => addHeader(doc, 'stage', 'Stage'));
    const lanes = fill(() => addHeader(doc, 'lane', 'Lane'));
    fill(() => addScenario(doc, { name: 'More', kind: 'other' }));
    fill(() => addPersona(doc));
    expect(atLimitMessage('stage')).toBe('This map already has 100 stages, the most a map can have.');

    const [stageId = '', laneId = ''] = [stages[0], lanes[0]];
    const scenarioId = Object.values(doc.records).find((record) => record.type === 'scenario')?.id ?? '';
    for (const stage of stages) setEmotion(doc, scenarioId, stage, -3);
    for (let slot = 0; slot < FILE_LIMITS.maxNotesPerCell; slot++)
      addNote(doc, { x: 0, y: 0, scenarioId, stageId, laneId, slot, text: 'n'.repeat(100) }, 0, slot);
    const [voteId] = fill(() => {
      const started = startVote(doc, {
        question: 'q'.repeat(FILE_LIMITS.maxNameLength),
        scenarioId,
        voters: FILE_LIMITS.maxVoters,
        dotsPerVoter: FILE_LIMITS.maxDotsPerVoter,
        stacking: true,
      });
      return started.ok ? started.id : null;
    });
    expect(startVote(doc, { question: 'One more', scenarioId, voters: 1, dotsPerVoter: 1 })).toEqual({
      ok: false,
      reason: 'at-limit',
    });
    const firstNote = Object.values(doc.records).find((record) => record.type === 'note')?.id ?? '';
    for (let voter = 1; voter <= FILE_LIMITS.maxVoters; voter++) {
      while (addDot(doc, voteId ?? '', firstNote) === 'added');
      nextVoter(doc, voteId ?? '');
    }
    const map = doc.records[doc.id];
    if (!map) throw new Error('no map');
    doc.records[doc.id] = updateRecord({ ...map, version: FILE_LIMITS.maxVersion }, { name: 'Still full' });

    const reopened = parse(serialize(doc, { appVersion: 'test', savedAt: 0 }));
    expect(reopened.ok && reopened.repairs).toEqual([]);
    expect(live(reopened, 'stage')).toBe(FILE_LIMITS.maxStages);
    expect(live(reopened, 'lane')).toBe(FILE_LIMITS.maxLanes);
    expect(live(reopened, 'scenario')).toBe(FILE_LIMITS.maxScenarios);
    expect(live(reopened, 'persona')).toBe(FILE_LIMITS.maxPersonas);
    expect(live(reopened, 'note')).toBe(FILE_LIMITS.maxNotesPerCell);
    expect(live(reopened, 'vote')).toBe(FILE_LIMITS.maxVotes);
    expect(reopened.ok && reopened.document.records[voteId ?? '']).toMatchObject({
      ballots: Array.from({ length: FILE_LIMITS.maxVoters }, () => ({ [firstNote]: 20 })),
    });
    expect(reopened.ok && reopened.document.records[doc.id]?.version).toBe(FILE_LIMITS.maxVersion);
  });
});
