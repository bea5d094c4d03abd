import type { SyncedDocument, SyncedRecord } from '../format/document.ts';
import { FILE_LIMITS } from '../format/limits.ts';
import { rehomeNotes } from '../format/references.ts';
import { knowsState, type SyncMark, sameState, stateOf, withMarks } from '../format/sync-marks.ts';
import { NOTE_GAP } from '../model/edits.ts';
import { newId, newNonce } from '../model/ids.ts';
import type { NoteRecord, RecordType } from '../model/records.ts';

export interface MergeSummary {
  /** Records that are new here, or deleted here and alive again, because of the copy. */
  readonly added: number;
  /** Records only the copy changed, now as the copy has them. */
  readonly updated: number;
  /** Records the copy deleted and this side left untouched. */
  readonly deleted: number;
  readonly conflicts: number;
  /**
   * Live notes whose stage, lane or scenario is deleted after the merge (one side deleted it,
   * the other put the note there), moved out of the grid or into the first scenario.
   */
  readonly notesMoved: number;
}

/** A record of the map's structure or settings: every type but notes. */
export type StructureRecord = Exclude<SyncedRecord, NoteRecord>;

/**
 * A record both sides changed. `incomingId` is the record holding the copy's version: for a
 * note both sides edited, a new note placed beside the local one (its `conflictOf` is
 * `localId`); when one side deleted what the other edited (a record of any type), the edited
 * record, alive, under the same id; for any other record both sides edited (the map, a stage,
 * lane, scenario or persona), the same id: the local record is kept and the copy's is given
 * in `incoming`, to be taken if the facilitator prefers it.
 */
export type MergeConflict =
  | { readonly kind: 'both-edited'; readonly localId: string; readonly incomingId: string }
  | { readonly kind: 'deleted-here-edited-there'; readonly localId: string; readonly incomingId: string }
  | { readonly kind: 'edited-here-deleted-there'; readonly localId: string; readonly incomingId: string }
  | {
      readonly kind: 'both-edited-record';
      readonly localId: string;
      readonly incomingId: string;
      readonly recordType: Exclude<RecordType, 'note'>;
      /** The copy's version of the record, without its merge history. */
      readonly incoming: StructureRecord;
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
    counts: { added: 0, updated: 0, deleted: 0, notesMoved: 0 },
    conflicts: [],
    copies: new Set(),
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
  rehome(context, local.id);
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
  readonly counts: { added: number; updated: number; deleted: number; notesMoved: number };
  readonly conflicts: MergeConflict[];
  /** Ids of the notes this merge made for conflicts: new, so they change without a new version. */
  readonly copies: Set<string>;
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
    if (ours.type === 'note' && theirs.type === 'note') {
      const copy = conflictCopy(context, ours, theirs);
      records[copy.id] = copy;
      context.copies.add(copy.id);
      context.conflicts.push({ kind: 'both-edited', localId: id, incomingId: copy.id });
    } else if (theirs.type !== 'note') {
      context.conflicts.push({
        kind: 'both-edited-record',
        localId: id,
        incomingId: id,
        recordType: theirs.type,
        incoming: withoutHistory(theirs),
      });
    }
  }
};

/**
 * Notes whose stage, lane or scenario ended up deleted (one side deleted it, the other put the
 * note there) are moved where they stay visible, as an edit: a new version, so copies that
 * still have the note in its old place take the move when they merge this map.
 */
const rehome = (context: MergeContext, mapId: string): void => {
  const { createdScenario } = rehomeNotes(context.records, mapId, {
    newId: context.newId,
    fresh: () => ({ version: 1, versionNonce: context.newNonce(), updated: context.now }),
    moved: (note, place) => {
      // A conflict copy follows its local note; placeConflictCopies puts it beside it.
      if (context.copies.has(note.id)) return { ...note, ...place };
      context.counts.notesMoved++;
      return {
        ...note,
        ...place,
        version: note.version + 1,
        versionNonce: context.newNonce(),
        updated: context.now,
      };
    },
  });
  if (createdScenario) context.counts.added++;
};

/**
 * The copy's version of a note both sides edited, as a new note in the local note's scenario
 * and place (placeConflictCopies then puts it right beside the local note).
 */
const conflictCopy = (context: MergeContext, ours: NoteRecord, theirs: NoteRecord): NoteRecord => ({
  ...withoutHistory(theirs),
  id: context.newId(),
  ...placeOf(ours),
  x: Math.min(ours.x + ours.w + NOTE_GAP, FILE_LIMITS.maxCoordinate),
  y: ours.y,
  z: ++context.top,
  conflictOf: ours.id,
  version: 1,
  versionNonce: context.newNonce(),
  updated: context.now,
  isDeleted: false,
});

const placeOf = (note: NoteRecord): Pick<NoteRecord, 'scenarioId' | 'stageId' | 'laneId' | 'slot'> => ({
  scenarioId: note.scenarioId,
  stageId: note.stageId,
  laneId: note.laneId,
  slot: note.slot,
});

type Box = Pick<NoteRecord, 'x' | 'y' | 'w' | 'h'>;

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w + NOTE_GAP / 2 &&
  b.x < a.x + a.w + NOTE_GAP / 2 &&
  a.y < b.y + b.h + NOTE_GAP / 2 &&
  b.y < a.y + a.h + NOTE_GAP / 2;

/**
 * Puts each note copy made for a conflict beside its local note, in the local note's scenario:
 * in its cell just after it, or, outside the grid, at the nearest free place beside it (right,
 * below, left, above, then further out), so it covers no other note.
 */
const placeConflictCopies = (context: MergeContext): void => {
  if (context.copies.size === 0) return;
  const taken = new BoxIndex();
  const cells = new CellSlots();
  for (const record of Object.values(context.records)) {
    if (record.type !== 'note' || record.isDeleted || context.copies.has(record.id)) continue;
    if (record.stageId === null) taken.add(record);
    else cells.add(record);
  }
  for (const conflict of context.conflicts) {
    if (conflict.kind !== 'both-edited') continue;
    const ours = context.records[conflict.localId];
    const copy = context.records[conflict.incomingId];
    if (ours?.type !== 'note' || copy?.type !== 'note') continue;
    let placed: NoteRecord;
    if (ours.stageId === null) {
      placed = { ...copy, ...placeOf(ours), ...freeSpotBeside(ours, copy, taken) };
      taken.add(placed);
    } else {
      placed = { ...copy, ...placeOf(ours), slot: cells.slotAfter(ours) };
      cells.add(placed);
    }
    context.records[conflict.incomingId] = placed;
  }
};

/** The slots taken in each cell of each scenario, to find the slot just after a note. */
class CellSlots {
  private readonly cells = new Map<string, number[]>();

  add(note: NoteRecord): void {
    const key = CellSlots.key(note);
    const slots = this.cells.get(key);
    if (slots) slots.push(note.slot);
    else this.cells.set(key, [note.slot]);
  }

  /** Halfway to the next note of the cell, or one past the note when it is the last. */
  slotAfter(note: NoteRecord): number {
    let next = Number.POSITIVE_INFINITY;
    for (const slot of this.cells.get(CellSlots.key(note)) ?? [])
      if (slot > note.slot && slot < next) next = slot;
    return next === Number.POSITIVE_INFINITY ? note.slot + 1 : (note.slot + next) / 2;
  }

  private static key(note: NoteRecord): string {
    return `${note.scenarioId} ${note.stageId} ${note.laneId}`;
  }
}

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

/** The side of a BoxIndex bucket, in board units. */
const CELL = 512;

/** Boxes bucketed on a coarse grid, so finding what overlaps a box looks at its neighbours only. */
class BoxIndex {
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
const renamed = (record: SyncedRecord, id: string): SyncedRecord => ({ ...withoutHistory(record), id });

const historyOf = (record: SyncedRecord): SyncMark[] => [...(record.synced ?? []), stateOf(record)];

/** Omit for each member of a union, so a record without its history keeps its own type. */
type WithoutHistory<R> = R extends SyncedRecord ? Omit<R, 'synced'> : never;

const withoutHistory = <R extends SyncedRecord>(record: R): WithoutHistory<R> => {
  const { synced: _history, ...rest } = record;
  return rest as WithoutHistory<R>;
};

/** The same pick on both sides of a merge: higher version, then lower versionNonce. */
const newerOf = <R extends SyncedRecord>(a: R, b: R): R =>
  a.version !== b.version ? (a.version > b.version ? a : b) : a.versionNonce <= b.versionNonce ? a : b;

const BOOKKEEPING = new Set(['id', 'version', 'versionNonce', 'updated', 'isDeleted', 'synced']);

/**
 * What a user sees of a record: every field but the bookkeeping, with the keys of every object
 * sorted (emotion scores set in another order are the same scores) and absent fields left out.
 */
const contentOf = (record: SyncedRecord): string =>
  JSON.stringify(
    sortedKeys(Object.fromEntries(Object.entries(record).filter(([key]) => !BOOKKEEPING.has(key)))),
  );

const sortedKeys = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(sortedKeys);
  const entries = Object.entries(value).filter(([, inner]) => inner !== undefined);
  return Object.fromEntries(
    entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, inner]) => [key, sortedKeys(inner)]),
  );
};

const topZ = (doc: SyncedDocument): number => {
  let top = 0;
  for (const record of Object.values(doc.records))
    if (record.type === 'note' && record.z > top) top = record.z;
  return top;
};
