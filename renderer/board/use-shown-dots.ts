import { useRef } from 'react';
import { budgetLeft, isEligible } from '../../shared/journey/votes/vote-queries.ts';
import type { VoteRecord } from '../../shared/model/journey-records.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import { type BoardState, useBoard } from '../store/index.ts';
import { usePanelOpen } from '../ui/panels-store.ts';
import { runningVote, shownDots, shownVote } from './vote-dots.ts';
import type { VoteMarks } from './vote-marks.ts';

/**
 * The dots drawn on the notes, by note id (see shownVote and shownDots): a revealed vote's while
 * the vote panel shows its results, or always (`revealed`, present mode, where the room reads them).
 */
export const useShownDots = (revealed = false): ReadonlyMap<string, number> => {
  const panelOpen = usePanelOpen('vote');
  const withRevealed = revealed || panelOpen;
  return useBoard((state) =>
    shownDots(
      state.doc && state.scenarioId
        ? shownVote(state.doc, state.scenarioId, withRevealed, state.changes)
        : null,
    ),
  );
};

const NEVER = () => false;

/**
 * Which notes show an open badge to click (drawDotBadge): while a vote runs and the current
 * voter has dots left, the notes that can get one.
 */
export const useOpenBadges = (): ((note: NoteRecord) => boolean) => {
  const vote = useBoard((state) =>
    state.doc && state.scenarioId ? runningVote(state.doc, state.scenarioId, state.changes) : null,
  );
  const open = openVote(vote);
  return open ? (note) => isEligible(open, note) : NEVER;
};

/** The running vote while the current voter has dots left: the one whose open badges show. */
const openVote = (running: VoteRecord | null): VoteRecord | null =>
  running && budgetLeft(running) > 0 ? running : null;

/**
 * The board's dots and open badges (useShownDots, useOpenBadges) for one layer's notes, kept the
 * same object, and so not rendering the layer, while nothing changes for those notes: a dot on
 * the selected note (the active layer) leaves the layer of the other 5,000 notes undrawn.
 */
export const useVoteMarksOf = (notes: readonly NoteRecord[]): VoteMarks => {
  const withRevealed = usePanelOpen('vote');
  // What the store last gave (compared first: most store changes, a pan step, leave it as it
  // was) and what the layer was last given.
  const seen = useRef<{ readonly marks: VoteMarks; readonly notes: readonly NoteRecord[] } | null>(null);
  const kept = useRef<VoteMarks | null>(null);
  return useBoard((state: BoardState) => {
    const marks = voteMarks(state, withRevealed);
    const last = seen.current;
    seen.current = { marks, notes };
    const unchanged =
      last !== null &&
      last.notes === notes &&
      marks.dots === last.marks.dots &&
      marks.open === last.marks.open;
    if (kept.current && unchanged) return kept.current;
    if (!kept.current || !sameMarksFor(notes, kept.current, marks)) kept.current = marks;
    return kept.current;
  });
};

const NO_MARKS: VoteMarks = { dots: shownDots(null), open: null };

const voteMarks = (state: BoardState, withRevealed: boolean): VoteMarks => {
  if (!state.doc || !state.scenarioId) return NO_MARKS;
  return {
    dots: shownDots(shownVote(state.doc, state.scenarioId, withRevealed, state.changes)),
    open: openVote(runningVote(state.doc, state.scenarioId, state.changes)),
  };
};

/** Whether the notes look the same under both: the same dots on each, the same notes open to one. */
const sameMarksFor = (notes: readonly NoteRecord[], a: VoteMarks, b: VoteMarks): boolean =>
  sameOpen(a.open, b.open) &&
  (a.dots === b.dots || notes.every((note) => (a.dots.get(note.id) ?? 0) === (b.dots.get(note.id) ?? 0)));

/** Open to the same notes: both closed, or both running with the same notes eligible (isEligible). */
const sameOpen = (a: VoteRecord | null, b: VoteRecord | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.scenarioId === b.scenarioId &&
    a.kinds === b.kinds &&
    a.stageIds === b.stageIds &&
    a.laneIds === b.laneIds &&
    a.noteIds === b.noteIds);
