/**
 * The desktop shell's Content-Security-Policy forbids eval, and Chromium reports every refused
 * attempt as a violation. zod probes for eval with `new Function` when it builds an object
 * schema, so loading the renderer entry (which imports every module and builds every schema)
 * must construct no Function at all.
 */
import { expect, it } from 'vitest';

it('loads the renderer entry without constructing a Function', async () => {
  const original = globalThis.Function;
  const constructed: unknown[][] = [];
  globalThis.Function = new Proxy(original, {
    construct(target, args, newTarget) {
      constructed.push(args);
      return Reflect.construct(target, args, newTarget);
    },
    apply(target, thisArg, args) {
      constructed.push(args);
      return Reflect.apply(target, thisArg, args);
    },
  });
  try {
    // The test page has no #root, so the entry stops right after its imports have run.
    await expect(import('./main.tsx')).rejects.toThrow('index.html has no #root');
  } finally {
    globalThis.Function = original;
  }
  expect(constructed).toEqual([]);
});
