import { describe, expect, test } from 'vitest';
import { merge } from '../merge/merge.ts';
import { merged, NOTHING } from '../merge/test-support.ts';
import { newMapDocument } from '../model/edits.ts';
import { parse } from './parse.ts';
import { serialize } from './serialize.ts';

/** A saved two-note map whose second note has the id of the first, as a hand-merge leaves it. */
const duplicatedIdsFile = (): string => {
  const doc = newMapDocument('Dupes', 1_000, 'map-dupes');
  const text = serialize(doc, { appVersion: '0', savedAt: 1 });
  const file = JSON.parse(text);
  const scenarioId = file.scenarios[0].id;
  const note = (text: string) => ({
    id: 'same-id',
    color: 'yellow',
    x: 0,
    y: 0,
    z: 1,
    text,
    version: 1,
    versionNonce: 1,
    updated: 1,
  });
  file.notes = [{ scenarioId, stageId: null, laneId: null, notes: [note('first'), note('second')] }];
  return JSON.stringify(file);
};

/** One file, opened again and again. */
const FILE = duplicatedIdsFile();
const duplicatedIds = (): string => FILE;

const opened = (text: string) => {
  const result = parse(text);
  if (!result.ok) throw new Error(result.error.message);
  return result;
};

describe('repairs are the same for every reader', () => {
  test('two opens of a file with duplicate ids give the same map', () => {
    const [a, b] = [opened(duplicatedIds()), opened(duplicatedIds())];
    expect(a.document).toEqual(b.document);
    expect(Object.keys(a.document.records)).toContain('same-id');
    expect(a.repairs).toEqual(['Gave 1 note that shared an id with another record a new id.']);
  });

  test('merging a reopened copy with duplicate ids again changes nothing', () => {
    const library = opened(duplicatedIds()).document;
    const once = merged(merge(library, opened(duplicatedIds()).document));
    expect(once.summary).toEqual(NOTHING);
    const twice = merged(merge(once.document, opened(duplicatedIds()).document));
    expect(twice.document).toEqual(once.document);
  });

  test('a map record marked deleted is made live again and reported', () => {
    const file = JSON.parse(
      serialize(newMapDocument('Gone', 1_000, 'map-gone'), { appVersion: '0', savedAt: 1 }),
    );
    file.map.isDeleted = true;
    const result = opened(JSON.stringify(file));
    expect(result.document.records['map-gone']?.isDeleted).toBe(false);
    expect(result.repairs).toEqual(['Restored the map record, which was marked as deleted.']);
  });
});
