import { atLimitMessage } from '../../model/limits.ts';
import type { AddDotResult, NextVoterResult, RemoveDotResult, StartVoteRefusal } from './vote-edits.ts';

/** Every reason a vote edit may be refused. */
export type VoteRefusal =
  | StartVoteRefusal
  | Exclude<AddDotResult, 'added'>
  | Exclude<RemoveDotResult, 'removed'>
  | Exclude<NextVoterResult, 'next'>;

/** What the facilitator reads when a vote edit is refused, in the product's words. */
export const voteRefusalMessage = (refusal: VoteRefusal): string => {
  switch (refusal) {
    case 'at-limit':
      return atLimitMessage('vote');
    case 'nothing-eligible':
      return 'No note of this scenario can get dots in that vote. Choose other kinds, stages, lanes or notes.';
    case 'no-vote':
      return 'That vote is no longer in this map.';
    case 'revealed':
      return 'This vote is revealed: it takes no more dots.';
    case 'not-eligible':
      return 'This note is not part of the vote.';
    case 'budget-spent':
      return 'This voter has placed all their dots. Take one off, or go on to the next voter.';
    case 'one-dot-per-note':
      return 'One dot per note in this vote: this voter has one on it already.';
    case 'no-dot':
      return 'This voter has no dot on this note.';
    case 'all-voted':
      return 'Every voter has had a turn. Reveal the vote to see the results.';
  }
};
