import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { markShared } from '../format/document.ts';
import { parse } from '../format/parse.ts';
import { serialize } from '../format/serialize.ts';
import { sameState, stateOf } from '../format/sync-marks.ts';
import { arbitraryDocument } from '../format/test-support/maps.ts';
import { addDot, nextVoter, removeDot, revealVote, startVote } from '../journey/votes/vote-edits.ts';
import { type JourneyDocument, scenariosOf } from '../model/document.ts';
import {
  addNote,
  deleteRecords,
  type MutableDocument,
  moveNotes,
  renameMap,
  updateNote,
} from '../model/edits.ts';
import { newId } from '../model/ids.ts';
import { NOTE_KINDS } from '../model/journey-records.ts';
import { FILE_LIMITS } from '../model/limits.ts';
import { type JourneyRecord, NOTE_COLORS } from '../model/records.ts';
import { freshBookkeeping, updateRecord } from '../model/update.ts';
import { merge } from './merge.ts';
import { merged, NOTHING, reopen } from './test-support.ts';

/** One user action on one side, picking what it changes among the live records by index. */
const arbitraryAction = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    text: fc.string({ maxLength: 12 }),
    x: fc.integer({ min: -500, max: 500 }),
    scenario: fc.nat(),
    cell: fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), text: fc.string({ maxLength: 12 }) }),
  fc.record({
    kind: fc.constant('recolour' as const),
    pick: fc.nat(),
    color: fc.constantFrom(...NOTE_COLORS),
    noteKind: fc.constantFrom(...NOTE_KINDS),
  }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), dx: fc.integer({ min: -50, max: 50 }) }),
  fc.record({ kind: fc.constant('into-cell' as const), pick: fc.nat(), stage: fc.nat(), lane: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), name: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.record({
    kind: fc.constant('add-header' as const),
    type: fc.constantFrom('stage' as const, 'lane' as const),
    name: fc.string({ maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('rename-structure' as const),
    type: fc.constantFrom('stage' as const, 'lane' as const, 'scenario' as const, 'persona' as const),
    pick: fc.nat(),
    name: fc.string({ maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant('delete-header' as const),
    type: fc.constantFrom('stage' as const, 'lane' as const),
    pick: fc.nat(),
  }),
  fc.record({
    kind: fc.constant('score' as const),
    scenario: fc.nat(),
    stage: fc.nat(),
    score: fc.integer({ min: -3, max: 3 }),
  }),
  fc.record({
    kind: fc.constant('start-vote' as const),
    question: fc.string({ maxLength: 8 }),
    scenario: fc.nat(),
    stacking: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('vote' as const),
    vote: fc.nat(),
    note: fc.nat(),
    step: fc.constantFrom('add' as const, 'remove' as const, 'next' as const, 'reveal' as const),
  }),
  fc.constant({ kind: 'save' as const }),
);
type Action = typeof arbitraryAction extends fc.Arbitrary<infer A> ? A : never;

const liveOf = <T extends JourneyRecord['type']>(doc: JourneyDocument, type: T) =>
  Object.values(doc.records)
    .filter(
      (record): record is Extract<JourneyRecord, { type: T }> => record.type === type && !record.isDeleted,
    )
    .sort((a, b) => (a.id < b.id ? -1 : 1));

const pick = <T>(items: readonly T[], index: number): T | undefined =>
  items[index % Math.max(1, items.length)];

/** A side's copy after its user's actions, changing records the way the app's edits do. */
const play = (start: JourneyDocument, actions: readonly Action[]): JourneyDocument => {
  let doc: JourneyDocument = start;
  for (const action of actions) {
    if (action.kind === 'save') {
      doc = markShared(doc);
      continue;
    }
    const draft: MutableDocument = { id: doc.id, records: { ...doc.records } };
    const [stages, lanes] = [liveOf(doc, 'stage'), liveOf(doc, 'lane')];
    const note = 'pick' in action && !('type' in action) ? pick(liveOf(doc, 'note'), action.pick) : undefined;
    switch (action.kind) {
      case 'add': {
        const stage = action.cell && pick(stages, action.cell[0]);
        const lane = action.cell && pick(lanes, action.cell[1]);
        const scenarioId = pick(scenariosOf(doc), action.scenario)?.id;
        addNote(draft, {
          x: action.x,
          y: 0,
          text: action.text,
          scenarioId,
          stageId: stage?.id,
          laneId: lane?.id,
        });
        break;
      }
      case 'rename':
        renameMap(draft, action.name);
        break;
      case 'edit':
        if (note) updateNote(draft, note.id, { text: action.text });
        break;
      case 'recolour':
        if (note) updateNote(draft, note.id, { color: action.color, kind: action.noteKind });
        break;
      case 'move':
        if (note) moveNotes(draft, [note.id], action.dx, 0);
        break;
      case 'into-cell': {
        const [stage, lane] = [pick(stages, action.stage), pick(lanes, action.lane)];
        if (note && stage && lane) updateNote(draft, note.id, { stageId: stage.id, laneId: lane.id });
        break;
      }
      case 'delete':
        if (note) deleteRecords(draft, [note.id]);
        break;
      case 'add-header': {
        const id = newId();
        const fields = { ...freshBookkeeping(id), name: action.name, order: stages.length, color: null };
        draft.records[id] =
          action.type === 'stage'
            ? { ...fields, type: 'stage', width: 260, category: null }
            : { ...fields, type: 'lane', height: 160, role: 'custom', hidden: false, noteKind: null };
        break;
      }
      case 'rename-structure': {
        const record = pick(liveOf(doc, action.type), action.pick);
        if (record) draft.records[record.id] = updateRecord(record, { name: action.name });
        break;
      }
      case 'delete-header': {
        // Like the app: removing a stage or lane moves its notes out of the grid first.
        const record = action.type === 'stage' ? pick(stages, action.pick) : pick(lanes, action.pick);
        if (!record) break;
        for (const inside of liveOf(doc, 'note'))
          if (inside.stageId === record.id || inside.laneId === record.id)
            updateNote(draft, inside.id, { stageId: null, laneId: null });
        deleteRecords(draft, [record.id]);
        break;
      }
      case 'start-vote': {
        const scenario = pick(scenariosOf(doc), action.scenario);
        if (scenario)
          startVote(draft, {
            question: action.question,
            scenarioId: scenario.id,
            voters: 3,
            dotsPerVoter: 2,
            stacking: action.stacking,
          });
        break;
      }
      case 'vote': {
        const vote = pick(liveOf(doc, 'vote'), action.vote);
        const voted = pick(liveOf(doc, 'note'), action.note);
        if (!vote || !voted) break;
        if (action.step === 'add') addDot(draft, vote.id, voted.id);
        else if (action.step === 'remove') removeDot(draft, vote.id, voted.id);
        else if (action.step === 'next') nextVoter(draft, vote.id);
        else revealVote(draft, vote.id);
        break;
      }
      case 'score': {
        const scenario = pick(scenariosOf(doc), action.scenario);
        const stage = pick(stages, action.stage);
        if (scenario && stage)
          draft.records[scenario.id] = updateRecord(scenario, {
            emotions: { ...scenario.emotions, [stage.id]: action.score },
          });
        break;
      }
    }
    doc = draft;
  }
  return doc;
};

/** A shared map and two copies edited apart: the library's and one sent by email. */
const arbitraryDivergence = fc
  .record({
    base: arbitraryDocument(5, 2),
    ours: fc.array(arbitraryAction, { maxLength: 10 }),
    theirs: fc.array(arbitraryAction, { maxLength: 10 }),
  })
  .map(({ base, ours, theirs }) => {
    const library = markShared(base);
    return {
      base: library,
      local: play(library, ours),
      incoming: reopen(play(reopen(library), theirs)),
    };
  });

/** What a note says, whatever cell or position it is drawn at. */
const contentOf = (record: JourneyRecord): string =>
  record.type === 'note'
    ? JSON.stringify([
        record.text,
        record.color,
        record.w,
        record.h,
        record.kind,
        record.channel,
        record.wow,
        record.ratings,
      ])
    : '';

/** A structure record without its bookkeeping; scores set in another order are the same scores. */
const contentOfStructure = ({
  synced,
  version,
  versionNonce,
  updated,
  isDeleted,
  ...fields
}: JourneyRecord): string =>
  JSON.stringify(fields, (_, value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
      : value,
  );

const liveContents = (doc: JourneyDocument): string[] =>
  [...new Set(liveOf(doc, 'note').map(contentOf))].sort();

/** Ids of the live records of every type but notes, and of the notes either side had. */
const liveIds = (doc: JourneyDocument, sides: readonly JourneyDocument[]): string[] =>
  Object.values(doc.records)
    .filter(
      (record) =>
        !record.isDeleted && (record.type !== 'note' || sides.some((side) => record.id in side.records)),
    )
    .map((record) => record.id)
    .sort();

const untouched = (side: JourneyDocument, base: JourneyDocument, id: string): boolean => {
  const now = side.records[id];
  const then = base.records[id];
  return now !== undefined && then !== undefined && sameState(stateOf(now), stateOf(then));
};

const withinBoard = (doc: JourneyDocument): boolean =>
  Object.values(doc.records).every(
    (record) =>
      record.type !== 'note' ||
      (Math.abs(record.x) <= FILE_LIMITS.maxCoordinate && Math.abs(record.y) <= FILE_LIMITS.maxCoordinate),
  );

/**
 * A divergence whose incoming copy was also edited by hand or by another tool: some notes' text
 * changed in the file without a new version, as a text editor leaves it.
 */
const arbitraryHandEdited = fc
  .record({
    divergence: arbitraryDivergence,
    picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
    text: fc.string({ minLength: 1, maxLength: 12 }),
  })
  .map(({ divergence, picks, text }) => {
    const notes = liveOf(divergence.incoming, 'note');
    const records = { ...divergence.incoming.records };
    const edited = new Set<string>();
    for (const index of picks) {
      const note = pick(notes, index);
      if (!note || edited.has(note.id)) continue;
      edited.add(note.id);
      records[note.id] = { ...note, text: `${note.text} ${text}` };
    }
    const incoming = reopen({ id: divergence.incoming.id, records });
    return { ...divergence, incoming, edited: [...edited].map((id) => records[id] as JourneyRecord) };
  });

const RUNS = { numRuns: 400 };

// Each property runs 400 random merges of saved and reopened maps: a timeout for that work, not
// for a loaded machine.
describe('merge properties', { timeout: 60_000 }, () => {
  test('merging a map with itself changes nothing', () => {
    fc.assert(
      fc.property(arbitraryDocument(6, 2), (doc) => {
        const result = merged(merge(doc, doc));
        expect(result.document).toEqual(doc);
        expect(result.summary).toEqual(NOTHING);
      }),
      RUNS,
    );
  });

  test('merge(a, b) and merge(b, a) keep the same records alive and the same note contents', () => {
    fc.assert(
      fc.property(arbitraryDivergence, ({ local, incoming }) => {
        const [ab, ba] = [merged(merge(local, incoming)).document, merged(merge(incoming, local)).document];
        expect(liveContents(ab)).toEqual(liveContents(ba));
        expect(liveIds(ab, [local, incoming])).toEqual(liveIds(ba, [local, incoming]));
      }),
      RUNS,
    );
  });

  test('every record either side has is kept, unless the other side deleted it untouched', () => {
    fc.assert(
      fc.property(arbitraryDivergence, ({ base, local, incoming }) => {
        const result = merged(merge(local, incoming));
        const mergedMap = result.document;
        const contents = new Set(liveContents(mergedMap));
        const offered = new Map(
          result.conflicts.flatMap((conflict) =>
            conflict.kind === 'both-edited-record' ? [[conflict.localId, conflict.incoming]] : [],
          ),
        );
        for (const [side, other] of [
          [local, incoming],
          [incoming, local],
        ] as const) {
          for (const record of Object.values(side.records)) {
            if (record.isDeleted || record.type === 'map') continue;
            const { id } = record;
            const deletedByOther = other.records[id]?.isDeleted === true && untouched(side, base, id);
            expect(mergedMap.records[id]?.isDeleted, `${record.type} ${id}`).toBe(deletedByOther);
            if (untouched(side, base, id) || deletedByOther) continue;
            if (record.type === 'note') expect(contents).toContain(contentOf(record));
            else {
              // A structure record both sides edited keeps the local version; the copy's is offered.
              const candidates = [mergedMap.records[id], offered.get(id)].flatMap((candidate) =>
                candidate ? [contentOfStructure(candidate)] : [],
              );
              expect(candidates).toContain(contentOfStructure(record));
            }
          }
        }
      }),
      RUNS,
    );
  });

  test('a copy edited by hand without a new version: its text is kept, whichever side is local', () => {
    fc.assert(
      fc.property(arbitraryHandEdited, ({ local, incoming, edited }) => {
        fc.pre(edited.some((note) => local.records[note.id]?.version === note.version));
        const [ab, ba] = [merged(merge(local, incoming)).document, merged(merge(incoming, local)).document];
        for (const result of [ab, ba]) {
          const contents = new Set(liveContents(result));
          // A state names its content, so a hand edit shows only where the library still has the
          // note in the state the copy claims; where the library changed it since, neither order
          // sees the hand edit (that both agree is checked below).
          for (const note of edited) {
            const ours = local.records[note.id];
            if (ours && !ours.isDeleted && sameState(stateOf(ours), stateOf(note)))
              expect(contents).toContain(contentOf(note));
          }
        }
        expect(liveContents(ab)).toEqual(liveContents(ba));
        expect(merged(merge(ab, incoming)).document).toEqual(ab);
      }),
      RUNS,
    );
  });

  test('merging the same copy again changes nothing', () => {
    fc.assert(
      fc.property(arbitraryDivergence, ({ local, incoming }) => {
        const once = merged(merge(local, incoming));
        const twice = merged(merge(once.document, incoming));
        expect(twice.summary).toEqual(NOTHING);
        expect(twice.document).toEqual(once.document);
      }),
      RUNS,
    );
  });

  test('the merged map saves and opens without repairs: every note is where the app can show it', () => {
    fc.assert(
      fc.property(arbitraryDivergence, ({ local, incoming }) => {
        // The model does not stop a move past the board's edge; that is not merge's doing.
        fc.pre([local, incoming].every(withinBoard));
        const result = parse(
          serialize(merged(merge(local, incoming)).document, { appVersion: '0', savedAt: 1 }),
        );
        expect(result.ok && result.repairs).toEqual([]);
      }),
      RUNS,
    );
  });
});
