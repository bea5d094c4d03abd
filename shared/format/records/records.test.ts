import { describe, expect, test } from 'vitest';
import { addNote, deleteRecords, type MutableDocument, newMapDocument } from '../../model/edits.ts';
import { ID_PATTERN } from '../limits.ts';
import { COLLECTIONS, MAP_SPEC } from './registry.ts';

describe('record schemas', () => {
  test('accept the records the model makes', () => {
    const base = newMapDocument('Workshop', 1_000);
    const doc: MutableDocument = { id: base.id, records: { ...base.records } };
    const note = addNote(doc, { x: 1.5, y: -20, text: 'Hello', color: 'purple' });
    deleteRecords(doc, [addNote(doc, { x: 0, y: 0 }).id]);
    expect(MAP_SPEC.validate(doc.records[doc.id]).success).toBe(true);
    const [notes] = COLLECTIONS;
    for (const record of Object.values(doc.records)) {
      if (record.type === 'note') expect(notes.spec.validate(record)).toMatchObject({ success: true });
    }
    expect(notes.spec.validate(note)).toEqual({ success: true, data: note });
  });

  test("refuse ids named like Object.prototype's properties", () => {
    for (const name of Object.getOwnPropertyNames(Object.prototype))
      expect(ID_PATTERN.test(name)).toBe(false);
    expect(ID_PATTERN.test('V1StGXR8_Z5jdHi6B-myT')).toBe(true);
    expect(ID_PATTERN.test('constructorX')).toBe(true);
  });
});
