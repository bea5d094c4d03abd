import { describe, expect, test } from 'vitest';
import { markShared } from '../format/document.ts';
import { MAX_SYNC_MARKS } from '../format/sync-marks.ts';
import type { JourneyDocument } from '../model/document.ts';
import {
  addNote,
  deleteRecords,
  type MutableDocument,
  newMapDocument,
  renameMap,
  updateNote,
} from '../model/edits.ts';
import { merge } from './merge.ts';
import { conflictCopyOf, edit, merged, NOTHING, noteWith, reopen, send } from './test-support.ts';

/** The facilitator's map: four notes in a row. */
const workshopMap = (): JourneyDocument => {
  const base = newMapDocument('Returns journey', 1_000, 'map-returns');
  const doc: MutableDocument = { id: base.id, records: { ...base.records } };
  for (const [i, text] of [
    'Finds the returns page',
    'Prints a label',
    'Drops the parcel off',
    'Waits for the refund',
  ].entries()) {
    addNote(doc, { x: i * 200, y: 0, text }, 2_000);
  }
  return doc;
};

const liveTexts = (doc: JourneyDocument): string[] =>
  Object.values(doc.records)
    .flatMap((record) => (record.type === 'note' && !record.isDeleted ? [record.text] : []))
    .sort();

describe('merge: one side changed a record', () => {
  test("takes the copy's edit of a note the library left alone", () => {
    const { library, copy } = send(workshopMap());
    const label = noteWith(copy, 'Prints a label').id;
    const edited = edit(copy, (draft) =>
      updateNote(draft, label, { text: 'Prints a label at the post office' }),
    );
    const result = merged(merge(library, reopen(edited)));
    expect(result.summary).toEqual({ ...NOTHING, updated: 1 });
    expect(result.conflicts).toEqual([]);
    expect(result.document.records[label]).toMatchObject({ text: 'Prints a label at the post office' });
  });

  test("keeps the library's edit of a note the copy left alone", () => {
    const { library, copy } = send(workshopMap());
    const label = noteWith(library, 'Prints a label').id;
    const edited = edit(library, (draft) => updateNote(draft, label, { color: 'pink' }));
    const result = merged(merge(edited, copy));
    expect(result.summary).toEqual(NOTHING);
    expect(result.document.records[label]).toMatchObject({ color: 'pink', text: 'Prints a label' });
  });

  test('deletes what the copy deleted and the library left alone', () => {
    const { library, copy } = send(workshopMap());
    const refund = noteWith(copy, 'Waits for the refund').id;
    const result = merged(merge(library, reopen(edit(copy, (draft) => deleteRecords(draft, [refund])))));
    expect(result.summary).toEqual({ ...NOTHING, deleted: 1 });
    expect(result.document.records[refund]).toMatchObject({ isDeleted: true });
  });

  test('keeps deleted what the library deleted and the copy left alone', () => {
    const { library, copy } = send(workshopMap());
    const refund = noteWith(library, 'Waits for the refund').id;
    const result = merged(
      merge(
        edit(library, (draft) => deleteRecords(draft, [refund])),
        copy,
      ),
    );
    expect(result.summary).toEqual(NOTHING);
    expect(result.document.records[refund]).toMatchObject({ isDeleted: true });
  });

  test('adds the notes each side added', () => {
    const { library, copy } = send(workshopMap());
    const ours = edit(library, (draft) => addNote(draft, { x: 0, y: 200, text: 'Facilitator idea' }));
    const theirs = edit(copy, (draft) => {
      addNote(draft, { x: 200, y: 200, text: 'Alice: label printer broken' });
      addNote(draft, { x: 400, y: 200, text: 'Alice: parcel shop far away' });
    });
    const result = merged(merge(ours, reopen(theirs)));
    expect(result.summary).toEqual({ ...NOTHING, added: 2 });
    expect(liveTexts(result.document)).toEqual([
      'Alice: label printer broken',
      'Alice: parcel shop far away',
      'Drops the parcel off',
      'Facilitator idea',
      'Finds the returns page',
      'Prints a label',
      'Waits for the refund',
    ]);
  });

  test("takes the copy's new map name when only the copy renamed the map", () => {
    const { library, copy } = send(workshopMap());
    const result = merged(merge(library, reopen(edit(copy, (draft) => renameMap(draft, 'Returns, v2')))));
    expect(result.summary).toEqual({ ...NOTHING, updated: 1 });
    expect(result.document.records['map-returns']).toMatchObject({ name: 'Returns, v2' });
  });
});

describe('merge: both sides changed a record', () => {
  test('keeps both versions of a note both edited, the copy beside the local one, flagged, covering no note', () => {
    const { library, copy } = send(workshopMap());
    const label = noteWith(library, 'Prints a label').id;
    const ours = edit(library, (draft) =>
      updateNote(draft, label, { text: 'Prints a label (needs a printer)' }),
    );
    const theirs = edit(copy, (draft) =>
      updateNote(draft, label, { text: 'Prints a label at a friend', color: 'blue' }),
    );
    const result = merged(merge(ours, reopen(theirs), { now: 9_000 }));
    expect(result.summary).toEqual({ ...NOTHING, conflicts: 1 });
    const copyId = conflictCopyOf(result);
    expect(result.conflicts).toEqual([{ kind: 'both-edited', localId: label, incomingId: copyId }]);
    const local = result.document.records[label];
    expect(local).toMatchObject({ text: 'Prints a label (needs a printer)', x: 200, y: 0 });
    expect(result.document.records[copyId]).toMatchObject({
      type: 'note',
      text: 'Prints a label at a friend',
      color: 'blue',
      conflictOf: label,
      // The place to the right is taken by the next note of the row, so the copy goes below.
      x: 200,
      y: 0 + 120 + 20,
      z: 5,
      version: 1,
      updated: 9_000,
      isDeleted: false,
    });
  });

  test('keeps alive a note the copy deleted but the library edited, and reports it', () => {
    const { library, copy } = send(workshopMap());
    const refund = noteWith(library, 'Waits for the refund').id;
    const ours = edit(library, (draft) =>
      updateNote(draft, refund, { text: 'Waits 14 days for the refund' }),
    );
    const theirs = edit(copy, (draft) => deleteRecords(draft, [refund]));
    const result = merged(merge(ours, reopen(theirs)));
    expect(result.conflicts).toEqual([
      { kind: 'edited-here-deleted-there', localId: refund, incomingId: refund },
    ]);
    expect(result.document.records[refund]).toMatchObject({
      isDeleted: false,
      text: 'Waits 14 days for the refund',
    });
  });

  test('brings back a note the library deleted but the copy edited, and reports it', () => {
    const { library, copy } = send(workshopMap());
    const refund = noteWith(library, 'Waits for the refund').id;
    const ours = edit(library, (draft) => deleteRecords(draft, [refund]));
    const theirs = edit(copy, (draft) => updateNote(draft, refund, { text: 'Refund never came' }));
    const result = merged(merge(ours, reopen(theirs)));
    expect(result.conflicts).toEqual([
      { kind: 'deleted-here-edited-there', localId: refund, incomingId: refund },
    ]);
    expect(result.summary).toEqual({ ...NOTHING, conflicts: 1 });
    expect(result.document.records[refund]).toMatchObject({ isDeleted: false, text: 'Refund never came' });
  });

  test('is not a conflict when both made the same change', () => {
    const { library, copy } = send(workshopMap());
    const label = noteWith(library, 'Prints a label').id;
    const same = (draft: MutableDocument) => updateNote(draft, label, { text: 'Prints a QR code' });
    const result = merged(merge(edit(library, same), reopen(edit(copy, same))));
    expect(result.conflicts).toEqual([]);
    expect(liveTexts(result.document)).toContain('Prints a QR code');
    expect(liveTexts(result.document)).toHaveLength(4);
  });

  test("keeps the local map when both changed it, and offers the copy's version", () => {
    const { library, copy } = send(workshopMap());
    const ours = edit(library, (draft) => renameMap(draft, 'Returns (facilitator)'));
    const theirs = reopen(edit(copy, (draft) => renameMap(draft, 'Returns (Alice)')));
    const result = merged(merge(ours, theirs));
    expect(result.conflicts).toEqual([
      {
        kind: 'both-edited-record',
        localId: 'map-returns',
        incomingId: 'map-returns',
        recordType: 'map',
        incoming: { ...theirs.records['map-returns'], synced: undefined },
      },
    ]);
    expect(result.conflicts[0]).toMatchObject({ incoming: { name: 'Returns (Alice)' } });
    expect(result.conflicts[0]).not.toHaveProperty('incoming.synced');
    expect(result.document.records['map-returns']).toMatchObject({ name: 'Returns (facilitator)' });
  });
});

describe('merge: a workshop', () => {
  test('merging the same copy twice changes nothing the second time', () => {
    const { library, copy } = send(workshopMap());
    const label = noteWith(library, 'Prints a label').id;
    const ours = edit(library, (draft) => updateNote(draft, label, { text: 'Ours' }));
    const theirs = reopen(edit(copy, (draft) => updateNote(draft, label, { text: 'Theirs' })));
    const once = merged(merge(ours, theirs)).document;
    const twice = merged(merge(once, theirs));
    expect(twice.summary).toEqual(NOTHING);
    expect(twice.conflicts).toEqual([]);
    expect(twice.document).toEqual(once);
  });

  test('two copies come back: each change arrives, the note both edited is a conflict', () => {
    const { library, copy } = send(workshopMap());
    const [find, label, drop] = ['Finds the returns page', 'Prints a label', 'Drops the parcel off'].map(
      (text) => noteWith(library, text).id,
    ) as [string, string, string];
    const alice = reopen(
      edit(copy, (draft) => {
        updateNote(draft, find, { text: 'Finds the returns page via Google' });
        updateNote(draft, label, { text: 'Alice: label too small' });
      }),
    );
    const bob = reopen(
      edit(copy, (draft) => {
        updateNote(draft, label, { text: 'Bob: no printer at home' });
        deleteRecords(draft, [drop]);
      }),
    );
    const afterAlice = merged(merge(library, alice));
    expect(afterAlice.summary).toEqual({ ...NOTHING, updated: 2 });
    const afterBob = merged(merge(afterAlice.document, bob));
    expect(afterBob.summary).toEqual({ ...NOTHING, deleted: 1, conflicts: 1 });
    expect(afterBob.conflicts).toMatchObject([{ kind: 'both-edited', localId: label }]);
    expect(liveTexts(afterBob.document)).toEqual([
      'Alice: label too small',
      'Bob: no printer at home',
      'Finds the returns page via Google',
      'Waits for the refund',
    ]);
  });

  test(`the library can change a note and save ${MAX_SYNC_MARKS - 1} times before an untouched copy of it conflicts`, () => {
    const { library, copy } = send(workshopMap());
    const label = noteWith(library, 'Prints a label').id;
    let ours = library;
    for (let save = 1; save < MAX_SYNC_MARKS; save++) {
      ours = markShared(edit(ours, (draft) => updateNote(draft, label, { text: `Draft ${save}` })));
    }
    const theirs = reopen(edit(copy, (draft) => addNote(draft, { x: 0, y: 300, text: 'Unrelated' })));
    const result = merged(merge(ours, theirs));
    expect(result.conflicts).toEqual([]);
    expect(result.document.records[label]).toMatchObject({ text: `Draft ${MAX_SYNC_MARKS - 1}` });
  });

  test('after more saves than it remembers, the untouched copy conflicts instead of being lost', () => {
    const { library, copy } = send(workshopMap());
    const label = noteWith(library, 'Prints a label').id;
    let ours = library;
    for (let save = 1; save <= MAX_SYNC_MARKS; save++) {
      ours = markShared(edit(ours, (draft) => updateNote(draft, label, { text: `Draft ${save}` })));
    }
    const result = merged(merge(ours, copy));
    expect(result.conflicts).toMatchObject([{ kind: 'both-edited', localId: label }]);
    expect(liveTexts(result.document)).toContain('Prints a label');
  });

  test('a second round: the copy merges the new map, edits again, and only the new edits come back', () => {
    const first = send(workshopMap());
    const label = noteWith(first.library, 'Prints a label').id;
    const drop = noteWith(first.library, 'Drops the parcel off').id;
    const alice = edit(first.copy, (draft) => updateNote(draft, label, { text: 'Alice round 1' }));
    const round1 = merged(merge(first.library, reopen(alice))).document;
    const facilitator = edit(round1, (draft) => updateNote(draft, drop, { text: 'Drops it at the locker' }));
    const second = send(facilitator);
    const aliceUpdated = merged(merge(alice, second.copy));
    expect(aliceUpdated.summary).toEqual({ ...NOTHING, updated: 1 });
    const alice2 = edit(aliceUpdated.document, (draft) =>
      updateNote(draft, label, { text: 'Alice round 2' }),
    );
    const back = merged(merge(second.library, reopen(alice2)));
    expect(back.conflicts).toEqual([]);
    expect(back.summary).toEqual({ ...NOTHING, updated: 1 });
    expect(back.document.records[label]).toMatchObject({ text: 'Alice round 2' });
    expect(back.document.records[drop]).toMatchObject({ text: 'Drops it at the locker' });
  });

  test('adds a record that shares an id with a record of another kind under a new id', () => {
    const { library, copy } = send(workshopMap());
    const label = noteWith(library, 'Prints a label').id;
    const map = library.records['map-returns'];
    if (!map) throw new Error('no map record');
    const clash = { ...library, records: { ...library.records, [label]: { ...map, id: label } } };
    const result = merged(merge(clash, copy));
    expect(result.summary).toEqual({ ...NOTHING, added: 1 });
    expect(result.document.records[label]).toMatchObject({ type: 'map' });
    const renamed = Object.values(result.document.records).filter((record) => !(record.id in clash.records));
    expect(renamed).toMatchObject([{ type: 'note', text: 'Prints a label' }]);
    // The new id is derived from the old one: merging the same copy again adds nothing.
    const again = merged(merge(result.document, copy));
    expect(again.summary).toEqual(NOTHING);
    expect(again.document).toEqual(result.document);
  });

  test('refuses a copy of a different map', () => {
    expect(merge(workshopMap(), newMapDocument('Other', 1, 'other-map'))).toEqual({
      ok: false,
      error: {
        kind: 'different-map',
        message: 'This file holds a different map, so it cannot be merged into this one.',
      },
    });
  });
});
