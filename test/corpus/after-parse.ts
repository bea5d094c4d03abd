/**
 * Map files at and past every limit a map is opened with (shared/model/limits.ts), written as
 * raw text here rather than by the app's serializer, for what comes after the reader says yes:
 * open → layout → draw → edit → save → reopen → merge. The e2e suite opens a sample of them
 * through the real UI; `npm run bench` times every one (test/bench/hostile-files.ts).
 */

export interface CorpusFile {
  readonly name: string;
  /** What a facilitator sees: the map opens (with this many live notes), or a message. */
  readonly expect: { readonly opens: number } | { readonly refused: RegExp };
  readonly text: () => string;
}

const book = { version: 1, versionNonce: 7, updated: 0 };
const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

interface NoteGroup {
  readonly stageId?: string;
  readonly laneId?: string;
  readonly scenarioId?: string;
  readonly notes: readonly Record<string, unknown>[];
}

const note = (id: string, slot: number, fields: Record<string, unknown> = {}) => ({
  id,
  slot,
  color: 'yellow',
  x: (slot % 40) * 200,
  y: Math.floor(slot / 40) * 140,
  z: slot,
  text: `Note ${id}`,
  ...book,
  ...fields,
});

const mapFile = (parts: {
  name: string;
  stages?: number;
  lanes?: number;
  scenarios?: number;
  personas?: number;
  emotions?: number;
  votes?: readonly Record<string, unknown>[];
  groups?: readonly NoteGroup[];
  map?: Record<string, unknown>;
}): string =>
  JSON.stringify({
    type: 'journeywall-map',
    formatVersion: 3,
    app: { name: 'Journeywall', version: 'corpus' },
    savedAt: 0,
    map: {
      id: `corpus-${parts.name.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}`,
      name: parts.name,
      created: 0,
      ...book,
      ...parts.map,
    },
    stages: ids('s', parts.stages ?? 1).map((id, order) => ({
      id,
      name: `Stage ${order}`,
      order,
      width: 260,
      ...book,
    })),
    lanes: ids('l', parts.lanes ?? 1).map((id, order) => ({
      id,
      name: `Lane ${order}`,
      order,
      height: 160,
      role: 'custom',
      ...book,
    })),
    scenarios: ids('c', parts.scenarios ?? 1).map((id, order) => ({
      id,
      name: `Scenario ${order}`,
      order,
      kind: order === 0 ? 'current' : 'other',
      emotions: Object.fromEntries(ids('s', parts.emotions ?? 0).map((stage) => [stage, 1])),
      ...book,
    })),
    personas: ids('p', parts.personas ?? 0).map((id) => ({ id, name: `Persona ${id}`, ...book })),
    votes: parts.votes ?? [],
    notes: (parts.groups ?? []).map((group) => ({ scenarioId: 'c0', ...group })),
  });

const inCell = (count: number, prefix = 'n'): NoteGroup => ({
  stageId: 's0',
  laneId: 'l0',
  notes: ids(prefix, count).map((id, slot) => note(id, slot)),
});

/** One note in every cell of a stages × lanes grid. */
const everyCell = (stages: number, lanes: number): NoteGroup[] =>
  ids('s', stages).flatMap((stageId) =>
    ids('l', lanes).map((laneId) => ({ stageId, laneId, notes: [note(`${stageId}-${laneId}`, 0)] })),
  );

const outsideGrid = (count: number, at: (i: number) => { x: number; y: number }): NoteGroup => ({
  notes: ids('o', count).map((id, i) => note(id, 0, at(i))),
});

/** Votes on the notes of scenario c0, each with one voter of one dot, revealed. */
const votes = (count: number): Record<string, unknown>[] =>
  ids('v', count).map((id, i) => ({
    id,
    question: `Vote ${i}`,
    scenarioId: 'c0',
    voters: 1,
    dotsPerVoter: 1,
    revealed: true,
    startedAt: i,
    ...book,
  }));

export const WITHIN_LIMITS: readonly CorpusFile[] = [
  {
    name: 'a full cell (1,000 notes)',
    expect: { opens: 1000 },
    text: () => mapFile({ name: 'Full cell', groups: [inCell(1000)] }),
  },
  {
    name: 'the largest grid (100 stages × 60 lanes, a note in every cell)',
    expect: { opens: 6000 },
    text: () => mapFile({ name: 'Largest grid', stages: 100, lanes: 60, groups: everyCell(100, 60) }),
  },
  {
    name: '10,000 notes piled on one spot',
    expect: { opens: 10_000 },
    text: () => mapFile({ name: 'Pile', groups: [outsideGrid(10_000, (i) => ({ x: i % 3, y: i % 2 }))] }),
  },
  {
    name: 'extreme numbers and texts (edges of the board, top slots and versions, longest texts)',
    expect: { opens: 60 },
    text: () =>
      mapFile({
        name: 'N'.repeat(500),
        groups: [
          {
            stageId: 's0',
            laneId: 'l0',
            notes: ids('x', 40).map((id, i) =>
              note(id, i % 2 === 0 ? 1_000_000 - i : -1_000_000 + i, {
                text: 'W'.repeat(10_000),
                version: 2 ** 52,
              }),
            ),
          },
          outsideGrid(20, (i) => ({ x: i % 2 === 0 ? 10_000_000 : -10_000_000, y: (i % 4) * 1e6 })),
        ],
      }),
  },
  {
    name: 'every structure at its limit (100 stages, 60 lanes, 50 scenarios, 50 personas, 100 scores each)',
    expect: { opens: 1 },
    text: () =>
      mapFile({
        name: 'Structure at limits',
        stages: 100,
        lanes: 60,
        scenarios: 50,
        personas: 50,
        emotions: 100,
        groups: [inCell(1)],
      }),
  },
  {
    name: 'votes at their limits (100 votes; 100 voters of 20 dots each on 1,000 selected notes)',
    expect: { opens: 1000 },
    text: () =>
      mapFile({
        name: 'Votes at limits',
        groups: [inCell(1000)],
        votes: [
          ...votes(99),
          {
            id: 'full',
            question: 'Q'.repeat(500),
            scenarioId: 'c0',
            noteIds: ids('n', 1000),
            voters: 100,
            dotsPerVoter: 20,
            stacking: true,
            hidden: true,
            startedAt: 100,
            ballots: Array.from({ length: 100 }, (_, voter) =>
              Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`n${voter * 10 + k}`, 2])),
            ),
            ...book,
          },
        ],
      }),
  },
  {
    name: 'duplicate ids (2,000 notes in two cells sharing 20 ids)',
    expect: { opens: 2000 },
    text: () =>
      mapFile({
        name: 'Duplicates',
        stages: 2,
        groups: ['s0', 's1'].map((stageId, cell) => ({
          stageId,
          laneId: 'l0',
          notes: ids(`n${cell}-`, 1000).map((id, i) => note(`dup${i % 20}`, i, { text: id })),
        })),
      }),
  },
];

export const PAST_LIMITS: readonly CorpusFile[] = [
  {
    name: '101 stages',
    expect: { refused: /more than 100 stages; the limit is 100/ },
    text: () => mapFile({ name: 'Stages', stages: 101 }),
  },
  {
    name: '61 lanes',
    expect: { refused: /more than 60 lanes; the limit is 60/ },
    text: () => mapFile({ name: 'Lanes', lanes: 61 }),
  },
  {
    name: '101 votes',
    expect: { refused: /more than 100 votes; the limit is 100/ },
    text: () => mapFile({ name: 'Votes', votes: votes(101) }),
  },
  {
    name: '1,001 notes in one cell',
    expect: { refused: /more than 1,000 notes in one cell/ },
    text: () => mapFile({ name: 'Overfull cell', groups: [inCell(1001)] }),
  },
  {
    name: '200,001 records',
    expect: { refused: /200,001 records; the limit is 200,000/ },
    text: () =>
      `{"type":"journeywall-map","formatVersion":3,"app":{"name":"J","version":"1"},"savedAt":0,"map":{},"notes":[{"scenarioId":"c","notes":[${'{},'.repeat(199_999)}{}]}]}`,
  },
  {
    name: 'a million emotion scores',
    expect: { refused: /more than 200 emotion scores/ },
    text: () =>
      mapFile({ name: 'Scores' }).replace(
        '"emotions":{}',
        `"emotions":{${Array.from({ length: 1_000_000 }, (_, i) => `"e${i}":1`).join(',')}}`,
      ),
  },
  {
    name: 'a million keys in one note',
    expect: { refused: /more than 1,000 fields/ },
    text: () =>
      mapFile({ name: 'Keys', groups: [inCell(1)] }).replace(
        '"id":"n0",',
        `"id":"n0",${Array.from({ length: 1_000_000 }, (_, i) => `"k${i}":1`).join(',')},`,
      ),
  },
  {
    name: 'nesting 100,000 deep',
    expect: { refused: /nested too deeply/ },
    text: () =>
      `{"type":"journeywall-map","formatVersion":3,"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
  },
];
