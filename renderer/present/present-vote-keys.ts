import { dotOnNotes } from '../board/dot-commands.ts';
import { type KeyPress, PRESENT_KEYS } from '../board/shortcuts.ts';
import { runningVote } from '../board/vote-dots.ts';
import type { BoardStore } from '../store/index.ts';
import { showNotice } from '../ui/notice-store.ts';
import { nextVoter, revealActiveVote } from '../votes/vote-commands.ts';
import type { PresentActions, PresentState } from './present-store.ts';

/**
 * What present mode's vote keys and badge clicks do to the map. In the board's window they run
 * the board's own vote commands (localVoting); a projector window sends them to the board's
 * window, which holds the map (projector-voting.ts).
 */
export interface PresentVoting {
  dot(noteId: string, adding: boolean): void;
  nextVoter(): void;
  /** Reveals the running vote; false when none runs. */
  reveal(): boolean;
}

/** Voting on this window's map: each action one undo step, autosaved like a dot given on the board. */
export const localVoting = (board: BoardStore): PresentVoting => ({
  // Present mode's caption says whose turn it is and the dots left.
  dot: (noteId, adding) => {
    dotOnNotes(board, [noteId], adding, true);
  },
  nextVoter: () => nextVoter(board, true),
  reveal: () => {
    const { doc, scenarioId, changes } = board.getState();
    const running = doc && scenarioId ? runningVote(doc, scenarioId, changes) : null;
    // With no vote running, the command tells the user so.
    revealActiveVote(board);
    return running !== null;
  },
});

/** What a vote key came to: not a vote key, handled, or a reveal (the view then shows the results). */
export type PresentVoteKeyResult = 'ignored' | 'handled' | 'revealed';

const PICK_FIRST = 'Pick a note with Tab (or click its badge) to give it a dot.';

/**
 * The vote's keys in present mode, so the room votes from the projector view: + and − on the
 * note in the spotlight or picked with Tab, the next voter, the reveal.
 */
export const runPresentVoteKey = (
  voting: PresentVoting,
  present: PresentState & PresentActions,
  event: KeyPress,
): PresentVoteKeyResult => {
  const adding = PRESENT_KEYS.addDot.matches(event);
  if (adding || PRESENT_KEYS.removeDot.matches(event)) {
    const noteId = present.spotlightId ?? present.focusedId;
    if (noteId) voting.dot(noteId, adding);
    else showNotice(PICK_FIRST);
    return 'handled';
  }
  if (PRESENT_KEYS.nextVoter.matches(event)) {
    // The next voter starts with no note picked: the pick would hint at the last one's dots.
    voting.nextVoter();
    present.focus(null);
    present.spotlight(null);
    return 'handled';
  }
  if (PRESENT_KEYS.reveal.matches(event)) return voting.reveal() ? 'revealed' : 'handled';
  return 'ignored';
};
