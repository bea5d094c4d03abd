import type { SyncedDocument, SyncedRecord } from '../format/document.ts';
import { FILE_LIMITS } from '../format/limits.ts';
import type { SyncedNoteRecord } from '../format/records/note.ts';
import { knowsState, type SyncMark, sameState, stateOf, withMarks } from '../format/sync-marks.ts';
import { NOTE_GAP } from '../model/edits.ts';
import { newId, newNonce } from '../model/ids.ts';

export interface MergeSummary {
  /** Records that are new here, or deleted here and alive again, because of the copy. */
  readonly added: number;
  /** Records only the copy changed, now as the copy has them. */
  readonly updated: number;
  /** Records the copy deleted and this side left untouched. */
  readonly deleted: number;
  readonly conflicts: number;
}

/**
 * A record both sides changed. `incomingId` is the record holding the copy's version: for a
 * note both sides edited, a new note placed beside the local one (its `conflictOf` is
 * `localId`); when one side deleted what the other edited, the edited record, alive, under the
 * same id; for the map record, the same id (the local name is kept, the copy's is given).
 */
export type MergeConflict =
  | { readonly kind: 'both-edited'; readonly localId: string; readonly incomingId: string }
  | { readonly kind: 'deleted-here-edited-there'; readonly localId: string; readonly incomingId: string }
  | { readonly kind: 'edited-here-deleted-there'; readonly localId: string; readonly incomingId: string }
  | {
      readonly kind: 'map-renamed';
      readonly localId: string;
      readonly incomingId: string;
      readonly incomingName: string;
    };

export type MergeResult =
  | {
      readonly ok: true;
      readonly document: SyncedDocument;
      readonly summary: MergeSummary;
      readonly conflicts: readonly MergeConflict[];
    }
  | { readonly ok: false; readonly error: { readonly kind: 'different-map'; readonly message: string } };

export interface MergeOptions {
  /** Time stamped on conflict copies. */
  readonly now?: number;
  readonly newId?: () => string;
  readonly newNonce?: () => number;
}

/**
 * Brings the records of `incoming`, a copy of the same map, into `local`, record by record.
 *
 * Each record remembers the states it had when it was saved to or read from a file (see
 * format/sync-marks.ts): the state a copy started from is among them. So when the two sides
 * differ, a side whose state the other side remembers has not changed since the copies parted,
 * and the other side's record is taken; when neither remembers the other's state both changed,
 * which is a conflict and keeps both. Nothing either side has is dropped unless the other side
 * deleted it knowing that very state.
 */
export const merge = (
  local: SyncedDocument,
  incoming: SyncedDocument,
  options: MergeOptions = {},
): MergeResult => {
  if (local.id !== incoming.id) {
    return {
      ok: false,
      error: {
        kind: 'different-map',
        message: 'This file holds a different map, so it cannot be merged into this one.',
      },
    };
  }
  const context: MergeContext = {
    records: { ...local.records },
    counts: { added: 0, updated: 0, deleted: 0 },
    conflicts: [],
    top: Math.max(topZ(local), topZ(incoming)),
    now: options.now ?? Date.now(),
    newId: options.newId ?? newId,
    newNonce: options.newNonce ?? newNonce,
  };
  for (const id of Object.keys(incoming.records).sort()) {
    const theirs = incoming.records[id];
    if (!theirs) continue;
    const ours = Object.hasOwn(local.records, id) ? local.records[id] : undefined;
    if (!ours) addRecord(context, theirs);
    else if (ours.type !== theirs.type) addRecord(context, renamed(theirs, context.newId()));
    else mergeRecord(context, ours, theirs);
  }
  placeConflictCopies(context);
  const { counts, conflicts } = context;
  return {
    ok: true,
    document: { id: local.id, records: context.records },
    summary: { ...counts, conflicts: conflicts.length },
    conflicts,
  };
};

interface MergeContext {
  readonly records: Record<string, SyncedRecord>;
  readonly counts: { added: number; updated: number; deleted: number };
  readonly conflicts: MergeConflict[];
  top: number;
  readonly now: number;
  readonly newId: () => string;
  readonly newNonce: () => number;
}

const addRecord = (context: MergeContext, record: SyncedRecord): void => {
  context.records[record.id] = record;
  if (record.type !== 'map' && !record.isDeleted) context.counts.added++;
};

const mergeRecord = (context: MergeContext, ours: SyncedRecord, theirs: SyncedRecord): void => {
  const { records, counts } = context;
  const id = ours.id;
  const oursState = stateOf(ours);
  const theirsState = stateOf(theirs);
  if (sameState(oursState, theirsState) || knowsState(ours, theirsState)) {
    // The copy has not changed this record since the sides parted.
    records[id] = withMarks(ours, theirs.synced ?? []);
    return;
  }
  if (knowsState(theirs, oursState)) {
    // Only the copy changed it. Its state is now shared by both sides.
    records[id] = withMarks(theirs, [...historyOf(ours), theirsState]);
    if (!ours.isDeleted && theirs.isDeleted) counts.deleted++;
    else if (ours.isDeleted && !theirs.isDeleted) counts.added++;
    else if (!theirs.isDeleted) counts.updated++;
    return;
  }
  // Both changed it. Whatever is kept remembers both states, so merging the same copy again
  // finds nothing new.
  const both = [...historyOf(ours), ...historyOf(theirs)];
  if (ours.isDeleted && theirs.isDeleted) records[id] = withMarks(newerOf(ours, theirs), both);
  else if (ours.isDeleted) {
    records[id] = withMarks(theirs, both);
    context.conflicts.push({ kind: 'deleted-here-edited-there', localId: id, incomingId: id });
  } else if (theirs.isDeleted) {
    records[id] = withMarks(ours, both);
    context.conflicts.push({ kind: 'edited-here-deleted-there', localId: id, incomingId: id });
  } else if (contentOf(ours) === contentOf(theirs)) records[id] = withMarks(newerOf(ours, theirs), both);
  else {
    records[id] = withMarks(ours, both);
    if (ours.type === 'map' && theirs.type === 'map') {
      context.conflicts.push({ kind: 'map-renamed', localId: id, incomingId: id, incomingName: theirs.name });
    } else if (ours.type === 'note' && theirs.type === 'note') {
      const copy = conflictCopy(context, ours, theirs);
      records[copy.id] = copy;
      context.conflicts.push({ kind: 'both-edited', localId: id, incomingId: copy.id });
    }
  }
};

/** The copy's version of a note both sides edited, as a new note beside the local one. */
const conflictCopy = (
  context: MergeContext,
  ours: SyncedNoteRecord,
  theirs: SyncedNoteRecord,
): SyncedNoteRecord => ({
  ...withoutHistory(theirs),
  id: context.newId(),
  x: Math.min(ours.x + ours.w + NOTE_GAP, FILE_LIMITS.maxCoordinate),
  y: ours.y,
  z: ++context.top,
  conflictOf: ours.id,
  version: 1,
  versionNonce: context.newNonce(),
  updated: context.now,
  isDeleted: false,
});

type Box = Pick<SyncedNoteRecord, 'x' | 'y' | 'w' | 'h'>;

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w + NOTE_GAP / 2 &&
  b.x < a.x + a.w + NOTE_GAP / 2 &&
  a.y < b.y + b.h + NOTE_GAP / 2 &&
  b.y < a.y + a.h + NOTE_GAP / 2;

/**
 * Moves each note copy made for a conflict to the nearest free place beside its local note
 * (right, below, left, above, then further out), so it covers no other note.
 */
const placeConflictCopies = (context: MergeContext): void => {
  const copies = context.conflicts.filter((conflict) => conflict.kind === 'both-edited');
  if (copies.length === 0) return;
  const copyIds = new Set(copies.map((conflict) => conflict.incomingId));
  const taken = new BoxIndex();
  for (const record of Object.values(context.records)) {
    if (record.type === 'note' && !record.isDeleted && !copyIds.has(record.id)) taken.add(record);
  }
  for (const { localId, incomingId } of copies) {
    const ours = context.records[localId];
    const copy = context.records[incomingId];
    if (ours?.type !== 'note' || copy?.type !== 'note') continue;
    const spot = freeSpotBeside(ours, copy, taken);
    context.records[incomingId] = { ...copy, ...spot };
    taken.add({ ...copy, ...spot });
  }
};

const freeSpotBeside = (ours: Box, copy: Box, taken: BoxIndex): { x: number; y: number } => {
  const limit = FILE_LIMITS.maxCoordinate;
  const clamp = (value: number) => Math.max(-limit, Math.min(limit, value));
  for (let ring = 1; ring <= 50; ring++) {
    const candidates = [
      { x: ours.x + ring * (copy.w + NOTE_GAP), y: ours.y },
      { x: ours.x, y: ours.y + ring * (copy.h + NOTE_GAP) },
      { x: ours.x - ring * (copy.w + NOTE_GAP), y: ours.y },
      { x: ours.x, y: ours.y - ring * (copy.h + NOTE_GAP) },
    ].map((spot) => ({ x: clamp(spot.x), y: clamp(spot.y) }));
    const free = candidates.find((spot) => !taken.hits({ ...copy, ...spot }));
    if (free) return free;
  }
  return { x: clamp(ours.x + ours.w + NOTE_GAP), y: ours.y };
};

/** Boxes bucketed on a coarse grid, so finding what overlaps a box looks at its neighbours only. */
class BoxIndex {
  private static readonly CELL = 512;
  private readonly cells = new Map<string, Box[]>();

  add(box: Box): void {
    for (const key of this.keys(box)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(box);
      else this.cells.set(key, [box]);
    }
  }

  hits(box: Box): boolean {
    return this.keys(box).some((key) => this.cells.get(key)?.some((other) => overlaps(box, other)) ?? false);
  }

  private keys(box: Box): string[] {
    const { CELL } = BoxIndex;
    const margin = NOTE_GAP;
    const keys: string[] = [];
    for (
      let cx = Math.floor((box.x - margin) / CELL);
      cx <= Math.floor((box.x + box.w + margin) / CELL);
      cx++
    )
      for (
        let cy = Math.floor((box.y - margin) / CELL);
        cy <= Math.floor((box.y + box.h + margin) / CELL);
        cy++
      )
        keys.push(`${cx},${cy}`);
    return keys;
  }
}

/** A record under another id, without the history of the id it had. */
const renamed = (record: SyncedRecord, id: string): SyncedRecord =>
  record.type === 'map' ? { ...withoutHistory(record), id } : { ...withoutHistory(record), id };

const historyOf = (record: SyncedRecord): SyncMark[] => [...(record.synced ?? []), stateOf(record)];

const withoutHistory = <R extends SyncedRecord>(record: R): Omit<R, 'synced'> => {
  const { synced: _history, ...rest } = record;
  return rest;
};

/** The same pick on both sides of a merge: higher version, then lower versionNonce. */
const newerOf = <R extends SyncedRecord>(a: R, b: R): R =>
  a.version !== b.version ? (a.version > b.version ? a : b) : a.versionNonce <= b.versionNonce ? a : b;

const BOOKKEEPING = new Set(['id', 'version', 'versionNonce', 'updated', 'isDeleted', 'synced']);

/** What a user sees of a record: every field but the bookkeeping, in a fixed order. */
const contentOf = (record: SyncedRecord): string =>
  JSON.stringify(
    Object.entries(record)
      .filter(([key]) => !BOOKKEEPING.has(key))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

const topZ = (doc: SyncedDocument): number => {
  let top = 0;
  for (const record of Object.values(doc.records))
    if (record.type === 'note' && record.z > top) top = record.z;
  return top;
};
