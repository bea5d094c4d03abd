import {
  addDot,
  deleteVote,
  nextVoter as nextVoterEdit,
  removeDot,
  revealVote,
  startVote,
  type VoteOptions,
} from '../../shared/journey/votes/vote-edits.ts';
import { type VoteRefusal, voteRefusalMessage } from '../../shared/journey/votes/vote-messages.ts';
import { budgetLeft, currentVoter, liveVote } from '../../shared/journey/votes/vote-queries.ts';
import type { MutableDocument } from '../../shared/model/edits.ts';
import type { VoteRecord } from '../../shared/model/journey-records.ts';
import { carryVotesOver, runningVote } from '../board/vote-dots.ts';
import type { BoardStore } from '../store/index.ts';
import { showNotice } from '../ui/notice-store.ts';

/**
 * Running a vote from the board: dots on the selected notes, the next voter, the reveal. Each is
 * one undo step through the store's edit, so it is autosaved; a refusal is told as a notice.
 */

/** "Voter 2 of 5", as the panel and the notices say it. */
export const voterLine = (vote: VoteRecord): string => `Voter ${currentVoter(vote)} of ${vote.voters}`;

/** "1 dot left", "3 dots left". */
export const dotsLeftLine = (vote: VoteRecord): string => {
  const left = budgetLeft(vote);
  return `${left} ${left === 1 ? 'dot' : 'dots'} left`;
};

const NO_VOTE = 'No vote is running on this scenario: start one from the Vote panel.';

/** The shown scenario's running vote, or null after telling the user there is none. */
const voteOfShown = (store: BoardStore): VoteRecord | null => {
  const { doc, scenarioId, changes } = store.getState();
  const vote = doc && scenarioId ? runningVote(doc, scenarioId, changes) : null;
  if (!vote) showNotice(NO_VOTE);
  return vote;
};

/**
 * Runs an edit of votes' ballots alone, which leaves which vote runs as it was: the board need
 * not look for it again among every record (carryVotesOver).
 */
const editBallots = (store: BoardStore, label: string, recipe: (draft: MutableDocument) => void): void => {
  const before = store.getState().doc?.records;
  store.getState().edit(label, recipe);
  const after = store.getState().doc?.records;
  if (before && after) carryVotesOver(before, after);
};

/** Where the current voter stands: "Voter 2 of 5: 1 dot left." */
const standing = (store: BoardStore, voteId: string): void => {
  const doc = store.getState().doc;
  const vote = doc && liveVote(doc, voteId);
  if (vote) showNotice(`${voterLine(vote)}: ${dotsLeftLine(vote)}.`);
};

/**
 * Adds or takes off a dot on each selected note, as one step; tells the first refusal, or else
 * where the voter stands. False when no note is selected (the key is not the vote's then).
 */
const dotOnSelection = (store: BoardStore, adding: boolean): boolean => {
  const ids = [...store.getState().selection];
  if (ids.length === 0) return false;
  const vote = voteOfShown(store);
  if (!vote) return true;
  const refusals: VoteRefusal[] = [];
  editBallots(store, adding ? 'Add a dot' : 'Take a dot off', (draft) => {
    for (const id of ids) {
      const result = adding ? addDot(draft, vote.id, id) : removeDot(draft, vote.id, id);
      if (result !== 'added' && result !== 'removed') refusals.push(result);
    }
  });
  const [refusal] = refusals;
  if (refusal) showNotice(voteRefusalMessage(refusal));
  else standing(store, vote.id);
  return true;
};

export const addDotToSelection = (store: BoardStore): boolean => dotOnSelection(store, true);

export const removeDotFromSelection = (store: BoardStore): boolean => dotOnSelection(store, false);

/** Ends the current voter's turn and begins the next one's, with nothing selected to give away their dots. */
export const nextVoter = (store: BoardStore): void => {
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
  standing(store, vote.id);
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
