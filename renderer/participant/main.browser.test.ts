/**
 * The room's Content-Security-Policy forbids eval, and zod probes for it with `new Function`
 * when it builds an object schema unless told not to: loading the participant page (which
 * builds the protocol's schemas) must construct no Function at all.
 */
import { expect, it } from 'vitest';
import { functionsConstructedWhile } from '../test-support/constructed-functions.ts';

it('loads the participant page without constructing a Function', async () => {
  // The test page has no #root, so the entry stops right after its imports have run.
  const constructed = await functionsConstructedWhile(() =>
    expect(import('./main.tsx')).rejects.toThrow('index.html has no #root'),
  );
  expect(constructed).toEqual([]);
});
