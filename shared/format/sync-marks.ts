import type { RecordBase } from '../model/records.ts';

/**
 * A state of one record, named by its version and versionNonce. Two copies holding the same
 * mark for a record hold the same content for it.
 */
export type SyncMark = readonly [version: number, versionNonce: number];

/**
 * What a record remembers so merging two copies can tell "one side changed" from "both
 * changed": the states of the record that were written to or read from a .cxmap file, oldest
 * first. Any of them may be the state another copy started from.
 */
export interface SyncBookkeeping {
  readonly synced?: readonly SyncMark[];
}

/** How many shared states each record remembers; older ones are forgotten first. */
export const MAX_SYNC_MARKS = 4;

/** What a file may carry; more than the app writes, so a later app can raise MAX_SYNC_MARKS. */
export const MAX_SYNC_MARKS_IN_FILE = 16;

export type SyncedBase = RecordBase & SyncBookkeeping;

export const stateOf = (record: RecordBase): SyncMark => [record.version, record.versionNonce];

export const sameState = (a: SyncMark, b: SyncMark): boolean => a[0] === b[0] && a[1] === b[1];

/** True when `state` is the record's current state or one it passed through and shared. */
export const knowsState = (record: SyncedBase, state: SyncMark): boolean =>
  sameState(stateOf(record), state) || (record.synced ?? []).some((mark) => sameState(mark, state));

const byVersion = (a: SyncMark, b: SyncMark): number => a[0] - b[0] || a[1] - b[1];

/**
 * The record with `marks` added to what it remembers, keeping the newest MAX_SYNC_MARKS.
 * Returns the same object when nothing is added, so unchanged records stay unchanged.
 */
export const withMarks = <R extends SyncedBase>(record: R, marks: readonly SyncMark[]): R => {
  const known = record.synced ?? [];
  const added = marks.filter(
    (mark, index) =>
      !known.some((old) => sameState(old, mark)) &&
      marks.findIndex((other) => sameState(other, mark)) === index,
  );
  if (added.length === 0) return record;
  const synced = [...known, ...added].sort(byVersion).slice(-MAX_SYNC_MARKS);
  if (synced.length === known.length && synced.every((mark, index) => mark === known[index])) return record;
  return { ...record, synced };
};

/** The marks a file needs to carry: the current state is implied by the record itself. */
export const marksBeforeCurrent = (record: SyncedBase): readonly SyncMark[] => {
  const current = stateOf(record);
  return (record.synced ?? []).filter((mark) => !sameState(mark, current));
};
