import { budgetLeft, isEligible } from '../../../shared/journey/votes/vote-queries.ts';
import type { NoteRecord } from '../../../shared/model/records.ts';
import { hitsDotBadge } from '../../drawing/dot-badge.ts';
import type { BoardState } from '../../store/index.ts';
import { panelsStore } from '../../ui/panels-store.ts';
import { dotOnNotes } from '../dot-commands.ts';
import { orderedNotes } from '../note-order.ts';
import type { Point } from '../viewport.ts';
import { runningVote, shownDots } from '../vote-dots.ts';
import type { Gesture, GestureContext } from './gesture.ts';

/**
 * The note whose vote badge is under a point while a vote runs: a badge with dots, or the open
 * badge of a note that can still get one (as NotesShape draws them). Topmost first; null when
 * no vote runs or no badge is there.
 */
export const badgeNoteAt = (state: BoardState, point: Point): NoteRecord | null => {
  const { doc, scenarioId, changes } = state;
  const vote = doc && scenarioId ? runningVote(doc, scenarioId, changes) : null;
  if (!vote) return null;
  const dots = shownDots(vote);
  const open = budgetLeft(vote) > 0;
  const notes = orderedNotes(doc, scenarioId);
  for (let index = notes.length - 1; index >= 0; index--) {
    const note = notes[index];
    if (!note || !hitsDotBadge(note, point)) continue;
    if ((dots.get(note.id) ?? 0) > 0 || (open && isEligible(vote, note))) return note;
  }
  return null;
};

/**
 * A click on a note's vote badge: on release, a dot of the current voter's on the note, or with
 * Shift taken off; as the + and − keys do, one undo step. Selection and the note stay as they were.
 */
export const enterBadgeClick = (
  { store }: GestureContext,
  press: { readonly noteId: string; readonly shift: boolean },
): Gesture => ({
  move: () => undefined,
  up: () => {
    dotOnNotes(store, [press.noteId], !press.shift, panelsStore.getState().open.vote);
  },
});
