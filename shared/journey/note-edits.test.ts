import { expect, it } from 'vitest';
import { addNote, type MutableDocument, newMapDocument } from '../model/edits.ts';
import { setNoteKind } from './note-edits.ts';

it('gives a note its kind and the kind’s colour, and drops touchpoint marks when it stops being one', () => {
  const base = newMapDocument('Toner');
  const doc: MutableDocument = { id: base.id, records: { ...base.records } };
  const note = addNote(doc, { x: 0, y: 0, text: 'Order page' });
  setNoteKind(doc, [note.id], 'touchpoint');
  expect(doc.records[note.id]).toMatchObject({ kind: 'touchpoint', color: 'blue' });
  doc.records[note.id] = {
    ...(doc.records[note.id] as typeof note),
    kind: 'touchpoint',
    channel: 'web',
    wow: true,
  };
  setNoteKind(doc, [note.id], 'breakdown');
  expect(doc.records[note.id]).toMatchObject({
    kind: 'breakdown',
    color: 'pink',
    channel: null,
    wow: false,
    ratings: null,
  });
});
