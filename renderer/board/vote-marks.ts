import { isEligible } from '../../shared/journey/votes/vote-queries.ts';
import type { VoteRecord } from '../../shared/model/journey-records.ts';
import type { NoteRecord } from '../../shared/model/records.ts';

/** What some notes show of a vote: their dots, and the vote whose open badges show (null: none). */
export interface VoteMarks {
  readonly dots: ReadonlyMap<string, number>;
  readonly open: VoteRecord | null;
}

/** Whether a note shows an open badge under these marks. */
export const isOpenFor = (marks: VoteMarks, note: NoteRecord): boolean =>
  marks.open !== null && isEligible(marks.open, note);
