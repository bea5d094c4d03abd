import { expect, it } from 'vitest';
import { addNote, newMapDocument, updateNote } from '../../shared/model/edits.ts';
import { countNotes } from '../../shared/model/note-counts.ts';
import { diffRecords } from '../persistence/record-diff.ts';
import { createBoardStore } from './index.ts';

it('knows which records the edits since a snapshot changed, through undo and redo, and nothing more', () => {
  const store = createBoardStore();
  const { changes } = store.getState();
  store.getState().loadDocument(newMapDocument('Toner'));
  const loaded = store.getState().doc?.records;
  if (!loaded) throw new Error('no document');
  let first = '';
  store.getState().edit('Add', (draft) => {
    first = addNote(draft, { x: 0, y: 0, text: 'a' }).id;
  });
  const saved = store.getState().doc?.records ?? loaded;
  let second = '';
  store.getState().edit('Add', (draft) => {
    second = addNote(draft, { x: 0, y: 0, text: 'b' }).id;
  });
  store.getState().edit('Edit', (draft) => updateNote(draft, first, { text: 'a2' }));
  store.getState().undo();
  const current = store.getState().doc?.records ?? loaded;
  expect(changes.changedSince(saved, current)).toEqual(new Set([second, first]));
  expect(changes.changedSince(saved, loaded)).toBeNull();

  // Counting from the edits gives what counting the whole map gives.
  const full = diffRecords(saved, current);
  const fromEdits = diffRecords(saved, current, countNotes(saved), changes);
  expect(fromEdits.notes).toEqual(full.notes);
  expect(full.notes.total).toBe(2);
  expect(new Set(fromEdits.changed.map((record) => record.id))).toEqual(
    new Set(full.changed.map((record) => record.id)),
  );
});

it("keeps each store's steps to itself: another store knows none of them", () => {
  const store = createBoardStore();
  const other = createBoardStore();
  expect(other.getState().changes).not.toBe(store.getState().changes);
  store.getState().loadDocument(newMapDocument('Toner'));
  const before = store.getState().doc?.records ?? {};
  store.getState().edit('Add', (draft) => {
    addNote(draft, { x: 0, y: 0, text: 'a' });
  });
  const after = store.getState().doc?.records ?? {};
  expect(store.getState().changes.changedSince(before, after)?.size).toBe(1);
  expect(other.getState().changes.changedSince(before, after)).toBeNull();
});
