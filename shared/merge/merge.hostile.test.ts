import { describe, expect, test } from 'vitest';
import { markShared } from '../format/document.ts';
import { firstScenarioId, type JourneyDocument } from '../model/document.ts';
import { addNote, type MutableDocument, newMapDocument } from '../model/edits.ts';
import { FILE_LIMITS } from '../model/limits.ts';
import type { JourneyRecord, NoteColor, NoteRecord } from '../model/records.ts';
import { updateRecord } from '../model/update.ts';
import { merge } from './merge.ts';
import { edit, merged, NOTHING, pileMap, reopen, send, stage } from './test-support.ts';

/**
 * What any map merge returns must satisfy for the app to open, lay out and merge it again,
 * checked here by hand rather than by the reader's schema (which accepts what it accepts).
 */
const problemsOf = (doc: JourneyDocument): string[] => {
  const problems: string[] = [];
  const records = Object.entries(doc.records);
  if (records.length > FILE_LIMITS.maxRecords) problems.push(`${records.length} records`);
  const map = doc.records[doc.id];
  if (map?.type !== 'map') problems.push('no map record');
  else if (map.isDeleted) problems.push('the map record is deleted');
  const cells = new Map<string, number>();
  for (const [key, record] of records) {
    if (key !== record.id) problems.push(`${record.id} filed under ${key}`);
    if (record.version > FILE_LIMITS.maxVersion) problems.push(`${record.id} at version ${record.version}`);
    for (const [field, value] of Object.entries(record))
      if (typeof value === 'number' && !Number.isFinite(value))
        problems.push(`${record.id}.${field} = ${value}`);
    if (record.type !== 'note' || record.isDeleted) continue;
    if (Math.abs(record.x) > FILE_LIMITS.maxCoordinate || Math.abs(record.y) > FILE_LIMITS.maxCoordinate)
      problems.push(`${record.id} off the board`);
    if (Math.abs(record.slot) > FILE_LIMITS.maxSlot) problems.push(`${record.id} at slot ${record.slot}`);
    if (record.stageId === null) continue;
    const cell = `${record.scenarioId}/${record.stageId}/${record.laneId}`;
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  for (const [cell, count] of cells)
    if (count > FILE_LIMITS.maxNotesPerCell) problems.push(`${count} notes in ${cell}`);
  return problems;
};

const notesOf = (doc: JourneyDocument): NoteRecord[] =>
  Object.values(doc.records).filter((record): record is NoteRecord => record.type === 'note');

/** Every note changed the way the app changes it (a new version), with `change`. */
const changeEveryNote = (
  doc: JourneyDocument,
  change: (note: NoteRecord) => Partial<Pick<NoteRecord, 'color' | 'text'>>,
) =>
  edit(doc, (draft) => {
    for (const note of notesOf(doc)) draft.records[note.id] = updateRecord(note, change(note));
  });

/** A map with a stage and lane, `count` notes in their cell at slots `slotOf(i)`. */
const cellMap = (count: number, slotOf: (i: number) => number): JourneyDocument => {
  const doc: MutableDocument = { ...newMapDocument('Cell', 1_000, 'map-cell') };
  doc.records = { ...doc.records, s: stage('s', 'Stage', 0) };
  const { width: _width, category: _category, ...fields } = stage('l', 'Lane', 0);
  doc.records.l = { ...fields, type: 'lane', height: 160, role: 'custom', hidden: false, noteKind: null };
  const scenarioId = firstScenarioId(doc);
  for (let i = 0; i < count; i++)
    addNote(
      doc,
      { x: 0, y: 0, text: `n${i}`, scenarioId, stageId: 's', laneId: 'l', slot: slotOf(i) },
      2_000,
      i + 1,
    );
  return doc;
};

const recoloured = (doc: JourneyDocument, color: NoteColor) => changeEveryNote(doc, () => ({ color }));

describe('merge of hostile copies', () => {
  test('10,000 piled notes both sides recoloured: every copy placed, within the limits', () => {
    const { library, copy } = send(pileMap(10_000));
    const incoming = reopen(recoloured(copy, 'pink'));
    const result = merged(merge(recoloured(library, 'blue'), incoming));
    expect(result.summary).toEqual({ ...NOTHING, conflicts: 10_000 });
    expect(problemsOf(result.document)).toEqual([]);
    const copies = notesOf(result.document).filter((note) => note.conflictOf !== undefined);
    expect(copies).toHaveLength(10_000);
    expect(new Set(copies.map((note) => note.color))).toEqual(new Set(['pink']));
    // Merging the same copy again changes nothing.
    expect(merged(merge(result.document, incoming)).document).toEqual(result.document);
  }, 60_000);

  test('refuses, changing nothing, a merge that would hold more records than a map may', () => {
    const half = Math.floor(FILE_LIMITS.maxRecords / 2);
    const { library, copy } = send(pileMap(half));
    const local = recoloured(library, 'blue');
    const result = merge(local, recoloured(copy, 'pink'));
    expect(result).toMatchObject({ ok: false, error: { kind: 'too-large' } });
    // Every record of the library, and a conflict copy of each note.
    const total = Object.keys(local.records).length + half;
    expect(total).toBeGreaterThan(FILE_LIMITS.maxRecords);
    if (!result.ok)
      expect(result.error.message).toBe(
        `Merging this copy would give the map ${total.toLocaleString('en-US')} records (deleted ones included), past the limit of ${FILE_LIMITS.maxRecords.toLocaleString('en-US')} that Journeywall can open, so nothing was merged.`,
      );
  }, 60_000);

  test('refuses a merge that would put more notes in one cell than a cell may hold', () => {
    const count = Math.ceil(FILE_LIMITS.maxNotesPerCell / 2) + 1;
    const { library, copy } = send(cellMap(count, (i) => i));
    const result = merge(recoloured(library, 'blue'), reopen(recoloured(copy, 'pink')));
    expect(result).toMatchObject({ ok: false, error: { kind: 'too-large' } });
    if (!result.ok) expect(result.error.message).toContain('notes in one cell');
  });

  test('a copy placed between two huge slots, or after the last slot, gets a finite slot within the limit', () => {
    const top = Number.MAX_VALUE;
    const both = (doc: JourneyDocument, text: string) =>
      changeEveryNote(doc, (note) => ({ text: note.text + text }));
    const copySlots = (start: JourneyDocument) => {
      const { library, copy } = send(start);
      const result = merged(merge(both(library, ' ours'), both(copy, ' theirs')));
      return notesOf(result.document)
        .flatMap((note) => (note.conflictOf ? [note.slot] : []))
        .sort((a, b) => a - b);
    };
    // Halfway between top / 2 and top is not (top / 2 + top) / 2, which is Infinity.
    expect(copySlots(cellMap(2, (i) => (i === 0 ? top / 2 : top)))).toEqual([top / 4 + top / 2, top]);
    expect(copySlots(cellMap(1, () => FILE_LIMITS.maxSlot))).toEqual([FILE_LIMITS.maxSlot]);
  });

  test('a note moved out of a deleted stage at the highest version stays at it', () => {
    const start = cellMap(1, () => 0);
    const [note] = notesOf(start);
    if (!note) throw new Error('no note');
    const { library, copy } = send(
      edit(start, (draft) => {
        draft.records[note.id] = { ...note, version: FILE_LIMITS.maxVersion };
      }),
    );
    const stageGone = edit(copy, (draft) => {
      draft.records.s = updateRecord(copy.records.s as JourneyRecord, { isDeleted: true });
    });
    const result = merged(merge(library, reopen(stageGone)));
    expect(result.summary.notesMoved).toBe(1);
    expect(result.document.records[note.id]).toMatchObject({
      stageId: null,
      version: FILE_LIMITS.maxVersion,
    });
    expect(problemsOf(result.document)).toEqual([]);
  });

  test('a copy whose map record is deleted never deletes the map', () => {
    const { library, copy } = send(pileMap(2));
    const map = copy.records[copy.id] as JourneyRecord;
    const deleted = edit(copy, (draft) => {
      draft.records[copy.id] = updateRecord(map, { isDeleted: true });
    });
    for (const result of [merged(merge(library, deleted)), merged(merge(deleted, library))]) {
      expect(result.document.records[library.id]?.isDeleted).toBe(false);
      expect(result.summary.deleted).toBe(0);
      expect(problemsOf(result.document)).toEqual([]);
    }
  });

  test('a note of the copy under a local stage id is added once, however often the copy is merged', () => {
    const library = markShared(cellMap(1, () => 0));
    const copy = edit(library, (draft) => {
      addNote(draft, { x: 0, y: 0, text: 'clash', scenarioId: firstScenarioId(library) });
      const added = notesOf(draft).find((note) => note.text === 'clash') as NoteRecord;
      delete draft.records[added.id];
      draft.records.s = { ...added, id: 's' };
    });
    const once = merged(merge(library, copy));
    expect(once.summary).toEqual({ ...NOTHING, added: 1 });
    expect(once.document.records.s).toMatchObject({ type: 'stage' });
    const twice = merged(merge(once.document, copy));
    expect(twice.summary).toEqual(NOTHING);
    expect(twice.document).toEqual(once.document);
    expect(notesOf(twice.document).filter((note) => note.text === 'clash')).toHaveLength(1);
    expect(problemsOf(twice.document)).toEqual([]);
  });

  test("a stage of the copy under a note's id keeps its notes when it is renamed", () => {
    const library = markShared(cellMap(1, () => 0));
    const [note] = notesOf(library);
    if (!note) throw new Error('no note');
    // The copy has a stage under the id of the library's note, and a note in it.
    const copy = edit(library, (draft) => {
      draft.records[note.id] = { ...stage(note.id, 'Clash', 1) };
      draft.records.inside = { ...note, id: 'inside', text: 'inside', stageId: note.id };
    });
    const result = merged(merge(library, copy));
    const inside = result.document.records.inside;
    if (inside?.type !== 'note' || inside.stageId === null) throw new Error('inside left its stage');
    expect(result.document.records[inside.stageId]).toMatchObject({ type: 'stage', name: 'Clash' });
    expect(result.document.records[note.id]).toMatchObject({ type: 'note' });
    expect(merged(merge(result.document, copy)).document).toEqual(result.document);
  });

  test('a copy edited by hand (same version, other text) is a conflict whichever side is local', () => {
    const { library, copy } = send(pileMap(1));
    const [note] = notesOf(copy);
    if (!note) throw new Error('no note');
    const handEdited = edit(copy, (draft) => {
      draft.records[note.id] = { ...note, text: 'changed by hand' };
    });
    const texts = (doc: JourneyDocument) =>
      notesOf(doc)
        .filter((record) => !record.isDeleted)
        .map((record) => record.text)
        .sort();
    const ab = merged(merge(library, handEdited));
    const ba = merged(merge(handEdited, library));
    expect(ab.summary).toEqual({ ...NOTHING, conflicts: 1 });
    expect(texts(ab.document)).toEqual(['changed by hand', 'note 0']);
    expect(texts(ba.document)).toEqual(texts(ab.document));
    // Again: the copy made for it is found, not made twice.
    const again = merged(merge(ab.document, handEdited));
    expect(again.summary).toEqual(NOTHING);
    expect(again.document).toEqual(ab.document);
  });
});
