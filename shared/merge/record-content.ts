import type { JourneyRecord } from '../model/records.ts';

/** The fields that say which state a record is in, not what a user sees of it. */
export const BOOKKEEPING: ReadonlySet<string> = new Set([
  'id',
  'version',
  'versionNonce',
  'updated',
  'isDeleted',
  'synced',
]);

/**
 * Whether two values are the same to a user: objects with the same keys and values in any
 * order, absent and undefined fields alike. Walks both without allocating, since a merge
 * compares every record the two sides share.
 */
export const sameValue = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!sameValue(a[index], b[index])) return false;
    return true;
  }
  return sameFields(a as Record<string, unknown>, b as Record<string, unknown>, NOTHING_SKIPPED);
};

const NOTHING_SKIPPED: ReadonlySet<string> = new Set();

const sameFields = (
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  skip: ReadonlySet<string>,
): boolean => {
  let fieldsOfA = 0;
  for (const key in a) {
    if (!Object.hasOwn(a, key) || skip.has(key) || a[key] === undefined) continue;
    fieldsOfA++;
    if (!Object.hasOwn(b, key) || !sameValue(a[key], b[key])) return false;
  }
  let fieldsOfB = 0;
  for (const key in b) if (Object.hasOwn(b, key) && !skip.has(key) && b[key] !== undefined) fieldsOfB++;
  return fieldsOfA === fieldsOfB;
};

/** Whether a user would see the same record in both: every field but the bookkeeping. */
export const sameContent = (a: JourneyRecord, b: JourneyRecord): boolean =>
  sameFields(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>, BOOKKEEPING);

/**
 * What a user sees of a record as text, for deriving ids from it: every field but the
 * bookkeeping, as JSON with the keys of every object sorted (emotion scores set in another order
 * are the same scores) and absent fields left out. Built as text directly: a merge of a big map
 * makes it for every conflict.
 */
export const contentOf = (record: JourneyRecord): string =>
  objectText(record as unknown as Fields, BOOKKEEPING);

type Fields = Readonly<Record<string, unknown>>;

const valueText = (value: unknown): string => {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(valueText).join(',')}]`;
  return objectText(value as Fields, NOTHING_SKIPPED);
};

const objectText = (fields: Fields, skip: ReadonlySet<string>): string => {
  let text = '';
  for (const key of sortedKeysOf(fields)) {
    const value = fields[key];
    if (skip.has(key) || value === undefined) continue;
    text += `${text === '' ? '' : ','}${JSON.stringify(key)}:${valueText(value)}`;
  }
  return `{${text}}`;
};

/**
 * The keys of `fields`, sorted. Records of one type share their key order, so the last order
 * sorted is kept and reused while the keys come in the same order.
 */
const sortedKeysOf = (fields: Fields): readonly string[] => {
  const keys = Object.keys(fields);
  const last = lastKeys;
  if (last.keys.length === keys.length && keys.every((key, index) => key === last.keys[index]))
    return last.sorted;
  lastKeys = { keys, sorted: [...keys].sort() };
  return lastKeys.sorted;
};

let lastKeys: { readonly keys: readonly string[]; readonly sorted: readonly string[] } = {
  keys: [],
  sorted: [],
};
