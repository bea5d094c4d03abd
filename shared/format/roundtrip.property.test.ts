import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { markShared } from './document.ts';
import { parse } from './parse.ts';
import { COLLECTIONS, MAP_SPEC } from './records/registry.ts';
import { serialize } from './serialize.ts';
import { arbitraryDocument } from './test-support/maps.ts';

const SAVE = { appVersion: '0.1.0', savedAt: 1_718_000_000_000 };
const RUNS = { numRuns: 1_000 };
/** A thousand generated maps take seconds on a loaded machine; the property, not the clock, is tested. */
const PROPERTY_TIMEOUT_MS = 60_000;

const reopen = (input: string | Uint8Array) => {
  const result = parse(input);
  if (!result.ok) throw new Error(result.error.message);
  return result;
};

describe('save then open', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  test('gives back the saved map exactly, without repairs', () => {
    fc.assert(
      fc.property(arbitraryDocument(8, 2), fc.boolean(), (doc, asBytes) => {
        const saved = markShared(doc);
        const text = serialize(saved, SAVE);
        const result = reopen(asBytes ? new TextEncoder().encode(text) : text);
        expect(result.repairs).toEqual([]);
        expect(result.document).toEqual(saved);
      }),
      RUNS,
    );
  });

  test('of a map never saved before remembers its states as shared, as saving would', () => {
    fc.assert(
      fc.property(arbitraryDocument(8, 2), (doc) => {
        expect(reopen(serialize(doc, SAVE)).document).toEqual(markShared(doc));
      }),
      RUNS,
    );
  });

  test('and save again writes the same text', () => {
    fc.assert(
      fc.property(arbitraryDocument(8, 2), (doc) => {
        const text = serialize(markShared(doc), SAVE);
        expect(serialize(reopen(text).document, SAVE)).toBe(text);
      }),
      RUNS,
    );
  });
});

describe('the maps these tests save', () => {
  test('hold every field of every record type, away from its default', () => {
    const specs = [MAP_SPEC, ...COLLECTIONS.map(({ spec }) => spec)];
    const unseen = new Set(
      specs.flatMap((spec) => Object.keys(spec.schema.shape).map((field) => `${spec.type}.${field}`)),
    );
    const defaults = new Map(
      specs.flatMap((spec) =>
        Object.entries(spec.schema.shape).flatMap(([field, schema]) =>
          schema instanceof z.ZodDefault
            ? [[`${spec.type}.${field}`, JSON.stringify(schema.def.defaultValue)]]
            : [],
        ),
      ),
    );
    for (const doc of fc.sample(arbitraryDocument(8, 2), { numRuns: 300, seed: 11 }))
      for (const record of Object.values(doc.records))
        for (const [field, value] of Object.entries(record)) {
          const key = `${record.type}.${field}`;
          if (value !== undefined && defaults.get(key) !== JSON.stringify(value)) unseen.delete(key);
        }
    // The map record itself is never deleted: deleting a map removes it from the library.
    expect([...unseen]).toEqual(['map.isDeleted']);
  });
});
