import { describe, expect, test } from 'vitest';
import type { VoteRecord } from './journey-records.ts';
import { freshBookkeeping } from './update.ts';
import { relinkVote } from './vote-references.ts';

const vote: VoteRecord = {
  ...freshBookkeeping('vote', 1_000),
  type: 'vote',
  question: 'Which breakdowns hurt most?',
  scenarioId: 'current',
  kinds: ['breakdown'],
  stageIds: ['purchase', 'use'],
  laneIds: ['breakdowns'],
  noteIds: ['a', 'b'],
  voters: 3,
  dotsPerVoter: 3,
  stacking: true,
  hidden: false,
  revealed: false,
  startedAt: 1_000,
  ballots: [{ a: 2, b: 1 }, { b: 1 }],
  onPhones: false,
  voterIds: [],
};

describe('a vote’s references', () => {
  test('follow records to their new ids', () => {
    const relinked = relinkVote(vote, (id, type) => `${type}-${id}`);
    expect(relinked).toMatchObject({
      scenarioId: 'scenario-current',
      stageIds: ['stage-purchase', 'stage-use'],
      laneIds: ['lane-breakdowns'],
      noteIds: ['note-a', 'note-b'],
      ballots: [{ 'note-a': 2, 'note-b': 1 }, { 'note-b': 1 }],
    });
  });

  test('give back the same vote when nothing moves', () => {
    expect(relinkVote(vote, (id) => id)).toBe(vote);
  });

  test('drop dots and choices naming what is missing, but never empty a list, which would mean "any"', () => {
    const relinked = relinkVote(vote, (id) => (['use', 'breakdowns', 'b'].includes(id) ? null : id));
    expect(relinked).toMatchObject({
      scenarioId: 'current',
      stageIds: ['purchase'],
      laneIds: ['breakdowns'],
      noteIds: ['a'],
      ballots: [{ a: 2 }, {}],
    });
  });

  test('keep the scenario even when it is missing', () => {
    expect(relinkVote(vote, (id, type) => (type === 'scenario' ? null : id))).toBe(vote);
  });
});
