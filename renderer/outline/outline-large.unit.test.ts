import { describe, expect, it } from 'vitest';
import { layoutGrid } from '../../shared/journey/layout.ts';
import { largeMap } from '../../shared/journey/test-support/large-map.ts';
import { addDot, revealVote, startVote } from '../../shared/journey/votes/vote-edits.ts';
import { voteTotals } from '../../shared/journey/votes/vote-queries.ts';
import type { VoteRecord } from '../../shared/model/journey-records.ts';
import { buildOutline } from './outline-model.ts';
import { outlineTree, visibleItems } from './outline-tree.ts';
import { outlineVotes } from './outline-votes.ts';

/** Sizes far past FILE_LIMITS; the outline is O(stages × lanes + notes), so the grid stays feasible. */
describe('the outline of large maps', { timeout: 60_000 }, () => {
  it('lists a cell of 130,000 notes', () => {
    const { doc, scenarioId } = largeMap({ stages: 2, lanes: 2, notesInFirstCell: 130_000 });
    const tree = outlineTree(buildOutline(doc, scenarioId, layoutGrid(doc, scenarioId)));
    expect(tree[0]?.children[0]?.children).toHaveLength(130_000);
    expect(visibleItems(tree, new Set())).toHaveLength(2 + 4 + 130_000);
  });

  it('lists 10,000 stages and 10,000 lanes', () => {
    const wide = largeMap({ stages: 10_000, lanes: 1, notesInFirstCell: 0 });
    expect(
      outlineTree(buildOutline(wide.doc, wide.scenarioId, layoutGrid(wide.doc, wide.scenarioId))),
    ).toHaveLength(10_000);
    const tall = largeMap({ stages: 1, lanes: 10_000, notesInFirstCell: 0 });
    const tree = outlineTree(buildOutline(tall.doc, tall.scenarioId, layoutGrid(tall.doc, tall.scenarioId)));
    expect(tree[0]?.children).toHaveLength(10_000);
  });

  it('says the dots on a cell of 130,000 notes and ranks a past vote on them', () => {
    const large = largeMap({ stages: 2, lanes: 2, notesInFirstCell: 130_000 });
    const doc = { id: large.doc.id, records: { ...large.doc.records } };
    const started = startVote(doc, {
      question: 'Which?',
      scenarioId: large.scenarioId,
      voters: 1,
      dotsPerVoter: 3,
    });
    if (!started.ok) throw new Error(started.reason);
    for (const id of ['n0', 'n64999', 'n129999']) addDot(doc, started.id, id);
    revealVote(doc, started.id);
    const dots = voteTotals(doc.records[started.id] as VoteRecord);
    const tree = outlineTree(buildOutline(doc, large.scenarioId, layoutGrid(doc, large.scenarioId)), {
      dots,
      own: false,
      past: outlineVotes(doc),
    });
    expect(tree[0]?.children[0]?.children[129_999]?.label).toBe('Note: Note 129999, 1 dot');
    expect(tree.at(-1)?.children[0]?.children).toHaveLength(3);
  });
});
