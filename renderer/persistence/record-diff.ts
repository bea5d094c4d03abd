import type { JourneyDocument } from '../../shared/model/document.ts';
import { countNotes, type NoteCounts, recountNotes } from '../../shared/model/note-counts.ts';
import type { JourneyRecord } from '../../shared/model/records.ts';
import type { ChangeLog } from '../store/change-log.ts';

type Records = JourneyDocument['records'];

export interface RecordDiff {
  /** Records that are new or were replaced since the snapshot. */
  readonly changed: readonly JourneyRecord[];
  /** Ids present in the snapshot and gone now (an undone creation). */
  readonly removed: readonly string[];
  /** Live notes in the current records, in all and per scenario. */
  readonly notes: NoteCounts;
}

/**
 * What changed between the last saved records and the current ones. Records are immutable and
 * replaced on every change, so comparing references finds them without looking inside. Given
 * the notes counted in `saved` and the change log of the store the records came from, it looks
 * only at what the edits since touched.
 */
export const diffRecords = (
  saved: Records,
  current: Records,
  savedNotes: NoteCounts | null = null,
  changes: ChangeLog | null = null,
): RecordDiff => {
  if (savedNotes !== null && changes !== null) {
    const known = changes.changedSince(saved, current);
    if (known) return diffKnownChanges(saved, current, known, savedNotes);
  }
  const changed: JourneyRecord[] = [];
  let stillPresent = 0;
  for (const [id, record] of Object.entries(current)) {
    if (Object.hasOwn(saved, id)) stillPresent++;
    if (saved[id] !== record) changed.push(record);
  }
  const savedIds = Object.keys(saved);
  const removed = stillPresent < savedIds.length ? savedIds.filter((id) => !Object.hasOwn(current, id)) : [];
  return { changed, removed, notes: countNotes(current) };
};

/** The same answer from the ids the edits since the snapshot touched: no walk over the map. */
const diffKnownChanges = (
  saved: Records,
  current: Records,
  ids: ReadonlySet<string>,
  savedNotes: NoteCounts,
): RecordDiff => {
  const changed: JourneyRecord[] = [];
  const removed: string[] = [];
  const pairs: [JourneyRecord | undefined, JourneyRecord | undefined][] = [];
  for (const id of ids) {
    const before = Object.hasOwn(saved, id) ? saved[id] : undefined;
    const after = Object.hasOwn(current, id) ? current[id] : undefined;
    if (before !== after) pairs.push([before, after]);
    if (after === undefined) {
      if (before !== undefined) removed.push(id);
    } else if (after !== before) changed.push(after);
  }
  return { changed, removed, notes: recountNotes(savedNotes, pairs) };
};
