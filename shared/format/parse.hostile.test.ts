import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import {
  arbitraryBackupText,
  casesRun,
  mapTextPool,
  openSafely,
  placeIn,
  replaceAt,
} from './test-support/hostile.ts';
import { HOSTILE_CASES } from './test-support/hostile-budget.ts';

/**
 * Damaged copies of valid maps: cut short, bytes changed, values of the wrong type, numbers
 * out of range, huge strings. None may throw, take over 2 s, or open as an unsound map.
 */

const runs = (numRuns: number) => ({ numRuns });
const TIMEOUT = 60_000;
const mapText = mapTextPool(400, 1);
const anyValidText = fc.oneof(
  { arbitrary: mapText, weight: 4 },
  { arbitrary: fc.constantFrom(...fc.sample(arbitraryBackupText(), { numRuns: 100, seed: 2 })), weight: 1 },
);

/** Any byte, or one that keeps the text valid UTF-8 and means something in JSON. */
const byte = fc.oneof(
  fc.integer({ min: 0, max: 255 }),
  fc.constantFrom(...'{}[]":,\\0123456789-+.eE tfn'.split('').map((char) => char.charCodeAt(0))),
);

describe('parse survives damaged maps', () => {
  test(
    'cut short anywhere: refused, unless only trailing space was cut',
    () => {
      fc.assert(
        fc.property(anyValidText, fc.nat(), (text, at) => {
          const cut = text.slice(0, at % (text.length + 1));
          const result = openSafely(cut, false);
          expect(result.ok).toBe(cut.trim() === text.trim());
        }),
        runs(15_000),
      );
    },
    TIMEOUT,
  );

  test(
    'bytes flipped anywhere',
    () => {
      fc.assert(
        fc.property(
          anyValidText,
          fc.array(fc.tuple(fc.nat(), byte), { minLength: 1, maxLength: 4 }),
          (text, flips) => {
            const bytes = new TextEncoder().encode(text);
            for (const [at, value] of flips) bytes[at % bytes.length] = value;
            openSafely(bytes);
          },
        ),
        runs(20_000),
      );
    },
    TIMEOUT,
  );

  test(
    'any value replaced by a value of another type, or removed',
    () => {
      const replacement = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.constant(undefined),
        fc.constantFrom(null, true, '', 0, -1, [], {}, 'note', 'yellow', '__proto__'),
      );
      fc.assert(
        fc.property(mapText, fc.nat(), replacement, (text, pick, value) => {
          openSafely(JSON.stringify(replaceAt(text, placeIn(text, pick), value)));
        }),
        runs(20_000),
      );
    },
    TIMEOUT,
  );

  test(
    'any number replaced by an extreme or non-finite one',
    () => {
      const extreme = fc.constantFrom(
        '1e999',
        '-1e999',
        '1e308',
        '-1.7976931348623157e308',
        '5e-324',
        '-0',
        '0.1',
        '9007199254740993',
        '-9007199254740993',
        '10000000',
        '10000000.000000002',
        '-10000001',
        '2147483648',
        '1e21',
      );
      fc.assert(
        fc.property(mapText, fc.nat(), extreme, (text, pick, literal) => {
          const place = placeIn(text, pick, (value) => typeof value === 'number');
          const marked = JSON.stringify(replaceAt(text, place, '@@number@@'));
          openSafely(marked.replace('"@@number@@"', literal));
        }),
        runs(10_000),
      );
    },
    TIMEOUT,
  );

  test(
    'any value replaced by a huge string',
    () => {
      fc.assert(
        fc.property(
          mapText,
          fc.nat(),
          fc.integer({ min: 10_001, max: 200_000 }),
          fc.constantFrom('x', 'é', '😕', '"', '\\', '\u0000'),
          (text, pick, length, unit) => {
            openSafely(JSON.stringify(replaceAt(text, placeIn(text, pick), unit.repeat(length))));
          },
        ),
        runs(500),
      );
    },
    TIMEOUT,
  );
});

afterAll(() => {
  // Each hostile test file's share of the 100,000 cases: see test-support/hostile-budget.ts.
  expect(casesRun()).toBeGreaterThanOrEqual(HOSTILE_CASES['parse.hostile.test.ts']);
});
