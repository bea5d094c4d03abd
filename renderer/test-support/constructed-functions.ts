/**
 * For the CSP tests (not used by the app): every Function constructed while `load` runs. A page
 * whose CSP forbids eval must construct none: Chromium reports each refused attempt as a violation.
 */
export const functionsConstructedWhile = async (load: () => Promise<unknown>): Promise<unknown[][]> => {
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
    await load();
  } finally {
    globalThis.Function = original;
  }
  return constructed;
};
