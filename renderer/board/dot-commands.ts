import { addDot, removeDot } from '../../shared/journey/votes/vote-edits.ts';
import { type VoteRefusal, voteRefusalMessage } from '../../shared/journey/votes/vote-messages.ts';
import { budgetLeft, currentVoter, liveVote } from '../../shared/journey/votes/vote-queries.ts';
import type { MutableDocument } from '../../shared/model/edits.ts';
import type { VoteRecord } from '../../shared/model/journey-records.ts';
import type { BoardStore } from '../store/index.ts';
import { showNotice } from '../ui/notice-store.ts';
import { panelsStore } from '../ui/panels-store.ts';
import { carryVotesOver, runningVote } from './vote-dots.ts';

/**
 * A voter's dots, put on and taken off from the board, present mode or a badge click: each key
 * press or click is one undo step through the store's edit, so it is autosaved; a refusal is
 * told as a notice. The rest of running a vote (the next voter, the reveal) is renderer/votes'.
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
export const voteOfShown = (store: BoardStore): VoteRecord | null => {
  const { doc, scenarioId, changes } = store.getState();
  const vote = doc && scenarioId ? runningVote(doc, scenarioId, changes) : null;
  if (!vote) showNotice(NO_VOTE);
  return vote;
};

/**
 * Runs an edit of votes' ballots alone, which leaves which vote runs as it was: the board need
 * not look for it again among every record (carryVotesOver).
 */
export const editBallots = (
  store: BoardStore,
  label: string,
  recipe: (draft: MutableDocument) => void,
): void => {
  const before = store.getState().doc?.records;
  store.getState().edit(label, recipe);
  const after = store.getState().doc?.records;
  if (before && after) carryVotesOver(before, after);
};

/** Where the current voter stands: "Voter 2 of 5: 1 dot left." */
export const standing = (store: BoardStore, voteId: string): void => {
  const doc = store.getState().doc;
  const vote = doc && liveVote(doc, voteId);
  if (vote) showNotice(`${voterLine(vote)}: ${dotsLeftLine(vote)}.`);
};

/**
 * Adds or takes off a dot on each of these notes, as one step; tells the first refusal, or else
 * where the voter stands, unless the screen already says it (`standingShown`: the vote panel,
 * present mode's caption). False when there are no notes (the key or click is not the vote's then).
 */
export const dotOnNotes = (
  store: BoardStore,
  ids: readonly string[],
  adding: boolean,
  standingShown = false,
): boolean => {
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
  else if (!standingShown) standing(store, vote.id);
  return true;
};

/** The vote panel, when open, says whose turn it is and the dots left. */
const panelShowsStanding = (): boolean => panelsStore.getState().open.vote;

export const addDotToSelection = (store: BoardStore): boolean =>
  dotOnNotes(store, [...store.getState().selection], true, panelShowsStanding());

export const removeDotFromSelection = (store: BoardStore): boolean =>
  dotOnNotes(store, [...store.getState().selection], false, panelShowsStanding());
