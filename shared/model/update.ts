import { newNonce } from './ids.ts';
import { FILE_LIMITS } from './limits.ts';
import type { JourneyRecord, RecordBase, RecordChanges } from './records.ts';

/**
 * The one function through which every edit changes a record: it applies the changes and bumps
 * the bookkeeping that autosave, undo and merge rely on. Returns the record unchanged (same
 * object) when nothing actually changes, so no-op edits create no history and no writes.
 */
export const updateRecord = <R extends JourneyRecord>(
  record: R,
  changes: RecordChanges<R> | { isDeleted: boolean },
  now: number = Date.now(),
): R => {
  const entries = Object.entries(changes) as [keyof R, unknown][];
  if (entries.every(([key, value]) => Object.is(record[key], value))) return record;
  return { ...record, ...changes, ...bump(record, now) };
};

/** Where a nonce comes from: random in the app; a merge passes its own, so tests can replay it. */
type NonceSource = () => number;

/**
 * The next bookkeeping of a record. The version stops at the file format's limit, so an edit can
 * never make a map the app refuses to open; the new nonce still tells the states apart.
 */
export const bump = (record: RecordBase, now: number = Date.now(), nonce: NonceSource = newNonce) => ({
  version: Math.min(record.version + 1, FILE_LIMITS.maxVersion),
  versionNonce: nonce(),
  updated: now,
});

/** The bookkeeping of a record's first state, without its id and deleted flag. */
export const firstVersion = (now: number = Date.now(), nonce: NonceSource = newNonce) => ({
  version: 1,
  versionNonce: nonce(),
  updated: now,
});

export const freshBookkeeping = (
  id: string,
  now: number = Date.now(),
  nonce: NonceSource = newNonce,
): RecordBase => ({ id, ...firstVersion(now, nonce), isDeleted: false });

/** A record without merge bookkeeping (shared states, conflict flag): for copies that share no history. */
export const withoutMergeMarks = <R extends JourneyRecord>(record: R): R => {
  const copy: { synced?: unknown; conflictOf?: unknown } = { ...record };
  delete copy.synced;
  delete copy.conflictOf;
  return copy as R;
};
