import { isLiveNote, type JourneyDocument } from '../../shared/model/document.ts';
import type { JourneyRecord } from '../../shared/model/records.ts';

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
export const diffRecords = (saved: Records, current: Records): RecordDiff => {
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
