import type { JourneyDocument } from '../../model/document.ts';
import type { GapDots } from '../scenarios/gap-dots.ts';
import { isEligible, votesOf, voteTotals } from './vote-queries.ts';

/**
 * The dots that feed the gap list comparing `currentId` with an ideal: those of the newest
 * revealed vote on that scenario, or null when it has none. A running vote never feeds it, so a
 * hidden vote's totals cannot show here before the reveal.
 */
export const gapDotsOf = (doc: JourneyDocument, currentId: string): GapDots | null => {
  const vote = votesOf(doc).find((candidate) => candidate.scenarioId === currentId && candidate.revealed);
  if (!vote) return null;
  const totals = voteTotals(vote);
  return {
    question: vote.question,
    voters: vote.ballots.length,
    startedAt: vote.startedAt,
    // A note edited out of the vote since (another kind) keeps the dots it got.
    dotsOn: (note) => totals.get(note.id) ?? (isEligible(vote, note) ? 0 : undefined),
  };
};
