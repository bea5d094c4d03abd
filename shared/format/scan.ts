/**
 * Checks on untrusted JSON made without recursion, so no input can exhaust the stack.
 */

export type NestingScan =
  | 'ok'
  | 'too-deep'
  | 'cut-off'
  /** An object holds more keys than any object of a map file may. */
  | 'too-many-keys'
  /** Scenario `scenario` (from 1) holds more emotion scores than the limit. */
  | { readonly tooManyEmotions: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

export interface ScanLimits {
  readonly maxDepth: number;
  readonly maxEmotions: number;
  readonly maxKeys: number;
  readonly maxRecords: number;
}

/** Depths in a file: the envelope's members, a scenario's members, the scores in `emotions`. */
const ENVELOPE = 1;
const SCENARIO = 3;
const EMOTIONS = 4;

/**
 * Walks the raw text once, counting how deep objects and arrays nest (brackets inside strings
 * do not count). Reports 'cut-off' when the text ends inside a string or an open bracket, which
 * is what a truncated file looks like. Also counts the keys of each scenario's `emotions`
 * (one colon each at that depth), stopping just past `maxEmotions`, and the keys of every
 * object, stopping just past `maxKeys` (`maxRecords` for the records of an old backup file,
 * `document.records`, an object keyed by id): JSON.parse alone takes seconds on an object of a
 * million keys, so that file must be refused before it. O(length).
 */
export const scanNesting = (text: string, limits: ScanLimits): NestingScan => {
  const { maxDepth, maxEmotions, maxKeys, maxRecords } = limits;
  // Keys seen so far in the object open at each depth (arrays count none), and their limit.
  const keys = new Uint32Array(maxDepth + 2);
  const keyLimits = new Uint32Array(maxDepth + 2).fill(maxKeys);
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  let stringEnd = 0;
  let envelopeKey = '';
  let documentKey = '';
  let scenarioKey = '';
  let scenarios = 0;
  let emotions = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) {
        inString = false;
        stringEnd = i;
      }
    } else if (c === QUOTE) {
      inString = true;
      stringStart = i;
    } else if (c === COLON) {
      const seen = (keys[depth] ?? 0) + 1;
      if (seen > (keyLimits[depth] ?? maxKeys)) return 'too-many-keys';
      keys[depth] = seen;
      if (depth === ENVELOPE) envelopeKey = keyText(text, stringStart, stringEnd);
      else if (depth === ENVELOPE + 1 && envelopeKey === 'document')
        documentKey = keyText(text, stringStart, stringEnd);
      else if (depth === SCENARIO && envelopeKey === 'scenarios')
        scenarioKey = keyText(text, stringStart, stringEnd);
      else if (depth === EMOTIONS && emotions >= 0 && ++emotions > maxEmotions)
        return { tooManyEmotions: scenarios };
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) return 'too-deep';
      keys[depth] = 0;
      keyLimits[depth] =
        depth === ENVELOPE + 2 && envelopeKey === 'document' && documentKey === 'records'
          ? maxRecords
          : maxKeys;
      if (envelopeKey !== 'scenarios') continue;
      if (depth === SCENARIO) {
        scenarioKey = '';
        if (c === OPEN_BRACE) scenarios++;
      } else if (depth === EMOTIONS && c === OPEN_BRACE && scenarioKey === 'emotions') emotions = 0;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === EMOTIONS) emotions = -1;
      depth--;
    }
  }
  return inString || depth > 0 ? 'cut-off' : 'ok';
};

/** A key as JSON.parse reads it; only a key with an escape needs decoding. */
const keyText = (text: string, start: number, end: number): string => {
  const raw = text.slice(start + 1, end);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(text.slice(start, end + 1)) as string;
  } catch {
    return raw;
  }
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
