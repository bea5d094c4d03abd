import {
  deleteVote,
  nextVoter as nextVoterEdit,
  revealVote,
  startVote,
  type VoteOptions,
} from '../../shared/journey/votes/vote-edits.ts';
import { voteRefusalMessage } from '../../shared/journey/votes/vote-messages.ts';
import { editBallots, standing, voteOfShown } from '../board/dot-commands.ts';
import type { BoardStore } from '../store/index.ts';
import { showNotice } from '../ui/notice-store.ts';

/**
 * Running a vote: starting it, the next voter, the reveal, deleting it. Each is one undo step
 * through the store's edit, so it is autosaved; a refusal is told as a notice. The dots
 * themselves are board/dot-commands.ts'.
 */

/**
 * Ends the current voter's turn and begins the next one's, with nothing selected to give away
 * their dots; says whose turn it is unless the screen already does (`standingShown`).
 */
export const nextVoter = (store: BoardStore, standingShown = false): void => {
  const vote = voteOfShown(store);
  if (!vote) return;
  const results: ReturnType<typeof nextVoterEdit>[] = [];
  editBallots(store, 'Next voter', (draft) => {
    results.push(nextVoterEdit(draft, vote.id));
  });
  const [result] = results;
  if (result !== 'next') {
    if (result) showNotice(voteRefusalMessage(result));
    return;
  }
  store.getState().clearSelection();
  if (!standingShown) standing(store, vote.id);
};

/** Reveals the shown scenario's running vote: its totals appear and it takes no more dots. */
export const revealActiveVote = (store: BoardStore): void => {
  const vote = voteOfShown(store);
  if (vote) store.getState().edit('Reveal the vote', (draft) => revealVote(draft, vote.id));
};

/** Starts a vote on the shown scenario; tells why when it is refused. */
export const startVoteOnShown = (store: BoardStore, options: Omit<VoteOptions, 'scenarioId'>): boolean => {
  const { scenarioId } = store.getState();
  if (!scenarioId) return false;
  const results: ReturnType<typeof startVote>[] = [];
  store.getState().edit('Start a vote', (draft) => {
    results.push(startVote(draft, { ...options, scenarioId }));
  });
  const [result] = results;
  if (result && !result.ok) showNotice(voteRefusalMessage(result.reason));
  return result?.ok === true;
};

export const deleteVoteById = (store: BoardStore, voteId: string): void =>
  store.getState().edit('Delete the vote', (draft) => deleteVote(draft, voteId));
