import { derivedId } from '../format/dedupe.ts';
import { rehomeNotes } from '../format/references.ts';
import { knowsState, type SyncMark, sameState, stateOf, withMarks } from '../format/sync-marks.ts';
import { type JourneyDocument, topZ } from '../model/document.ts';
import { NOTE_GAP } from '../model/edits.ts';
import { newNonce } from '../model/ids.ts';
import { FILE_LIMITS } from '../model/limits.ts';
import type { JourneyRecord, NoteRecord, RecordType } from '../model/records.ts';
import { relinkRound } from '../model/round-references.ts';
import { bump, firstVersion, freshBookkeeping } from '../model/update.ts';
import { relinkVote } from '../model/vote-references.ts';
import { contentOf, sameContent } from './record-content.ts';

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

/** A record of the map's structure: every type but notes (the map, stages, lanes, scenarios, personas, votes). */
export type StructureRecord = Exclude<JourneyRecord, NoteRecord>;

/**
 * A record both sides changed. `incomingId` is the record holding the copy's version: for a
 * note both sides edited, a new note placed beside the local one (its `conflictOf` is
 * `localId`); when one side deleted what the other edited (a record of any type), the edited
 * record, alive, under the same id; for any other record both sides edited (the map, a stage,
 * lane, scenario, persona or vote), the same id: the local record is kept and the copy's is given
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
      readonly document: JourneyDocument;
      readonly summary: MergeSummary;
      readonly conflicts: readonly MergeConflict[];
    }
  | {
      readonly ok: false;
      /**
       * `different-map`: the copy is of another map. `too-large`: the merged map would break a
       * limit of FILE_LIMITS (records, stages, lanes, scenarios, personas, votes, notes in one cell),
       * so it could not be opened again; nothing is merged, since leaving part of a copy out
       * would lose it silently.
       */
      readonly error: { readonly kind: 'different-map' | 'too-large'; readonly message: string };
    };

export interface MergeOptions {
  /** Time stamped on conflict copies. */
  readonly now?: number;
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
 *
 * Whatever the merge makes (conflict copies, records renamed because their id clashed) gets an
 * id derived from what it comes from, so merging the same copy again finds it and adds nothing,
 * and the content of merge(a, b) is that of merge(b, a).
 *
 * Cost: O(n log n) in the records of both sides, plus the placement of conflict copies (see
 * placeConflictCopies); a merge past FILE_LIMITS.maxRecords is refused after one O(n) count.
 */
export const merge = (
  local: JourneyDocument,
  incoming: JourneyDocument,
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
  const ours = withLiveMap(local);
  const theirs = renameClashes(ours, withLiveMap(incoming));
  // Counted before anything is merged, cheaply (contents are compared without copying them), so
  // a copy that would make the map too big to open is refused before the costly part.
  const plan = planRecords(ours, theirs);
  const recordsBefore = Object.keys(ours.records).length;
  if (plan.records > FILE_LIMITS.maxRecords && plan.records > recordsBefore)
    return tooLarge(RECORD_LIMIT, plan.records);
  const context: MergeContext = {
    records: { ...ours.records },
    incomingIds: theirs.records,
    copyIds: plan.copyIds,
    counts: { added: 0, updated: 0, deleted: 0, notesMoved: 0 },
    conflicts: [],
    copies: new Set(),
    top: Math.max(topZ(ours), topZ(theirs)),
    now: options.now ?? Date.now(),
    newNonce: options.newNonce ?? newNonce,
  };
  for (const id of Object.keys(theirs.records).sort()) {
    const record = theirs.records[id];
    if (!record) continue;
    const mine = Object.hasOwn(context.records, id) ? context.records[id] : undefined;
    if (mine) mergeRecord(context, mine, record);
    else addRecord(context, record);
  }
  rehome(context, local.id);
  const before = measure(ours);
  const after = measure({ id: local.id, records: context.records });
  for (const limit of LIMITS)
    if (after[limit.measure] > limit.max && after[limit.measure] > before[limit.measure])
      return tooLarge(limit, after[limit.measure]);
  placeConflictCopies(context);
  const { counts, conflicts } = context;
  return {
    ok: true,
    document: { id: local.id, records: context.records },
    summary: { ...counts, conflicts: conflicts.length },
    conflicts,
  };
};

/**
 * The document with its map record live. Only a damaged or hostile document has it deleted
 * (the reader repairs that); a merge must never delete the map, whatever it is given.
 */
const withLiveMap = (doc: JourneyDocument): JourneyDocument => {
  const map = doc.records[doc.id];
  if (map?.type !== 'map' || !map.isDeleted) return doc;
  return { id: doc.id, records: { ...doc.records, [doc.id]: { ...map, isDeleted: false } } };
};

/**
 * The copy with each record whose id the local map uses for a record of another type (only a
 * hand-made or hostile file has one) under an id derived from its own, and the copy's
 * references to it following it, so a renamed stage keeps its notes. Derived, not random:
 * merging the same copy again finds the renamed record and adds nothing.
 */
const renameClashes = (local: JourneyDocument, incoming: JourneyDocument): JourneyDocument => {
  const renames = new Map<string, { readonly id: string; readonly type: RecordType }>();
  const used = new Set<string>();
  for (const id in incoming.records) {
    const record = incoming.records[id] as JourneyRecord;
    const ours = Object.hasOwn(local.records, id) ? local.records[id] : undefined;
    if (!ours || ours.type === record.type) continue;
    const renamed = derivedId(
      `${id}\n${record.type}`,
      (candidate) =>
        !used.has(candidate) &&
        !Object.hasOwn(incoming.records, candidate) &&
        (!Object.hasOwn(local.records, candidate) || local.records[candidate]?.type === record.type),
    );
    used.add(renamed);
    renames.set(id, { id: renamed, type: record.type });
  }
  if (renames.size === 0) return incoming;
  // A reference follows a renamed record only if it names a record of that type: one naming a
  // record of another type was broken in the copy already, and is left for the repairs.
  const to = (id: string, type: RecordType): string => {
    const renamed = renames.get(id);
    return renamed?.type === type ? renamed.id : id;
  };
  const records: Record<string, JourneyRecord> = {};
  for (const record of Object.values(incoming.records)) {
    const moved = withReferencesRenamed(renames.has(record.id) ? withoutHistory(record) : record, to);
    records[moved.id] = moved;
  }
  return { id: incoming.id, records };
};

const withReferencesRenamed = (
  record: JourneyRecord,
  to: (id: string, type: RecordType) => string,
): JourneyRecord => {
  const ref = (id: string | null, type: RecordType) => (id === null ? null : to(id, type));
  const id = to(record.id, record.type);
  switch (record.type) {
    case 'note':
      return {
        ...record,
        id,
        scenarioId: to(record.scenarioId, 'scenario'),
        stageId: ref(record.stageId, 'stage'),
        laneId: ref(record.laneId, 'lane'),
        origin: ref(record.origin, 'note'),
        ...(record.conflictOf === undefined ? {} : { conflictOf: to(record.conflictOf, 'note') }),
      };
    case 'scenario':
      return {
        ...record,
        id,
        basedOn: ref(record.basedOn, 'scenario'),
        emotions: Object.fromEntries(
          Object.entries(record.emotions).map(([stage, score]) => [to(stage, 'stage'), score]),
        ),
      };
    case 'map':
      return { ...record, activePersonaId: ref(record.activePersonaId, 'persona') };
    case 'vote':
      return { ...relinkVote(record, to), id };
    case 'round':
      return { ...relinkRound(record, to), id };
    default:
      return { ...record, id };
  }
};

/** What FILE_LIMITS bounds, counted as the reader counts it: live records, but every record in all. */
interface Measure {
  readonly records: number;
  readonly stages: number;
  readonly lanes: number;
  readonly scenarios: number;
  readonly personas: number;
  readonly votes: number;
  readonly rounds: number;
  /** Live notes in the fullest cell of any scenario. */
  readonly fullestCell: number;
}

const measure = (doc: JourneyDocument): Measure => {
  const counts = {
    records: 0,
    stages: 0,
    lanes: 0,
    scenarios: 0,
    personas: 0,
    votes: 0,
    rounds: 0,
    fullestCell: 0,
  };
  const cells = new Map<string, number>();
  for (const record of Object.values(doc.records)) {
    counts.records++;
    if (record.isDeleted) continue;
    if (record.type === 'stage') counts.stages++;
    else if (record.type === 'lane') counts.lanes++;
    else if (record.type === 'scenario') counts.scenarios++;
    else if (record.type === 'persona') counts.personas++;
    else if (record.type === 'vote') counts.votes++;
    else if (record.type === 'round') counts.rounds++;
    else if (record.type === 'note' && record.stageId !== null) {
      const key = cellKey(record);
      const count = (cells.get(key) ?? 0) + 1;
      cells.set(key, count);
      if (count > counts.fullestCell) counts.fullestCell = count;
    }
  }
  return counts;
};

interface Limit {
  readonly measure: keyof Measure;
  readonly max: number;
  /** What is counted, after the count: "records", "notes in one cell". */
  readonly what: string;
}

const RECORD_LIMIT: Limit = {
  measure: 'records',
  max: FILE_LIMITS.maxRecords,
  what: 'records (deleted ones included)',
};

const LIMITS: readonly Limit[] = [
  RECORD_LIMIT,
  { measure: 'stages', max: FILE_LIMITS.maxStages, what: 'stages' },
  { measure: 'lanes', max: FILE_LIMITS.maxLanes, what: 'lanes' },
  { measure: 'scenarios', max: FILE_LIMITS.maxScenarios, what: 'scenarios' },
  { measure: 'personas', max: FILE_LIMITS.maxPersonas, what: 'personas' },
  { measure: 'votes', max: FILE_LIMITS.maxVotes, what: 'votes' },
  { measure: 'rounds', max: FILE_LIMITS.maxRounds, what: 'writing rounds' },
  { measure: 'fullestCell', max: FILE_LIMITS.maxNotesPerCell, what: 'notes in one cell' },
];

const tooLarge = ({ max, what }: Limit, count: number): MergeResult => ({
  ok: false,
  error: {
    kind: 'too-large',
    message: `Merging this copy would give the map ${count.toLocaleString('en-US')} ${what}, past the limit of ${max.toLocaleString('en-US')} that Journeywall can open, so nothing was merged.`,
  },
});

interface MergeContext {
  readonly records: Record<string, JourneyRecord>;
  /** The copy's records, whose ids a conflict copy must not take. */
  readonly incomingIds: Readonly<Record<string, JourneyRecord>>;
  /** By local note id, the id of the conflict copy the merge makes of it (see planRecords). */
  readonly copyIds: ReadonlyMap<string, string>;
  readonly counts: { added: number; updated: number; deleted: number; notesMoved: number };
  readonly conflicts: MergeConflict[];
  /** Ids of the notes this merge made for conflicts: new, so they change without a new version. */
  readonly copies: Set<string>;
  top: number;
  readonly now: number;
  readonly newNonce: () => number;
}

const addRecord = (context: MergeContext, record: JourneyRecord): void => {
  context.records[record.id] = record;
  if (record.type !== 'map' && !record.isDeleted) context.counts.added++;
};

const mergeRecord = (context: MergeContext, ours: JourneyRecord, theirs: JourneyRecord): void => {
  const { records, counts } = context;
  const id = ours.id;
  const oursState = stateOf(ours);
  const theirsState = stateOf(theirs);
  if (sameState(oursState, theirsState)) {
    // One state with two contents: a copy edited by hand or by another tool, without a new
    // version. Neither side can be said to be older, so it is a conflict whichever side is local.
    if (ours !== theirs && (ours.isDeleted !== theirs.isDeleted || !sameContent(ours, theirs)))
      bothChanged(context, ours, theirs);
    else records[id] = withMarks(ours, theirs.synced ?? []);
    return;
  }
  if (knowsState(ours, theirsState)) {
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
  bothChanged(context, ours, theirs);
};

/**
 * Both changed the record. Whatever is kept remembers both states, so merging the same copy
 * again finds nothing new; a conflict copy of a note has an id derived from the local note and
 * the copy's version of it, so one made already (even if since deleted) is not made again.
 */
const bothChanged = (context: MergeContext, ours: JourneyRecord, theirs: JourneyRecord): void => {
  const { records } = context;
  const id = ours.id;
  const both = [...historyOf(ours), ...historyOf(theirs)];
  if (ours.isDeleted && theirs.isDeleted) {
    records[id] = withMarks(newerOf(ours, theirs), both);
    return;
  }
  if (ours.isDeleted || theirs.isDeleted) {
    records[id] = withMarks(ours.isDeleted ? theirs : ours, both);
    const kind = ours.isDeleted ? 'deleted-here-edited-there' : 'edited-here-deleted-there';
    context.conflicts.push({ kind, localId: id, incomingId: id });
    return;
  }
  if (sameContent(ours, theirs)) records[id] = withMarks(newerOf(ours, theirs), both);
  else {
    records[id] = withMarks(ours, both);
    if (ours.type === 'note' && theirs.type === 'note') {
      const copyId = context.copyIds.get(ours.id);
      if (copyId === undefined || Object.hasOwn(records, copyId)) return;
      records[copyId] = conflictCopy(context, copyId, ours, theirs);
      context.copies.add(copyId);
      context.conflicts.push({ kind: 'both-edited', localId: id, incomingId: copyId });
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

interface RecordPlan {
  /** How many records the merged map holds, before notes are rehomed. */
  readonly records: number;
  readonly copyIds: ReadonlyMap<string, string>;
}

/**
 * What merging `theirs` into `ours` adds, worked out from states and contents alone: the
 * copy's records `ours` lacks, and a conflict copy (not made already) for each note both sides
 * changed differently. Cost: O(n) comparisons, and text of the copy's side for conflicts only.
 */
const planRecords = (ours: JourneyDocument, theirs: JourneyDocument): RecordPlan => {
  let records = Object.keys(ours.records).length;
  const copyIds = new Map<string, string>();
  for (const id in theirs.records) {
    const record = theirs.records[id] as JourneyRecord;
    const mine = Object.hasOwn(ours.records, id) ? ours.records[id] : undefined;
    if (!mine) {
      records++;
      continue;
    }
    if (mine.type !== 'note' || record.type !== 'note' || mine.isDeleted || record.isDeleted) continue;
    if (!bothChangedState(mine, record) || sameContent(mine, record)) continue;
    const copyId = conflictCopyId(theirs.records, mine, record);
    copyIds.set(id, copyId);
    if (!Object.hasOwn(ours.records, copyId)) records++;
  }
  return { records, copyIds };
};

/** Neither side knows the other's state, or both claim one state (for notes that differ). */
const bothChangedState = (ours: JourneyRecord, theirs: JourneyRecord): boolean =>
  (ours.version === theirs.version && ours.versionNonce === theirs.versionNonce) ||
  (!knowsState(ours, stateOf(theirs)) && !knowsState(theirs, stateOf(ours)));

/**
 * Derived from the local note and the copy's state; never one of the copy's ids. A state names
 * one content, except in a copy edited by hand without a new version (both sides then claim one
 * state): only then is the content part of it, so each such edit gets its own copy.
 */
const conflictCopyId = (
  incomingIds: Readonly<Record<string, JourneyRecord>>,
  ours: NoteRecord,
  theirs: NoteRecord,
): string => {
  const state = `conflict\n${ours.id}\n${theirs.version}\n${theirs.versionNonce}`;
  const handEdited = ours.version === theirs.version && ours.versionNonce === theirs.versionNonce;
  return derivedId(
    handEdited ? `${state}\n${contentOf(theirs)}` : state,
    (candidate) => !Object.hasOwn(incomingIds, candidate),
  );
};

/**
 * Notes whose stage, lane or scenario ended up deleted (one side deleted it, the other put the
 * note there) are moved where they stay visible, as an edit: a new version, so copies that
 * still have the note in its old place take the move when they merge this map.
 */
const rehome = (context: MergeContext, mapId: string): void => {
  const { createdScenario } = rehomeNotes(context.records, mapId, {
    fresh: () => firstVersion(context.now, context.newNonce),
    moved: (note, place) => {
      // A conflict copy follows its local note; placeConflictCopies puts it beside it.
      if (context.copies.has(note.id)) return { ...note, ...place };
      context.counts.notesMoved++;
      return { ...note, ...place, ...bump(note, context.now, context.newNonce) };
    },
  });
  if (createdScenario) context.counts.added++;
};

/**
 * The copy's version of a note both sides edited, as a new note in the local note's scenario
 * and place (placeConflictCopies then puts it right beside the local note).
 */
const conflictCopy = (
  context: MergeContext,
  id: string,
  ours: NoteRecord,
  theirs: NoteRecord,
): NoteRecord => ({
  ...withoutHistory(theirs),
  ...placeOf(ours),
  x: Math.min(ours.x + ours.w + NOTE_GAP, FILE_LIMITS.maxCoordinate),
  y: ours.y,
  z: ++context.top,
  conflictOf: ours.id,
  // A new note: its own first state, not a later one of the note it copies.
  ...freshBookkeeping(id, context.now, context.newNonce),
});

const placeOf = (note: NoteRecord): Pick<NoteRecord, 'scenarioId' | 'stageId' | 'laneId' | 'slot'> => ({
  scenarioId: note.scenarioId,
  stageId: note.stageId,
  laneId: note.laneId,
  slot: note.slot,
});

const cellKey = (note: NoteRecord): string => `${note.scenarioId} ${note.stageId} ${note.laneId}`;

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
 *
 * Cost, for n notes and c copies: O(n log n) to index them, then per copy a binary search in
 * its cell, or at most RINGS × 4 spots each tested against at most CROWDED boxes in each of the
 * few buckets it touches: O(n log n + c) in all, whatever the notes' layout (10,000 copies of
 * notes piled on one spot cost what 10,000 scattered ones do).
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
  cells.sort();
  const tried = new Map<string, number>();
  for (const conflict of context.conflicts) {
    if (conflict.kind !== 'both-edited') continue;
    const ours = context.records[conflict.localId];
    const copy = context.records[conflict.incomingId];
    if (ours?.type !== 'note' || copy?.type !== 'note') continue;
    let placed: NoteRecord;
    if (ours.stageId === null) {
      placed = { ...copy, ...placeOf(ours), ...freeSpotBeside(ours, copy, taken, tried) };
      taken.add(placed);
    } else placed = { ...copy, ...placeOf(ours), slot: cells.slotAfter(ours) };
    context.records[conflict.incomingId] = placed;
  }
};

/**
 * The slots of the notes of each cell of each scenario, sorted, to find the slot just after a
 * note. Copies are not added: each goes between its note and the next, so the next note of a
 * cell is never another copy (notes sharing a slot give their copies the same slot, which the
 * layout orders by id).
 */
class CellSlots {
  private readonly cells = new Map<string, number[]>();

  add(note: NoteRecord): void {
    const key = cellKey(note);
    const slots = this.cells.get(key);
    if (slots) slots.push(note.slot);
    else this.cells.set(key, [note.slot]);
  }

  sort(): void {
    for (const slots of this.cells.values()) slots.sort((a, b) => a - b);
  }

  /**
   * Halfway to the next note of the cell, or one past the note when it is the last (not past
   * maxSlot). Halves are added, not the slots, so two huge slots never sum to Infinity.
   */
  slotAfter(note: NoteRecord): number {
    const slots = this.cells.get(cellKey(note)) ?? [];
    let [low, high] = [0, slots.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((slots[middle] as number) <= note.slot) low = middle + 1;
      else high = middle;
    }
    const next = slots[low];
    if (next !== undefined) return note.slot / 2 + next / 2;
    return Math.max(note.slot, Math.min(note.slot + 1, FILE_LIMITS.maxSlot));
  }
}

/** Rings of spots tried around a note before its copy is put just right of it, overlapping or not. */
const RINGS = 10;

/**
 * Finds the nearest free spot beside `ours` for `copy`. `tried` remembers, per note position and
 * copy size, the rings already found full: spots only fill up, so a pile of notes at one place
 * searches each ring once, not once per note.
 */
const freeSpotBeside = (
  ours: Box,
  copy: Box,
  taken: BoxIndex,
  tried: Map<string, number>,
): { x: number; y: number } => {
  const limit = FILE_LIMITS.maxCoordinate;
  const clamp = (value: number) => Math.max(-limit, Math.min(limit, value));
  const key = `${ours.x} ${ours.y} ${ours.w} ${copy.w} ${copy.h}`;
  const [stepX, stepY] = [copy.w + NOTE_GAP, copy.h + NOTE_GAP];
  for (let ring = tried.get(key) ?? 1; ring <= RINGS; ring++) {
    for (const [dx, dy] of [
      [ring * stepX, 0],
      [0, ring * stepY],
      [-ring * stepX, 0],
      [0, -ring * stepY],
    ] as const) {
      const [x, y] = [clamp(ours.x + dx), clamp(ours.y + dy)];
      if (taken.hits(x, y, copy.w, copy.h)) continue;
      tried.set(key, ring);
      return { x, y };
    }
  }
  tried.set(key, RINGS + 1);
  return { x: clamp(ours.x + ours.w + NOTE_GAP), y: ours.y };
};

/** The side of a BoxIndex bucket, in board units: a few standard notes. */
const CELL = 512;

/**
 * A bucket holding more boxes than this counts as taken wherever a box touches it, without
 * looking at them: in a pile of notes a copy goes a little further out, and no test looks at
 * more than this many boxes per bucket.
 */
const CROWDED = 32;

/** Buckets per row of keys: the board is ±maxCoordinate, so keys stay well apart and exact. */
const ROW = 2 ** 20;

/** Boxes bucketed on a coarse grid, so finding what overlaps a box looks at its neighbours only. */
class BoxIndex {
  private readonly cells = new Map<number, Box[]>();

  add(box: Box): void {
    for (const key of BoxIndex.keys(box)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(box);
      else this.cells.set(key, [box]);
    }
  }

  /** Whether a box at x, y of size w × h would overlap one added, or touch a crowded bucket. */
  hits(x: number, y: number, w: number, h: number): boolean {
    const box = { x, y, w, h };
    const [fromX, toX, fromY, toY] = BoxIndex.range(box);
    for (let cx = fromX; cx <= toX; cx++)
      for (let cy = fromY; cy <= toY; cy++) {
        const cell = this.cells.get(cx * ROW + cy);
        if (cell && (cell.length > CROWDED || cell.some((other) => overlaps(box, other)))) return true;
      }
    return false;
  }

  private static keys(box: Box): number[] {
    const [fromX, toX, fromY, toY] = BoxIndex.range(box);
    const keys: number[] = [];
    for (let cx = fromX; cx <= toX; cx++) for (let cy = fromY; cy <= toY; cy++) keys.push(cx * ROW + cy);
    return keys;
  }

  /** The buckets a box touches, with the margin two notes keep between them. */
  private static range(box: Box): [number, number, number, number] {
    const margin = NOTE_GAP;
    return [
      Math.floor((box.x - margin) / CELL),
      Math.floor((box.x + box.w + margin) / CELL),
      Math.floor((box.y - margin) / CELL),
      Math.floor((box.y + box.h + margin) / CELL),
    ];
  }
}

const historyOf = (record: JourneyRecord): SyncMark[] => [...(record.synced ?? []), stateOf(record)];

/** Omit for each member of a union, so a record without its history keeps its own type. */
type WithoutHistory<R> = R extends JourneyRecord ? Omit<R, 'synced'> : never;

const withoutHistory = <R extends JourneyRecord>(record: R): WithoutHistory<R> => {
  const { synced: _history, ...rest } = record;
  return rest as WithoutHistory<R>;
};

/** The same pick on both sides of a merge: higher version, then lower versionNonce. */
const newerOf = <R extends JourneyRecord>(a: R, b: R): R =>
  a.version !== b.version ? (a.version > b.version ? a : b) : a.versionNonce <= b.versionNonce ? a : b;
