/**
 * The desktop shell's Content-Security-Policy forbids eval, and Chromium reports every refused
 * attempt as a violation. zod probes for eval with `new Function` when it builds an object
 * schema, so loading the renderer entry (which imports every module and builds every schema)
 * must construct no Function at all.
 */
import { expect, it } from 'vitest';
import { functionsConstructedWhile } from './test-support/constructed-functions.ts';

it('loads the renderer entry without constructing a Function', async () => {
  // The test page has no #root, so the entry stops right after its imports have run.
  const constructed = await functionsConstructedWhile(() =>
    expect(import('./main.tsx')).rejects.toThrow('index.html has no #root'),
  );
  expect(constructed).toEqual([]);
});
