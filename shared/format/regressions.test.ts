import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { openSafely } from './test-support/hostile.ts';

/**
 * Every file that once broke parse, kept so it never breaks again. A file is named
 * <what went wrong>.<expected outcome>.<extension>, the outcome being `ok` or an error kind.
 */
const REGRESSIONS = fileURLToPath(new URL('../../test/fixtures/regressions/', import.meta.url));

const cases = readdirSync(REGRESSIONS).map((name) => ({ name, expected: name.split('.').at(-2) }));

test('there are regression files to open', () => {
  expect(cases.length).toBeGreaterThan(0);
});

test.each(cases)('$name opens as it should', ({ name, expected }) => {
  const result = openSafely(readFileSync(`${REGRESSIONS}${name}`));
  expect(result.ok ? 'ok' : result.error.kind).toBe(expected);
});
