import { describe, expect, test } from 'vitest';
import type { JourneyRecord } from '../model/records.ts';
import { contentOf, sameContent, sameValue } from './record-content.ts';

const scenario = (fields: Record<string, unknown>) =>
  ({
    id: 'c',
    type: 'scenario',
    name: 'Current',
    order: 0,
    kind: 'current',
    basedOn: null,
    version: 1,
    versionNonce: 1,
    updated: 0,
    isDeleted: false,
    ...fields,
  }) as unknown as JourneyRecord;

describe('what a user sees of a record', () => {
  test('emotion scores set in another order are the same scores; a changed score is not', () => {
    const a = scenario({ emotions: { s1: 2, s2: -1 } });
    const b = scenario({ emotions: { s2: -1, s1: 2 }, version: 7, versionNonce: 9, synced: [[1, 1]] });
    expect(sameContent(a, b)).toBe(true);
    expect(contentOf(a)).toBe(contentOf(b));
    const c = scenario({ emotions: { s1: 2, s2: 0 } });
    expect(sameContent(a, c)).toBe(false);
    expect(contentOf(a)).not.toBe(contentOf(c));
  });

  test('an absent field and an undefined one are the same; null is a value', () => {
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: null }, { a: 1 })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });

  test('the text leaves out the bookkeeping and sorts keys', () => {
    expect(contentOf(scenario({ emotions: { z: 1, a: 2 } }))).toBe(
      '{"basedOn":null,"emotions":{"a":2,"z":1},"kind":"current","name":"Current","order":0,"type":"scenario"}',
    );
  });
});
