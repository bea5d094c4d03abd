import { isLiveNote, type JourneyDocument } from '../../shared/model/document.ts';
import type { JourneyRecord } from '../../shared/model/records.ts';
import { changedSince } from '../store/change-log.ts';

type Records = JourneyDocument['records'];

export interface RecordDiff {
  /** Records that are new or were replaced since the snapshot. */
  readonly changed: readonly JourneyRecord[];
  /** Ids present in the snapshot and gone now (an undone creation). */
  readonly removed: readonly string[];
  /** Live notes in the current records. */
  readonly noteCount: number;
}

/**
 * What changed between the last saved records and the current ones. Records are immutable and
 * replaced on every change, so comparing references finds them without looking inside.
 */
export const diffRecords = (
  saved: Records,
  current: Records,
  savedNoteCount: number | null = null,
): RecordDiff => {
  const known = savedNoteCount === null ? null : changedSince(saved, current);
  if (known && savedNoteCount !== null) return diffKnownChanges(saved, current, known, savedNoteCount);
  const changed: JourneyRecord[] = [];
  let noteCount = 0;
  let stillPresent = 0;
  for (const [id, record] of Object.entries(current)) {
    if (isLiveNote(record)) noteCount++;
    if (Object.hasOwn(saved, id)) stillPresent++;
    if (saved[id] !== record) changed.push(record);
  }
  const savedIds = Object.keys(saved);
  const removed = stillPresent < savedIds.length ? savedIds.filter((id) => !Object.hasOwn(current, id)) : [];
  return { changed, removed, noteCount };
};

/** The same answer from the ids the edits since the snapshot touched: no walk over the map. */
const diffKnownChanges = (
  saved: Records,
  current: Records,
  ids: ReadonlySet<string>,
  savedNoteCount: number,
): RecordDiff => {
  const changed: JourneyRecord[] = [];
  const removed: string[] = [];
  let noteCount = savedNoteCount;
  for (const id of ids) {
    const before = Object.hasOwn(saved, id) ? saved[id] : undefined;
    const after = Object.hasOwn(current, id) ? current[id] : undefined;
    noteCount += (isLiveNote(after) ? 1 : 0) - (isLiveNote(before) ? 1 : 0);
    if (after === undefined) {
      if (before !== undefined) removed.push(id);
    } else if (after !== before) changed.push(after);
  }
  return { changed, removed, noteCount };
};
