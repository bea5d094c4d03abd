import {
  RATING_ORDER,
  rateTouchpoints,
  stepChannel,
  toggleNoteKind,
  toggleStamp,
  touchpointsAmong,
} from '../../shared/journey/note-edits.ts';
import { RATING_RANGE } from '../../shared/model/journey-records.ts';
import type { BoardStore } from '../store/index.ts';
import { noticeStore, showNotice } from '../ui/notice-store.ts';
import { NOTE_KINDS_KEYS, TOUCHPOINT_KEYS } from './key-bindings.ts';
import { type KeyPress, plain } from './shortcuts.ts';

const RATING_WORDS = { effortless: 'Effortless', productive: 'Productive', painless: 'Painless' } as const;

const NOT_A_TOUCHPOINT = 'Channel, stamp and ratings are for touchpoints: press T to make the note one.';

/**
 * The classifying keys on the selected notes (NOTE_KINDS_KEYS, TOUCHPOINT_KEYS): kinds, then for
 * touchpoints the channel, the stamp of authenticity and, after R, the three ratings as digits.
 * Each key is one undo step. The ratings being typed are this handler's own state, one per board.
 */
export const createNoteKeys = (store: BoardStore): ((event: KeyPress) => boolean) => {
  /** The rating the next digit sets, after R; null when no ratings are being typed. */
  let rating: number | null = null;

  const selected = (): string[] => [...store.getState().selection];

  const touchpoints = (): string[] | null => {
    const { doc } = store.getState();
    const ids = doc ? touchpointsAmong(doc, selected()).map((note) => note.id) : [];
    if (ids.length > 0) return ids;
    showNotice(NOT_A_TOUCHPOINT);
    return null;
  };

  const askRating = (index: number): void => {
    const name = RATING_ORDER[index];
    rating = name ? index : null;
    if (name)
      showNotice(`${RATING_WORDS[name]}: type ${RATING_RANGE.min}–${RATING_RANGE.max}, or 0 for not rated.`);
  };

  const typeRating = (event: KeyPress, index: number): boolean => {
    const name = RATING_ORDER[index];
    const value = Number.parseInt(event.key, 10);
    if (!name || !plain(event) || !/^\d$/.test(event.key) || value > RATING_RANGE.max) {
      // Any other key ends the ratings; Escape does nothing else.
      rating = null;
      noticeStore.getState().dismiss();
      return event.key === 'Escape';
    }
    const ids = selected();
    store
      .getState()
      .edit(`Rate ${name}`, (draft) => rateTouchpoints(draft, ids, name, value === 0 ? null : value));
    if (index + 1 < RATING_ORDER.length) askRating(index + 1);
    else {
      rating = null;
      showNotice('Rated.');
    }
    return true;
  };

  return (event) => {
    if (store.getState().selection.size === 0) {
      rating = null;
      return false;
    }
    if (rating !== null) return typeRating(event, rating);
    const kindKey = NOTE_KINDS_KEYS.find((binding) => binding.matches(event));
    if (kindKey) {
      const ids = selected();
      store.getState().edit('Change kind', (draft) => toggleNoteKind(draft, ids, kindKey.kind));
      return true;
    }
    if (TOUCHPOINT_KEYS.channel.matches(event)) {
      const ids = touchpoints();
      if (ids)
        store.getState().edit('Change channel', (draft) => stepChannel(draft, ids, event.shiftKey ? -1 : 1));
      return true;
    }
    if (TOUCHPOINT_KEYS.stamp.matches(event)) {
      const ids = touchpoints();
      if (ids) store.getState().edit('Stamp of authenticity', (draft) => toggleStamp(draft, ids));
      return true;
    }
    if (TOUCHPOINT_KEYS.ratings.matches(event)) {
      if (touchpoints()) askRating(0);
      return true;
    }
    return false;
  };
};
