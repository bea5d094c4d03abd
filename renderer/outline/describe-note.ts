import { CHANNEL_LABELS, KIND_STYLES } from '../../shared/journey/note-kinds.ts';
import { dotCount } from '../../shared/journey/votes/vote-results.ts';
import { RATING_RANGE } from '../../shared/model/journey-records.ts';
import type { NoteRecord } from '../../shared/model/records.ts';

/**
 * A note in words, for the outline and screen readers: what the board shows with colour, glyphs
 * and badges ("Touchpoint: Order page, web, stamp of authenticity, effortless 4/5").
 */
export interface NoteDescription {
  /** The kind's name ("Touchpoint"). */
  readonly kind: string;
  /** The text on one line, or "empty note". */
  readonly text: string;
  /** Channel, stamp of authenticity, ratings, merge conflict and dots, in that order. */
  readonly marks: readonly string[];
  /** Everything above in one phrase: the item's accessible name. */
  readonly label: string;
}

/**
 * A note's dots in the vote the board shows: every voter's, or (`own`, a hidden vote before its
 * reveal) only the current voter's, which is all the board shows then too.
 */
export interface NoteDots {
  readonly count: number;
  readonly own: boolean;
}

const RATING_NAMES = ['effortless', 'productive', 'painless'] as const;

export const describeNote = (note: NoteRecord, dots?: NoteDots): NoteDescription => {
  const marks: string[] = [];
  if (note.channel) marks.push(CHANNEL_LABELS[note.channel].toLowerCase());
  // As on the board, where only a touchpoint wears the badge.
  if (note.kind === 'touchpoint' && note.wow) marks.push('stamp of authenticity');
  for (const name of RATING_NAMES) {
    const value = note.ratings?.[name];
    if (value !== null && value !== undefined) marks.push(`${name} ${value}/${RATING_RANGE.max}`);
  }
  if (note.conflictOf) marks.push('conflict');
  // As on the board, where a note without dots wears no badge.
  if (dots && dots.count > 0) marks.push(dots.own ? `${dots.count} of your dots` : dotCount(dots.count));
  const oneLine = note.text.replace(/\s+/gu, ' ').trim();
  const text = oneLine === '' ? 'empty note' : oneLine;
  const kind = KIND_STYLES[note.kind].label;
  return { kind, text, marks, label: [`${kind}: ${text}`, ...marks].join(', ') };
};
