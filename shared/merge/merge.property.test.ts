import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { markShared, type SyncedDocument, type SyncedRecord } from '../format/document.ts';
import { FILE_LIMITS } from '../format/limits.ts';
import { parse } from '../format/parse.ts';
import { serialize } from '../format/serialize.ts';
import { sameState, stateOf } from '../format/sync-marks.ts';
import { arbitraryDocument } from '../format/test-support/maps.ts';
import {
  addNote,
  deleteRecords,
  type MutableDocument,
  moveNotes,
  renameMap,
  updateNote,
} from '../model/edits.ts';
import { NOTE_COLORS } from '../model/records.ts';
import { merge } from './merge.ts';

/** One user action on one side, picking its note among the live ones by index. */
const arbitraryAction = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    text: fc.string({ maxLength: 12 }),
    x: fc.integer({ min: -500, max: 500 }),
  }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), text: fc.string({ maxLength: 12 }) }),
  fc.record({
    kind: fc.constant('recolour' as const),
    pick: fc.nat(),
    color: fc.constantFrom(...NOTE_COLORS),
  }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), dx: fc.integer({ min: -50, max: 50 }) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), name: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.constant({ kind: 'save' as const }),
);
type Action = typeof arbitraryAction extends fc.Arbitrary<infer A> ? A : never;

const liveNoteIds = (doc: SyncedDocument): string[] =>
  Object.values(doc.records)
    .filter((record) => record.type === 'note' && !record.isDeleted)
    .map((record) => record.id)
    .sort();

/** A side's copy after its user's actions, through the model's edits like the app. */
const play = (start: SyncedDocument, actions: readonly Action[]): SyncedDocument => {
  let doc: SyncedDocument = start;
  for (const action of actions) {
    if (action.kind === 'save') {
      doc = markShared(doc);
      continue;
    }
    const draft: MutableDocument = { id: doc.id, records: { ...doc.records } };
    const ids = liveNoteIds(doc);
    const picked = 'pick' in action && ids.length > 0 ? ids[action.pick % ids.length] : undefined;
    if (action.kind === 'add') addNote(draft, { x: action.x, y: 0, text: action.text });
    else if (action.kind === 'rename') renameMap(draft, action.name);
    else if (picked === undefined) continue;
    else if (action.kind === 'edit') updateNote(draft, picked, { text: action.text });
    else if (action.kind === 'recolour') updateNote(draft, picked, { color: action.color });
    else if (action.kind === 'move') moveNotes(draft, [picked], action.dx, 0);
    else deleteRecords(draft, [picked]);
    doc = draft;
  }
  return doc;
};

const throughFile = (doc: SyncedDocument): SyncedDocument => {
  const result = parse(serialize(doc, { appVersion: '0.1.0', savedAt: 1 }));
  if (!result.ok) throw new Error(result.error.message);
  return result.document;
};

/** A shared map and two copies edited apart: the library's and one sent by email. */
const arbitraryDivergence = fc
  .record({
    base: arbitraryDocument(6),
    ours: fc.array(arbitraryAction, { maxLength: 10 }),
    theirs: fc.array(arbitraryAction, { maxLength: 10 }),
  })
  .map(({ base, ours, theirs }) => {
    const library = markShared(base);
    return {
      base: library,
      local: play(library, ours),
      incoming: throughFile(play(throughFile(library), theirs)),
    };
  });

const mergedDocument = (local: SyncedDocument, incoming: SyncedDocument) => {
  const result = merge(local, incoming);
  if (!result.ok) throw new Error(result.error.message);
  return result;
};

const contentOf = (record: SyncedRecord): string =>
  record.type === 'note' ? JSON.stringify([record.text, record.color, record.w, record.h]) : '';

const liveContents = (doc: SyncedDocument): string[] =>
  [
    ...new Set(
      Object.values(doc.records).flatMap((r) => (r.type === 'note' && !r.isDeleted ? [contentOf(r)] : [])),
    ),
  ].sort();

const untouched = (side: SyncedDocument, base: SyncedDocument, id: string): boolean => {
  const now = side.records[id];
  const then = base.records[id];
  return now !== undefined && then !== undefined && sameState(stateOf(now), stateOf(then));
};

const withinBoard = (doc: SyncedDocument): boolean =>
  Object.values(doc.records).every(
    (record) =>
      record.type !== 'note' ||
      (Math.abs(record.x) <= FILE_LIMITS.maxCoordinate && Math.abs(record.y) <= FILE_LIMITS.maxCoordinate),
  );

const RUNS = { numRuns: 400 };

describe('merge properties', () => {
  test('merging a map with itself changes nothing', () => {
    fc.assert(
      fc.property(arbitraryDocument(8), (doc) => {
        const result = mergedDocument(doc, doc);
        expect(result.document).toEqual(doc);
        expect(result.summary).toEqual({ added: 0, updated: 0, deleted: 0, conflicts: 0 });
      }),
      RUNS,
    );
  });

  test('the notes after merge(a, b) have the same contents as after merge(b, a)', () => {
    fc.assert(
      fc.property(arbitraryDivergence, ({ local, incoming }) => {
        expect(liveContents(mergedDocument(local, incoming).document)).toEqual(
          liveContents(mergedDocument(incoming, local).document),
        );
      }),
      RUNS,
    );
  });

  test('every note either side has is kept, unless the other side deleted it untouched', () => {
    fc.assert(
      fc.property(arbitraryDivergence, ({ base, local, incoming }) => {
        const result = mergedDocument(local, incoming).document;
        const contents = new Set(liveContents(result));
        for (const [side, other] of [
          [local, incoming],
          [incoming, local],
        ] as const) {
          for (const id of liveNoteIds(side)) {
            const deletedByOther = other.records[id]?.isDeleted === true && untouched(side, base, id);
            expect(result.records[id]?.isDeleted, `note ${id}`).toBe(deletedByOther);
            const note = side.records[id];
            if (note && !untouched(side, base, id) && !deletedByOther)
              expect(contents).toContain(contentOf(note));
          }
        }
      }),
      RUNS,
    );
  });

  test('merging the same copy again changes nothing', () => {
    fc.assert(
      fc.property(arbitraryDivergence, ({ local, incoming }) => {
        const once = mergedDocument(local, incoming);
        const twice = mergedDocument(once.document, incoming);
        expect(twice.summary).toEqual({ added: 0, updated: 0, deleted: 0, conflicts: 0 });
        expect(twice.document).toEqual(once.document);
      }),
      RUNS,
    );
  });

  test('the merged map saves and opens without repairs', () => {
    fc.assert(
      fc.property(arbitraryDivergence, ({ local, incoming }) => {
        // The model does not stop a move past the board's edge; that is not merge's doing.
        fc.pre([local, incoming].every(withinBoard));
        const result = parse(
          serialize(mergedDocument(local, incoming).document, { appVersion: '0', savedAt: 1 }),
        );
        expect(result.ok && result.repairs).toEqual([]);
      }),
      RUNS,
    );
  });
});
