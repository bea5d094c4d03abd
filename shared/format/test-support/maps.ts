/**
 * Maps for the format and merge tests (not used by the app): realistic ones built like the app
 * builds them, and fast-check arbitraries covering every valid value of every field.
 */
import fc from 'fast-check';
import { templateById } from '../../journey/templates.ts';
import { type JourneyDocument, mapRecordOf, scenariosOf } from '../../model/document.ts';
import { newMapDocument } from '../../model/edits.ts';
import { newId } from '../../model/ids.ts';
import {
  CHANNELS,
  CONNECTED_TYPES,
  DEFAULT_INSIGHT_SETTINGS,
  EXPERIENCE_CATEGORIES,
  LANE_ROLES,
  type LaneRecord,
  type LaneRole,
  NOTE_KINDS,
  type NoteKind,
  type PersonaRecord,
  type RoundRecord,
  SCENARIO_KINDS,
  type ScenarioRecord,
  type StageRecord,
  type VoteRecord,
} from '../../model/journey-records.ts';
import { FILE_LIMITS, ID_PATTERN } from '../../model/limits.ts';
import {
  type JourneyRecord,
  type MapRecord,
  NOTE_COLORS,
  NOTE_MAX_SIZE,
  NOTE_MIN_SIZE,
  NOTE_SIZE,
  type NoteRecord,
} from '../../model/records.ts';
import { freshBookkeeping, updateRecord } from '../../model/update.ts';
import { MAX_SYNC_MARKS, type SyncMark } from '../sync-marks.ts';

const WORDS = (
  'customer cannot find the login button checkout asks for the card twice delivery date unclear ' +
  'support call waits twenty minutes app crashes on upload invoice arrives late password reset ' +
  'email lands in spam onboarding feels long loves the live chat price shown without tax ' +
  'confused by plans happy with speed wants a receipt by mail store staff friendly parking hard'
).split(' ');

/** A small deterministic random source, so realistic maps are the same on every run. */
const seeded = (seed: number) => {
  let state = seed >>> 0 || 1;
  return (n: number): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
};

const customerExperience = templateById('customer-experience');
if (!customerExperience) throw new Error('no customer-experience template');

/**
 * The practitioners' lanes, not the template's (a shorter "Backstage", one height for all): benchmarks
 * and poster measurements compare runs on this map, so its lanes stay as they were measured.
 */
const LANES: readonly (readonly [string, LaneRole])[] = [
  ['Customer actions', 'actions'],
  ['Touchpoints', 'touchpoints'],
  ['Channels', 'channels'],
  ['Thoughts and feelings', 'thoughts'],
  ['Emotion', 'emotion'],
  ['Breakdown points', 'breakdowns'],
  ['Opportunities', 'opportunities'],
  ['Backstage', 'backstage'],
  ['Metrics', 'metrics'],
  ['Customer service', 'customer-service'],
];

const KIND_OF_LANE: Partial<Record<LaneRole, NoteKind>> = {
  touchpoints: 'touchpoint',
  breakdowns: 'breakdown',
  opportunities: 'opportunity',
};

const STAGE_WIDTH = 260;
const LANE_HEIGHT = 160;

export interface RealisticOptions {
  readonly seed?: number;
  /** Share of the notes that sit in cells of the grid; the others sit around it. */
  readonly inCells?: number;
}

/**
 * A journey map as a workshop leaves it: the customer experience stages and the practitioners'
 * lanes, Current and Ideal scenarios with emotion scores, a persona, and notes of 3 to 12 words,
 * most in cells (touchpoints with channels, some rated or marked as stamps; breakdown points;
 * opportunities), the rest around the grid. A third of the notes were edited again, a few moved
 * at a zoom that leaves fractions; every colour is in use.
 */
export const realisticMap = (noteCount: number, options: RealisticOptions | number = {}): JourneyDocument => {
  const { seed = 1, inCells = 0.75 } = typeof options === 'number' ? { seed: options } : options;
  const random = seeded(seed);
  const start = 1_718_000_000_000;
  const base = newMapDocument('Checkout journey, workshop 12 March', start, 'map-checkout');
  const records: Record<string, JourneyRecord> = { ...base.records };
  const scenarios = scenariosOf(base);
  const stages = customerExperience.stages.map(({ name }, order): StageRecord => {
    const stage: StageRecord = {
      ...freshBookkeeping(newId(), start),
      type: 'stage',
      name,
      order,
      width: STAGE_WIDTH,
      color: null,
      // Two stages a category rather than the template's grouping, for the same reason as LANES.
      category: EXPERIENCE_CATEGORIES[Math.min(3, Math.floor(order / 2))] ?? null,
    };
    records[stage.id] = stage;
    return stage;
  });
  const lanes = LANES.map(([name, role], order): LaneRecord => {
    const lane: LaneRecord = {
      ...freshBookkeeping(newId(), start),
      type: 'lane',
      name,
      order,
      height: LANE_HEIGHT,
      role,
      hidden: role === 'metrics',
      color: null,
      noteKind: null,
    };
    records[lane.id] = lane;
    return lane;
  });
  for (const scenario of scenarios) {
    const emotions = Object.fromEntries(stages.map((stage) => [stage.id, random(7) - 3]));
    records[scenario.id] = updateRecord(scenario, { emotions }, start + 100);
  }
  const persona: PersonaRecord = {
    ...freshBookkeeping(newId(), start),
    type: 'persona',
    name: 'Maria, first-time buyer',
    role: 'Buys online twice a month, mostly on her phone',
    goals: 'Get the order right the first time',
    needs: 'Clear delivery dates and prices with tax',
    frustrations: 'Entering her card details twice',
    quote: 'Just tell me when it arrives.',
  };
  records[persona.id] = persona;
  records[base.id] = updateRecord(
    mapRecordOf(base),
    { activePersonaId: persona.id, showCategories: true },
    start + 200,
  );

  const noteLanes = lanes.filter((lane) => lane.role !== 'emotion');
  const slots = new Map<string, number>();
  for (let i = 0; i < noteCount; i++) {
    const words = Array.from({ length: 3 + random(10) }, () => WORDS[random(WORDS.length)]).join(' ');
    const text = words.charAt(0).toUpperCase() + words.slice(1);
    const created = start + 1000 + i * 1000;
    const scenario = scenarios[random(10) < 7 ? 0 : 1];
    const inCell = random(1000) < inCells * 1000;
    const stage = inCell ? stages[random(stages.length)] : undefined;
    const lane = inCell ? noteLanes[random(noteLanes.length)] : undefined;
    const cell = `${scenario?.id} ${stage?.id} ${lane?.id}`;
    const slot = stage ? (slots.get(cell) ?? 0) : 0;
    if (stage) slots.set(cell, slot + 1);
    const kind = lane ? (KIND_OF_LANE[lane.role] ?? 'note') : random(4) === 0 ? 'idea' : 'note';
    const touchpoint = kind === 'touchpoint';
    let note: NoteRecord = {
      ...freshBookkeeping(newId(), created),
      type: 'note',
      x: (i % 60) * (NOTE_SIZE.w + 20),
      y: -1000 - Math.floor(i / 60) * (NOTE_SIZE.h + 20),
      w: NOTE_SIZE.w,
      h: NOTE_SIZE.h,
      text,
      color: NOTE_COLORS[random(NOTE_COLORS.length)] ?? 'yellow',
      z: i + 1,
      kind,
      scenarioId: scenario?.id ?? '',
      stageId: stage?.id ?? null,
      laneId: lane?.id ?? null,
      slot,
      channel: touchpoint ? (CHANNELS[random(CHANNELS.length)] ?? null) : null,
      wow: touchpoint && random(12) === 0,
      ratings:
        touchpoint && random(3) === 0
          ? {
              effortless: 1 + random(5),
              productive: 1 + random(5),
              painless: random(2) ? 1 + random(5) : null,
            }
          : null,
      origin: null,
    };
    if (random(3) === 0)
      note = updateRecord(note, { text: `${text}!`, x: note.x + random(400) / 8 }, created + 500);
    records[note.id] = note;
  }
  return { id: base.id, records };
};

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'.split('');

export const arbitraryId = fc
  .string({ unit: fc.constantFrom(...ID_CHARS), minLength: 1, maxLength: 24 })
  .filter((id) => ID_PATTERN.test(id));

const finite = (min: number, max: number) =>
  fc
    .double({ min, max, noNaN: true, noDefaultInfinity: true })
    .map((value) => (Object.is(value, -0) ? 0 : value));

/** Text of any UTF-16 content, lone surrogates included. */
const anyText = (maxLength: number) =>
  fc.oneof(fc.string({ unit: 'binary', maxLength: Math.min(maxLength, 40) }), fc.string({ maxLength }));

const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });

/** One of `ids` when there are any, otherwise (and sometimes anyway) an id naming nothing. */
const reference = (ids: readonly string[]) =>
  ids.length === 0 ? arbitraryId : fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 3 }, arbitraryId);

const arbitraryBookkeeping = (alive = false) =>
  fc
    .record({
      version: fc.integer({ min: 1, max: 1_000_000 }),
      versionNonce: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      updated: fc.integer({ min: 0, max: 4_102_444_800_000 }),
      isDeleted: alive
        ? fc.constant(false)
        : fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
      history: fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: MAX_SYNC_MARKS }),
    })
    .map(({ history, ...bookkeeping }) => {
      const marks: SyncMark[] = history
        .map((nonce, index): SyncMark => [Math.max(1, bookkeeping.version - history.length + index), nonce])
        .filter((mark) => mark[0] < bookkeeping.version);
      return marks.length > 0 ? { ...bookkeeping, synced: marks } : bookkeeping;
    });

const arbitraryMapRecord = (id: string, personaIds: readonly string[]) =>
  fc
    .record({
      bookkeeping: arbitraryBookkeeping(true),
      name: anyText(FILE_LIMITS.maxNameLength),
      created: fc.integer({ min: 0, max: 4_102_444_800_000 }),
      activePersonaId: nullable(reference(personaIds)),
      connectedType: nullable(fc.constantFrom(...CONNECTED_TYPES)),
      showCategories: fc.boolean(),
      insightSettings: fc.oneof(
        fc.constant(DEFAULT_INSIGHT_SETTINGS),
        fc.record({
          maxTouchpoints: fc.integer({ min: 1, max: 1000 }),
          maxStampShare: finite(0, 1),
          lowEmotion: fc.integer({ min: -3, max: 3 }),
        }),
      ),
    })
    .map(({ bookkeeping, ...map }): MapRecord => ({ id, type: 'map', ...map, ...bookkeeping }));

const arbitraryStage = (id: string) =>
  fc
    .record({
      bookkeeping: arbitraryBookkeeping(),
      name: anyText(FILE_LIMITS.maxNameLength),
      order: finite(-1e6, 1e6),
      width: finite(FILE_LIMITS.stageWidth.min, FILE_LIMITS.stageWidth.max),
      color: nullable(fc.constantFrom(...NOTE_COLORS)),
      category: nullable(fc.constantFrom(...EXPERIENCE_CATEGORIES)),
    })
    .map(({ bookkeeping, ...stage }): StageRecord => ({ id, type: 'stage', ...stage, ...bookkeeping }));

const arbitraryLane = (id: string) =>
  fc
    .record({
      bookkeeping: arbitraryBookkeeping(),
      name: anyText(FILE_LIMITS.maxNameLength),
      order: finite(-1e6, 1e6),
      height: finite(FILE_LIMITS.laneHeight.min, FILE_LIMITS.laneHeight.max),
      role: fc.constantFrom(...LANE_ROLES),
      hidden: fc.boolean(),
      color: nullable(fc.constantFrom(...NOTE_COLORS)),
      noteKind: nullable(fc.constantFrom(...NOTE_KINDS)),
    })
    .map(({ bookkeeping, ...lane }): LaneRecord => ({ id, type: 'lane', ...lane, ...bookkeeping }));

/** `alive`: every map keeps a live scenario. */
const arbitraryScenario = (
  id: string,
  alive: boolean,
  stageIds: readonly string[],
  scenarioIds: readonly string[],
) =>
  fc
    .record({
      bookkeeping: arbitraryBookkeeping(alive),
      name: anyText(FILE_LIMITS.maxNameLength),
      order: finite(-1e6, 1e6),
      kind: fc.constantFrom(...SCENARIO_KINDS),
      emotions: fc
        .array(fc.tuple(reference(stageIds), fc.integer({ min: -3, max: 3 })), { maxLength: 4 })
        .map((scores) => Object.fromEntries(scores)),
      basedOn: nullable(reference(scenarioIds)),
    })
    .map(
      ({ bookkeeping, ...scenario }): ScenarioRecord => ({
        id,
        type: 'scenario',
        ...scenario,
        ...bookkeeping,
      }),
    );

const arbitraryPersona = (id: string) =>
  fc
    .record({
      bookkeeping: arbitraryBookkeeping(),
      name: anyText(FILE_LIMITS.maxNameLength),
      role: anyText(200),
      goals: anyText(200),
      needs: anyText(200),
      frustrations: anyText(200),
      quote: anyText(200),
    })
    .map(
      ({ bookkeeping, ...persona }): PersonaRecord => ({ id, type: 'persona', ...persona, ...bookkeeping }),
    );

const rating = nullable(fc.integer({ min: 1, max: 5 }));

/**
 * Where a note may be: a live note in the map's live scenarios, stages and lanes; a deleted one
 * anywhere, as a tombstone may be (its scenario or stage deleted or gone, half a cell...).
 */
interface Places {
  readonly scenarios: readonly string[];
  readonly stages: readonly string[];
  readonly lanes: readonly string[];
  readonly noteIds: readonly string[];
  /** Every scenario, stage and lane id, deleted ones included. */
  readonly all: {
    readonly scenarios: readonly string[];
    readonly stages: readonly string[];
    readonly lanes: readonly string[];
  };
}

const arbitraryNote = (id: string, places: Places) =>
  fc
    .record({
      bookkeeping: arbitraryBookkeeping(),
      kind: fc.constantFrom(...NOTE_KINDS),
      scenarioId: fc.constantFrom(...places.scenarios),
      cell:
        places.stages.length > 0 && places.lanes.length > 0
          ? nullable(fc.tuple(fc.constantFrom(...places.stages), fc.constantFrom(...places.lanes)))
          : fc.constant(null),
      tombstonePlace: fc.record({
        scenarioId: reference(places.all.scenarios),
        stageId: nullable(reference(places.all.stages)),
        laneId: nullable(reference(places.all.lanes)),
      }),
      slot: fc.oneof(fc.nat(40), finite(-1e6, 1e6)),
      color: fc.constantFrom(...NOTE_COLORS),
      x: finite(-FILE_LIMITS.maxCoordinate, FILE_LIMITS.maxCoordinate),
      y: finite(-FILE_LIMITS.maxCoordinate, FILE_LIMITS.maxCoordinate),
      w: finite(NOTE_MIN_SIZE.w, NOTE_MAX_SIZE.w),
      h: finite(NOTE_MIN_SIZE.h, NOTE_MAX_SIZE.h),
      z: finite(-1e12, 1e12),
      text: anyText(300),
      channel: nullable(fc.constantFrom(...CHANNELS)),
      wow: fc.boolean(),
      ratings: nullable(fc.record({ effortless: rating, productive: rating, painless: rating })),
      origin: nullable(reference(places.noteIds)),
      conflictOf: fc.option(reference(places.noteIds), { nil: undefined }),
    })
    .map(
      ({ bookkeeping, cell, tombstonePlace, conflictOf, ...note }): NoteRecord => ({
        id,
        type: 'note',
        ...note,
        stageId: cell?.[0] ?? null,
        laneId: cell?.[1] ?? null,
        ...(bookkeeping.isDeleted ? tombstonePlace : {}),
        ...bookkeeping,
        ...(conflictOf === undefined ? {} : { conflictOf }),
      }),
    );

/**
 * A vote on records the map holds (deleted ones included), its settings holding its dots: a
 * reference to a missing record, or more dots than the settings allow, is repaired on reading.
 */
const arbitraryVote = (id: string, places: Places) =>
  fc
    .record({
      bookkeeping: arbitraryBookkeeping(),
      question: anyText(FILE_LIMITS.maxNameLength),
      scenarioId: fc.constantFrom(...places.all.scenarios),
      kinds: fc.subarray([...NOTE_KINDS]),
      stageIds: fc.subarray([...places.all.stages]),
      laneIds: fc.subarray([...places.all.lanes]),
      noteIds: fc.subarray([...places.noteIds]),
      voters: fc.integer({ min: 1, max: FILE_LIMITS.maxVoters }),
      dotsPerVoter: fc.integer({ min: 1, max: FILE_LIMITS.maxDotsPerVoter }),
      stacking: fc.boolean(),
      hidden: fc.boolean(),
      revealed: fc.boolean(),
      onPhones: fc.boolean(),
      startedAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
      ballots:
        places.noteIds.length === 0
          ? fc.constant<string[][]>([])
          : fc.array(fc.array(fc.constantFrom(...places.noteIds), { maxLength: 5 }), { maxLength: 4 }),
    })
    .map(({ bookkeeping, ballots, ...vote }): VoteRecord => {
      const counted = ballots.map((dots) => {
        const ballot: Record<string, number> = {};
        for (const noteId of dots) ballot[noteId] = (ballot[noteId] ?? 0) + 1;
        return ballot;
      });
      const most = (of: (ballot: Record<string, number>) => number) => Math.max(0, ...counted.map(of));
      return {
        id,
        type: 'vote',
        ...vote,
        voters: Math.max(vote.voters, counted.length),
        dotsPerVoter: Math.max(
          vote.dotsPerVoter,
          most((ballot) => Object.values(ballot).reduce((a, b) => a + b, 0)),
        ),
        stacking: vote.stacking || most((ballot) => Math.max(0, ...Object.values(ballot))) > 1,
        ballots: counted,
        voterIds: vote.onPhones ? counted.map((_, index) => `phone-${index}`) : [],
        ...bookkeeping,
      };
    });

/** A phone's id: what a device or a note it wrote is named by. */
const arbitraryClientId = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);

/**
 * A writing round on records the map holds (deleted ones included), its inbox notes in cells of
 * the map or in none, revealed ones linked to notes of the map.
 */
const arbitraryRound = (id: string, places: Places) => {
  const orNull = (ids: readonly string[]) => fc.option(fc.constantFrom(...ids), { nil: null });
  const inboxNote = fc.record({
    id: arbitraryClientId,
    participantId: arbitraryClientId,
    author: anyText(FILE_LIMITS.maxNameLength),
    text: anyText(FILE_LIMITS.maxTextLength),
    kind: fc.constantFrom(...NOTE_KINDS),
    stageId: places.all.stages.length === 0 ? fc.constant(null) : orNull(places.all.stages),
    laneId: places.all.lanes.length === 0 ? fc.constant(null) : orNull(places.all.lanes),
    received: fc.integer({ min: 0, max: 4_102_444_800_000 }),
    noteId: places.noteIds.length === 0 ? fc.constant(null) : orNull(places.noteIds),
  });
  return fc
    .record({
      bookkeeping: arbitraryBookkeeping(),
      prompt: anyText(FILE_LIMITS.maxNameLength),
      scenarioId: fc.constantFrom(...places.all.scenarios),
      stageId: places.all.stages.length === 0 ? fc.constant(null) : orNull(places.all.stages),
      laneId: places.all.lanes.length === 0 ? fc.constant(null) : orNull(places.all.lanes),
      kinds: fc.subarray([...NOTE_KINDS], { minLength: 1 }),
      startedAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
      endsAt: fc.option(fc.integer({ min: 0, max: 4_102_444_800_000 }), { nil: null }),
      ended: fc.boolean(),
      inbox: fc.array(inboxNote, { maxLength: 4 }),
    })
    .map(({ bookkeeping, ...round }): RoundRecord => ({ id, type: 'round', ...round, ...bookkeeping }));
};

const liveIds = (records: readonly JourneyRecord[]): string[] =>
  records.filter((record) => !record.isDeleted).map((record) => record.id);

/**
 * Any valid document: records of every type with every field anywhere in its allowed range, and
 * every live note in a live scenario and in a cell of a live stage and lane or outside the grid
 * (a deleted note anywhere), every vote and writing round on records the map holds. References that may name nothing (the active persona, origins,
 * conflict marks, a scenario's basedOn, emotion scores, a tombstone's place) sometimes do.
 */
export const arbitraryDocument = (maxNotes = 8, maxStructure = 3): fc.Arbitrary<JourneyDocument> =>
  fc
    .record({
      stages: fc.nat(maxStructure),
      lanes: fc.nat(maxStructure),
      scenarios: fc.integer({ min: 1, max: Math.max(1, maxStructure) }),
      personas: fc.nat(Math.min(2, maxStructure)),
      votes: fc.nat(Math.min(2, maxStructure)),
      rounds: fc.nat(Math.min(2, maxStructure)),
      notes: fc.nat(maxNotes),
    })
    .chain((sizes) => {
      const total =
        1 +
        sizes.stages +
        sizes.lanes +
        sizes.scenarios +
        sizes.personas +
        sizes.votes +
        sizes.rounds +
        sizes.notes;
      return fc.uniqueArray(arbitraryId, { minLength: total, maxLength: total }).map((ids) => {
        let next = 1;
        const take = (count: number) => {
          next += count;
          return ids.slice(next - count, next);
        };
        return {
          mapId: ids[0] ?? 'map',
          stageIds: take(sizes.stages),
          laneIds: take(sizes.lanes),
          scenarioIds: take(sizes.scenarios),
          personaIds: take(sizes.personas),
          voteIds: take(sizes.votes),
          roundIds: take(sizes.rounds),
          noteIds: take(sizes.notes),
        };
      });
    })
    .chain(({ mapId, stageIds, laneIds, scenarioIds, personaIds, voteIds, roundIds, noteIds }) =>
      fc
        .record({
          map: arbitraryMapRecord(mapId, personaIds),
          stages: fc.tuple(...stageIds.map(arbitraryStage)),
          lanes: fc.tuple(...laneIds.map(arbitraryLane)),
          scenarios: fc.tuple(
            ...scenarioIds.map((id, index) => arbitraryScenario(id, index === 0, stageIds, scenarioIds)),
          ),
          personas: fc.tuple(...personaIds.map(arbitraryPersona)),
        })
        .chain((structure) => {
          const places: Places = {
            scenarios: liveIds(structure.scenarios),
            stages: liveIds(structure.stages),
            lanes: liveIds(structure.lanes),
            noteIds,
            all: { scenarios: scenarioIds, stages: stageIds, lanes: laneIds },
          };
          return fc
            .record({
              votes: fc.tuple(...voteIds.map((id) => arbitraryVote(id, places))),
              rounds: fc.tuple(...roundIds.map((id) => arbitraryRound(id, places))),
              notes: fc.tuple(...noteIds.map((id) => arbitraryNote(id, places))),
            })
            .map(({ votes, rounds, notes }): JourneyDocument => {
              const records: Record<string, JourneyRecord> = { [mapId]: structure.map };
              for (const record of [
                ...structure.stages,
                ...structure.lanes,
                ...structure.scenarios,
                ...structure.personas,
                ...votes,
                ...rounds,
                ...notes,
              ])
                records[record.id] = record;
              return { id: mapId, records };
            });
        }),
    );
