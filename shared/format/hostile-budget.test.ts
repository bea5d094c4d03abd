import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { HOSTILE_CASES, REQUIRED_HOSTILE_CASES } from './test-support/hostile-budget.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));

test('the hostile-input tests open over 100,000 generated files in all', () => {
  const total = Object.values(HOSTILE_CASES).reduce((sum, cases) => sum + cases, 0);
  expect(total).toBeGreaterThanOrEqual(REQUIRED_HOSTILE_CASES);
});

test('every hostile-input test file has its share, and every share a file', () => {
  const files = readdirSync(HERE).filter((name) => /^parse\.hostile.*\.test\.ts$/.test(name));
  expect(files.sort()).toEqual(Object.keys(HOSTILE_CASES).sort());
});
