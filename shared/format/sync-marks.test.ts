import { describe, expect, test } from 'vitest';
import { addNote, newMapDocument, updateNote } from '../model/edits.ts';
import { markShared, markWrittenShared } from './document.ts';
import { knowsState, MAX_SYNC_MARKS, marksBeforeCurrent, type SyncedBase, withMarks } from './sync-marks.ts';

const record = (synced?: SyncedBase['synced']): SyncedBase => ({
  id: 'n',
  version: 5,
  versionNonce: 50,
  updated: 0,
  isDeleted: false,
  ...(synced ? { synced } : {}),
});

describe('sync marks', () => {
  test('a record knows its current state and the states it shared', () => {
    const known = record([[3, 30]]);
    expect(knowsState(known, [5, 50])).toBe(true);
    expect(knowsState(known, [3, 30])).toBe(true);
    expect(knowsState(known, [3, 31])).toBe(false);
    expect(knowsState(known, [4, 30])).toBe(false);
  });

  test('marks are kept oldest first, without repeats, the newest few only', () => {
    const marked = withMarks(record([[2, 20]]), [
      [4, 40],
      [1, 10],
      [2, 20],
      [4, 40],
      [3, 30],
      [5, 50],
    ]);
    expect(marked.synced).toEqual(
      [
        [1, 10],
        [2, 20],
        [3, 30],
        [4, 40],
        [5, 50],
      ].slice(-MAX_SYNC_MARKS),
    );
  });

  test('adding what a record already knows returns the same record', () => {
    const known = record([[3, 30]]);
    expect(withMarks(known, [[3, 30]])).toBe(known);
  });

  test('a file leaves out the current state, which the record itself shows', () => {
    expect(
      marksBeforeCurrent(
        record([
          [3, 30],
          [5, 50],
        ]),
      ),
    ).toEqual([[3, 30]]);
  });

  test('markShared remembers every current state, and changes nothing the second time', () => {
    const doc = newMapDocument('Map', 1, 'map-id');
    const marked = markShared(doc);
    expect(marked.records['map-id']?.synced).toEqual([[1, doc.records['map-id']?.versionNonce]]);
    expect(markShared(marked)).toBe(marked);
  });

  test('a file written while the map was being edited: the edit stays, the written state is remembered', () => {
    const written = newMapDocument('Toner', 1);
    const note = addNote(written, { x: 0, y: 0, text: 'Order page' }, 1);
    const current = { id: written.id, records: { ...written.records } };
    updateNote(current, note.id, { text: 'Order page with guest checkout' });
    const marked = markWrittenShared(current, written);
    const after = marked.records[note.id];
    expect(after?.type === 'note' && after.text).toBe('Order page with guest checkout');
    expect(after && knowsState(after, [note.version, note.versionNonce])).toBe(true);
    expect(markWrittenShared(marked, written)).toBe(marked);
  });
});
