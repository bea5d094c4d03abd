import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { FILE_LIMITS } from '../model/limits.ts';
import { CURRENT_FORMAT_VERSION } from './envelope.ts';
import {
  arbitraryBackupText,
  arbitraryMapText,
  casesRun,
  mapTextPool,
  openSafely,
  pathsIn,
  placeIn,
  replaceAt,
  valueAt,
} from './test-support/hostile.ts';
import { HOSTILE_CASES } from './test-support/hostile-budget.ts';

/**
 * Files built to hurt: deep nesting, duplicate ids, prototype keys, future versions, and
 * anything that is not a map at all. None may throw, take over 2 s, or open unsoundly.
 */

const runs = (numRuns: number) => ({ numRuns });
const TIMEOUT = 60_000;
const mapText = mapTextPool(400, 3);

const opened = (input: string) => {
  const result = openSafely(input);
  if (!result.ok) throw new Error(result.error.message);
  return result;
};

describe('parse survives hostile files', () => {
  test(
    'random valid maps and backups open without repairs',
    () => {
      fc.assert(
        fc.property(fc.oneof(arbitraryMapText(5), arbitraryBackupText(5)), (text) => {
          expect(opened(text).repairs).toEqual([]);
        }),
        runs(4_000),
      );
    },
    TIMEOUT,
  );

  test(
    'nesting up to 100,000 deep anywhere is refused',
    () => {
      const depth = fc.oneof(
        fc.integer({ min: FILE_LIMITS.maxDepth, max: 200 }),
        fc.integer({ min: 200, max: 100_000 }),
        fc.constant(100_000),
      );
      fc.assert(
        fc.property(
          mapText,
          fc.nat(),
          depth,
          fc.constantFrom(['[', ']'], ['{"a":', '}']),
          (text, pick, levels, [open, close]) => {
            const nested = `${open.repeat(levels)}0${close.repeat(levels)}`;
            const mutated = JSON.stringify(replaceAt(text, placeIn(text, pick), '@@deep@@')).replace(
              '"@@deep@@"',
              nested,
            );
            const result = openSafely(mutated);
            expect(result.ok).toBe(false);
          },
        ),
        runs(2_000),
      );
    },
    TIMEOUT,
  );

  test(
    'notes sharing an id all open, under ids of their own',
    () => {
      fc.assert(
        fc.property(
          mapText,
          fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 5 }),
          (text, copies) => {
            const file = JSON.parse(text);
            // Notes are listed in groups by place; a copy goes into the group of its source.
            const groups: { notes: { id: string; text: string }[] }[] = file.notes;
            const listed = groups.flatMap((group, index) => group.notes.map((note) => ({ index, note })));
            fc.pre(listed.length > 0);
            for (const [from, to, words] of copies) {
              const source = listed[from % listed.length];
              const target = listed[to % listed.length];
              if (source && target)
                groups[source.index]?.notes.push({
                  ...source.note,
                  id: target.note.id,
                  text: `${source.note.text}${words}`,
                });
            }
            const result = opened(JSON.stringify(file));
            const texts = Object.values(result.document.records).flatMap((record) =>
              record.type === 'note' ? [record.text] : [],
            );
            // Exact copies (same place, same fields) are dropped; every other note is kept.
            const distinct = new Set(
              groups.flatMap((group, index) => group.notes.map((note) => JSON.stringify([index, note]))),
            );
            expect(texts.sort()).toEqual([...distinct].map((entry) => JSON.parse(entry)[1].text).sort());
          },
        ),
        runs(5_000),
      );
    },
    TIMEOUT,
  );

  test(
    'a prototype key anywhere is refused and reaches no prototype',
    () => {
      fc.assert(
        fc.property(
          mapText,
          fc.nat(),
          fc.constantFrom('__proto__', 'constructor', 'prototype'),
          (text, pick, key) => {
            const root = JSON.parse(text);
            const objects = [root, ...pathsIn(root).map((path) => valueAt(root, path))].filter(
              (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
            );
            const target = objects[pick % objects.length];
            Object.defineProperty(target, key, { value: { polluted: true }, enumerable: true });
            const result = openSafely(JSON.stringify(root));
            expect(result).toEqual({
              ok: false,
              error: {
                kind: 'damaged',
                message: `This map file is damaged: it contains the forbidden name "${key}".`,
              },
            });
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          },
        ),
        runs(10_000),
      );
    },
    TIMEOUT,
  );

  test(
    'a newer format is refused with its number; an invalid one is damage',
    () => {
      const newer = fc.integer({ min: CURRENT_FORMAT_VERSION + 1, max: Number.MAX_SAFE_INTEGER });
      const invalid = fc.constantFrom(
        '0',
        '-1',
        '1.5',
        '"2"',
        'null',
        'true',
        '[]',
        '{}',
        '1e999',
        '9007199254740993',
      );
      fc.assert(
        fc.property(mapText, fc.oneof(newer, invalid), (text, version) => {
          const file = { ...JSON.parse(text), formatVersion: '@@version@@', stages: [{ id: 'future' }] };
          const result = openSafely(JSON.stringify(file).replace('"@@version@@"', String(version)));
          if (typeof version === 'number') {
            expect(result).toEqual({
              ok: false,
              error: {
                kind: 'newer-version',
                message: `This map was made with a newer version of Journeywall (format ${version}). Update Journeywall to open it.`,
              },
            });
          } else expect(result.ok || result.error.kind).toBe('damaged');
        }),
        runs(5_000),
      );
    },
    TIMEOUT,
  );

  test(
    'any JSON that is not a map is refused as not a map',
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          const result = openSafely(JSON.stringify(value) ?? '');
          expect(result.ok || result.error.kind).toBe('not-a-map');
        }),
        runs(10_000),
      );
    },
    TIMEOUT,
  );

  test(
    'any text or bytes are refused',
    () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.uint8Array({ maxLength: 2000 })), (input) => {
          expect(openSafely(input).ok).toBe(false);
        }),
        runs(5_000),
      );
    },
    TIMEOUT,
  );
});

afterAll(() => {
  // Each hostile test file's share of the 100,000 cases: see test-support/hostile-budget.ts.
  expect(casesRun()).toBeGreaterThanOrEqual(HOSTILE_CASES['parse.hostile-shapes.test.ts']);
});
