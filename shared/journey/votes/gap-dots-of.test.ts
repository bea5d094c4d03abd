import { describe, expect, it } from 'vitest';
import { updateNote } from '../../model/edits.ts';
import { gapDotsOf } from './gap-dots-of.ts';
import { voteMap } from './test-support.ts';
import { addDot, nextVoter, revealVote, startVote } from './vote-edits.ts';

describe('the dots that feed the gap list', () => {
  it('come from the newest revealed vote on the current scenario', () => {
    const map = voteMap();
    const at = (startedAt: number, question: string, scenarioId = map.currentId) => {
      const started = startVote(map.doc, { question, scenarioId, voters: 3, dotsPerVoter: 2 }, startedAt);
      if (!started.ok) throw new Error(started.reason);
      return started.id;
    };
    expect(gapDotsOf(map.doc, map.currentId)).toBeNull();
    const older = at(1_000, 'Older');
    revealVote(map.doc, older);
    const newer = at(2_000, 'Which breakdowns hurt most?');
    addDot(map.doc, newer, map.courier.id);
    nextVoter(map.doc, newer);
    addDot(map.doc, newer, map.courier.id);
    addDot(map.doc, newer, map.striped.id);
    revealVote(map.doc, newer);
    revealVote(map.doc, at(3_000, 'On the ideal', map.idealId));

    const dots = gapDotsOf(map.doc, map.currentId);
    expect(dots).toMatchObject({ question: 'Which breakdowns hurt most?', voters: 2, startedAt: 2_000 });
    expect(dots?.dotsOn(map.courier)).toBe(2);
    expect(dots?.dotsOn(map.striped)).toBe(1);
    expect(dots?.dotsOn(map.invoice)).toBe(0);
  });

  it('never come from a running vote, so a hidden vote shows no totals before its reveal', () => {
    const map = voteMap();
    const id = map.vote({ hidden: true });
    addDot(map.doc, id, map.courier.id);
    expect(gapDotsOf(map.doc, map.currentId)).toBeNull();
    revealVote(map.doc, id);
    expect(gapDotsOf(map.doc, map.currentId)?.dotsOn(map.courier)).toBe(1);
  });

  it('say nothing of a note that could not get dots, and keep those a note got before it was changed', () => {
    const map = voteMap();
    const id = map.vote({ kinds: ['breakdown'] });
    addDot(map.doc, id, map.courier.id);
    revealVote(map.doc, id);
    updateNote(map.doc, map.courier.id, { kind: 'opportunity' });
    const dots = gapDotsOf(map.doc, map.currentId);
    expect(dots?.dotsOn(map.shop)).toBeUndefined();
    expect(dots?.dotsOn(map.note(map.courier.id))).toBe(1);
  });
});
