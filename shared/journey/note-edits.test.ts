import { expect, it } from 'vitest';
import { addNote, type MutableDocument, newMapDocument } from '../model/edits.ts';
import { rateTouchpoints, setNoteKind, stepChannel, toggleNoteKind, toggleStamp } from './note-edits.ts';

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

const mapWith = (...texts: string[]) => {
  const base = newMapDocument('Toner');
  const doc: MutableDocument = { id: base.id, records: { ...base.records } };
  return { doc, ids: texts.map((text) => addNote(doc, { x: 0, y: 0, text }).id) };
};

it('a kind key gives the kind, and pressed again on notes of that kind makes them plain notes', () => {
  const { doc, ids } = mapWith('Order page', 'Delivery');
  toggleNoteKind(doc, ids.slice(0, 1), 'quote');
  toggleNoteKind(doc, ids, 'quote');
  expect(ids.map((id) => doc.records[id])).toMatchObject([{ kind: 'quote' }, { kind: 'quote' }]);
  toggleNoteKind(doc, ids, 'quote');
  expect(ids.map((id) => doc.records[id])).toMatchObject([
    { kind: 'note', color: 'yellow' },
    { kind: 'note', color: 'yellow' },
  ]);
});

it('channel, stamp and ratings change touchpoints only', () => {
  const { doc, ids } = mapWith('Order page', 'Angry call');
  const [touchpoint = '', plain = ''] = ids;
  setNoteKind(doc, [touchpoint], 'touchpoint');
  stepChannel(doc, ids, 1);
  expect(doc.records[touchpoint]).toMatchObject({ channel: 'in-person' });
  stepChannel(doc, ids, 1);
  expect(doc.records[touchpoint]).toMatchObject({ channel: 'phone' });
  stepChannel(doc, ids, -1);
  stepChannel(doc, ids, -1);
  expect(doc.records[touchpoint]).toMatchObject({ channel: null });
  stepChannel(doc, ids, -1);
  expect(doc.records[touchpoint]).toMatchObject({ channel: 'other' });

  toggleStamp(doc, ids);
  expect(doc.records[touchpoint]).toMatchObject({ wow: true });
  toggleStamp(doc, ids);
  expect(doc.records[touchpoint]).toMatchObject({ wow: false });

  rateTouchpoints(doc, ids, 'productive', 4);
  expect(doc.records[touchpoint]).toMatchObject({
    ratings: { effortless: null, productive: 4, painless: null },
  });
  rateTouchpoints(doc, ids, 'productive', null);
  expect(doc.records[touchpoint]).toMatchObject({
    ratings: { effortless: null, productive: null, painless: null },
  });
  expect(doc.records[plain]).toMatchObject({ kind: 'note', channel: null, wow: false, ratings: null });
});
