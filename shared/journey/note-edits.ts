import { isLiveNote } from '../model/document.ts';
import { type MutableDocument, updateNote } from '../model/edits.ts';
import { CHANNELS, type NoteKind, type TouchpointRatings } from '../model/journey-records.ts';
import type { NoteRecord } from '../model/records.ts';
import { KIND_STYLES } from './note-kinds.ts';

/**
 * Changes what notes are. A note takes its kind's colour; channel, stamp and ratings belong to
 * touchpoints, so a note that stops being one drops them (undo brings them back).
 */
export const setNoteKind = (doc: MutableDocument, ids: Iterable<string>, kind: NoteKind): void => {
  for (const id of ids) {
    const note = doc.records[id];
    if (!isLiveNote(note)) continue;
    const touchpoint = kind === 'touchpoint';
    updateNote(doc, id, {
      kind,
      color: KIND_STYLES[kind].color,
      channel: touchpoint ? note.channel : null,
      wow: touchpoint ? note.wow : false,
      ratings: touchpoint ? note.ratings : null,
    });
  }
};

/** The live touchpoints among `ids`: channel, stamp and ratings belong to them alone. */
export const touchpointsAmong = (doc: MutableDocument, ids: Iterable<string>): NoteRecord[] =>
  [...ids]
    .map((id) => doc.records[id])
    .filter((note): note is NoteRecord => isLiveNote(note) && note.kind === 'touchpoint');

/** A kind key: the notes take that kind; pressed again on notes that have it, they become plain notes. */
export const toggleNoteKind = (doc: MutableDocument, ids: readonly string[], kind: NoteKind): void => {
  const notes = ids.map((id) => doc.records[id]).filter(isLiveNote);
  setNoteKind(doc, ids, notes.length > 0 && notes.every((note) => note.kind === kind) ? 'note' : kind);
};

const CHANNEL_CYCLE = [null, ...CHANNELS] as const;

/** The channel key: each touchpoint's channel steps to the next one (after the last: none). */
export const stepChannel = (doc: MutableDocument, ids: readonly string[], direction: 1 | -1): void => {
  for (const note of touchpointsAmong(doc, ids)) {
    const at = CHANNEL_CYCLE.indexOf(note.channel);
    const next = CHANNEL_CYCLE[(at + direction + CHANNEL_CYCLE.length) % CHANNEL_CYCLE.length] ?? null;
    updateNote(doc, note.id, { channel: next });
  }
};

/** The stamp key: stamps the touchpoints, or unstamps them when every one is stamped. */
export const toggleStamp = (doc: MutableDocument, ids: readonly string[]): void => {
  const touchpoints = touchpointsAmong(doc, ids);
  const wow = !touchpoints.every((note) => note.wow);
  for (const note of touchpoints) updateNote(doc, note.id, { wow });
};

export const RATING_ORDER: readonly (keyof TouchpointRatings)[] = ['effortless', 'productive', 'painless'];

const NO_RATINGS: TouchpointRatings = { effortless: null, productive: null, painless: null };

/** One of the three ratings of the touchpoints; null clears it. */
export const rateTouchpoints = (
  doc: MutableDocument,
  ids: readonly string[],
  rating: keyof TouchpointRatings,
  value: number | null,
): void => {
  for (const note of touchpointsAmong(doc, ids))
    updateNote(doc, note.id, { ratings: { ...(note.ratings ?? NO_RATINGS), [rating]: value } });
};
