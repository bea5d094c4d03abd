import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addNote, deleteRecords, type MutableDocument, newMapDocument } from '../../model/edits.ts';
import { ID_PATTERN } from '../../model/limits.ts';
import { arbitraryDocument } from '../test-support/maps.ts';
import { COLLECTIONS, MAP_SPEC } from './registry.ts';

const validatorOf = (type: string) =>
  type === 'map' ? MAP_SPEC.validate : COLLECTIONS.find(({ spec }) => spec.type === type)?.spec.validate;

describe('record schemas', () => {
  test('accept the records the model makes, unchanged', () => {
    const base = newMapDocument('Workshop', 1_000);
    const doc: MutableDocument = { id: base.id, records: { ...base.records } };
    addNote(doc, { x: 1.5, y: -20, text: 'Hello', color: 'purple', kind: 'touchpoint', channel: 'web' });
    deleteRecords(doc, [addNote(doc, { x: 0, y: 0 }).id]);
    for (const record of Object.values(doc.records))
      expect(validatorOf(record.type)?.(record)).toEqual({ success: true, data: record });
  });

  test('accept every valid record of every type, unchanged', () => {
    fc.assert(
      fc.property(arbitraryDocument(4), (doc) => {
        for (const record of Object.values(doc.records))
          expect(validatorOf(record.type)?.(record)).toEqual({ success: true, data: record });
      }),
      { numRuns: 50 },
    );
  });

  test('give every field a word for messages', () => {
    for (const spec of [MAP_SPEC, ...COLLECTIONS.map((collection) => collection.spec)]) {
      const fields = Object.keys(spec.schema.shape).filter((field) => field !== 'type');
      expect(
        fields.filter((field) => spec.fieldWords[field] === undefined),
        spec.noun,
      ).toEqual([]);
    }
  });

  test("refuse ids named like Object.prototype's properties", () => {
    for (const name of Object.getOwnPropertyNames(Object.prototype))
      expect(ID_PATTERN.test(name)).toBe(false);
    expect(ID_PATTERN.test('V1StGXR8_Z5jdHi6B-myT')).toBe(true);
    expect(ID_PATTERN.test('constructorX')).toBe(true);
  });
});
