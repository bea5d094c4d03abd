import { describe, expect, it } from 'vitest';
import { liveNotesByZ, mapRecordOf, scenariosOf } from './document.ts';
import {
  addNote,
  bringToFront,
  deleteRecords,
  insertCopies,
  type MutableDocument,
  moveNotes,
  newMapDocument,
  nextNotePosition,
  renameMap,
  updateNote,
} from './edits.ts';
import { NOTE_MAX_SIZE, NOTE_MIN_SIZE, type NoteRecord } from './records.ts';

const blank = (): MutableDocument => {
  const doc = newMapDocument('Home printer toner: current', 1000);
  return { id: doc.id, records: { ...doc.records } };
};

const note = (doc: MutableDocument, id: string): NoteRecord => {
  const record = doc.records[id];
  if (record?.type !== 'note') throw new Error(`no note ${id}`);
  return record;
};

describe('a new map', () => {
  it('holds its map record and the Current and Ideal scenarios, named and versioned', () => {
    const doc = newMapDocument('Toner', 1234);
    expect(mapRecordOf(doc)).toMatchObject({
      type: 'map',
      name: 'Toner',
      created: 1234,
      version: 1,
      isDeleted: false,
    });
    expect(scenariosOf(doc).map((scenario) => [scenario.name, scenario.kind])).toEqual([
      ['Current', 'current'],
      ['Ideal', 'ideal'],
    ]);
    expect(Object.keys(doc.records)).toHaveLength(3);
  });

  it('renames, keeping the old name when the new one is blank', () => {
    const doc = blank();
    renameMap(doc, '  Toner: ideal ');
    expect(mapRecordOf(doc).name).toBe('Toner: ideal');
    expect(mapRecordOf(doc).version).toBe(2);
    renameMap(doc, '   ');
    expect(mapRecordOf(doc).name).toBe('Toner: ideal');
  });
});

describe('notes', () => {
  it('are added on top of the others with a fresh id and version 1', () => {
    const doc = blank();
    const first = addNote(doc, { x: 0, y: 0, text: 'Sees an ad' });
    const second = addNote(doc, { x: 10, y: 10, text: 'Visits the website', color: 'blue' });
    expect(first.id).not.toBe(second.id);
    expect(second.z).toBeGreaterThan(first.z);
    expect(second).toMatchObject({ version: 1, isDeleted: false, color: 'blue', w: 180, h: 120 });
  });

  it('bump their version on every change and not on a no-op', () => {
    const doc = blank();
    const { id } = addNote(doc, { x: 0, y: 0, text: 'a' });
    updateNote(doc, id, { text: 'b' });
    expect(note(doc, id)).toMatchObject({ text: 'b', version: 2 });
    const before = note(doc, id);
    updateNote(doc, id, { text: 'b' });
    expect(note(doc, id)).toBe(before);
  });

  it('clamp sizes to the allowed range', () => {
    const doc = blank();
    const { id } = addNote(doc, { x: 0, y: 0, w: 5, h: 99999 });
    expect(note(doc, id)).toMatchObject({ w: NOTE_MIN_SIZE.w, h: NOTE_MAX_SIZE.h });
    updateNote(doc, id, { w: 300.4 });
    expect(note(doc, id).w).toBe(300);
  });

  it('move together and keep their tombstone when deleted', () => {
    const doc = blank();
    const a = addNote(doc, { x: 0, y: 0 });
    const b = addNote(doc, { x: 100, y: 50 });
    moveNotes(doc, [a.id, b.id], 5, -5);
    expect([note(doc, a.id).x, note(doc, a.id).y, note(doc, b.id).x, note(doc, b.id).y]).toEqual([
      5, -5, 105, 45,
    ]);
    deleteRecords(doc, [a.id, doc.id]);
    expect(note(doc, a.id).isDeleted).toBe(true);
    expect(mapRecordOf(doc).isDeleted).toBe(false);
    expect(liveNotesByZ(doc).map((n) => n.id)).toEqual([b.id]);
  });

  it('come to the front in their own order', () => {
    const doc = blank();
    const a = addNote(doc, { x: 0, y: 0 });
    const b = addNote(doc, { x: 0, y: 0 });
    const c = addNote(doc, { x: 0, y: 0 });
    bringToFront(doc, [b.id, a.id]);
    expect(liveNotesByZ(doc).map((n) => n.id)).toEqual([c.id, a.id, b.id]);
  });

  it('copy with new ids, offset, keeping text and colour', () => {
    const doc = blank();
    const a = addNote(doc, { x: 0, y: 0, text: 'Orders toner', color: 'pink' });
    const [copyId] = insertCopies(doc, [a], 20, 30);
    expect(copyId).toBeDefined();
    expect(copyId).not.toBe(a.id);
    expect(note(doc, copyId as string)).toMatchObject({ x: 20, y: 30, text: 'Orders toner', color: 'pink' });
  });
});

describe('a run of typed notes', () => {
  it('goes left to right and wraps after five', () => {
    const start = { x: 0, y: 0, w: 100, h: 80 };
    const positions = [start];
    for (let run = 0; run < 6; run++) {
      const previous = positions[positions.length - 1] as typeof start;
      positions.push({ ...previous, ...nextNotePosition(previous, run) });
    }
    expect(positions.map((p) => [p.x, p.y])).toEqual([
      [0, 0],
      [120, 0],
      [240, 0],
      [360, 0],
      [480, 0],
      [0, 100],
      [120, 100],
    ]);
  });
});
