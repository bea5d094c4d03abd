import { produce } from 'immer';
import { describe, expect, test } from 'vitest';
import { stagesOf } from '../journey/layout.ts';
import { addHeader } from '../journey/structure-edits.ts';
import { liveNotesByZ, scenariosOf } from './document.ts';
import { addNote, deleteRecords, type MutableDocument, newMapDocument } from './edits.ts';
import { recordsOfType } from './records-by-type.ts';

const mapWithNotes = (texts: readonly string[]): MutableDocument => {
  const fresh = newMapDocument('Index');
  const doc: MutableDocument = { id: fresh.id, records: { ...fresh.records } };
  for (const [index, text] of texts.entries()) addNote(doc, { x: index * 200, y: 0, text });
  return doc;
};

describe('records by type', () => {
  test('gives each type its records, deleted ones included, and nothing for a type the map has none of', () => {
    const doc = mapWithNotes(['One', 'Two', 'Three']);
    const [first] = liveNotesByZ(doc);
    if (!first) throw new Error('the map has notes');
    deleteRecords(doc, [first.id]);
    expect(recordsOfType(doc, 'note').map((note) => note.text)).toEqual(
      expect.arrayContaining(['One', 'Two', 'Three']),
    );
    expect(recordsOfType(doc, 'note')).toHaveLength(3);
    expect(recordsOfType(doc, 'map')).toHaveLength(1);
    expect(recordsOfType(doc, 'vote')).toEqual([]);
    expect(liveNotesByZ(doc).map((note) => note.text)).toEqual(['Two', 'Three']);
  });

  test('a records object still being edited is read afresh each time', () => {
    const doc = mapWithNotes(['Before']);
    expect(recordsOfType(doc, 'note')).toHaveLength(1);
    addNote(doc, { x: 400, y: 0, text: 'Added to the same object' });
    expect(recordsOfType(doc, 'note')).toHaveLength(2);
    const stageId = addHeader(doc, 'stage', 'Purchase');
    expect(stagesOf(doc).map((stage) => stage.id)).toContain(stageId);
  });

  test('every edit the board makes (immer, frozen) is seen: inside the recipe and in the document it gives', () => {
    const start = produce(mapWithNotes(['First']), () => undefined);
    expect(Object.isFrozen(start.records)).toBe(true);
    expect(recordsOfType(start, 'note')).toHaveLength(1);
    const seenInside: number[] = [];
    const next = produce(start, (draft) => {
      seenInside.push(recordsOfType(draft, 'note').length);
      addNote(draft, { x: 200, y: 0, text: 'Second' });
      seenInside.push(recordsOfType(draft, 'note').length);
      addHeader(draft, 'stage', 'Onboarding');
    });
    expect(seenInside).toEqual([1, 2]);
    expect(recordsOfType(next, 'note')).toHaveLength(2);
    expect(stagesOf(next).map((stage) => stage.name)).toEqual(['Onboarding']);
    // The earlier document is unchanged and still answers for itself.
    expect(recordsOfType(start, 'note')).toHaveLength(1);
    expect(stagesOf(start)).toEqual([]);
    expect(scenariosOf(next)).toEqual(scenariosOf(start));
  });
});
