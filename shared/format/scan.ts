/**
 * Checks on untrusted JSON made without recursion, so no input can exhaust the stack.
 */

export type NestingScan = 'ok' | 'too-deep' | 'cut-off';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * Walks the raw text once, counting how deep objects and arrays nest (brackets inside strings
 * do not count). Reports 'cut-off' when the text ends inside a string or an open bracket, which
 * is what a truncated file looks like.
 */
export const scanNesting = (text: string, maxDepth: number): NestingScan => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) return 'too-deep';
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return inString || depth > 0 ? 'cut-off' : 'ok';
};

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The first key anywhere in a parsed JSON value that could reach an object's prototype. */
export const findForbiddenKey = (root: unknown): string | undefined => {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return key;
      pending.push((value as Record<string, unknown>)[key]);
    }
  }
  return undefined;
};
