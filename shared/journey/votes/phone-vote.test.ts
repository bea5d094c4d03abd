import { describe, expect, it } from 'vitest';
import type { VoteRecord } from '../../model/journey-records.ts';
import { voteOnPhones, voteView } from './phone-vote.ts';
import { voteMap } from './test-support.ts';
import { addDot, revealVote, setPhoneBallot } from './vote-edits.ts';
import { budgetLeft, currentBallot, voteTotals } from './vote-queries.ts';

const voteIn = (map: ReturnType<typeof voteMap>, id: string): VoteRecord => {
  const record = map.doc.records[id];
  if (record?.type !== 'vote') throw new Error(`no vote ${id}`);
  return record;
};

describe('a vote on phones', () => {
  it('starts with no ballot and nobody voting at the laptop', () => {
    const map = voteMap();
    const id = map.vote({ kinds: ['breakdown'], onPhones: true, hidden: true });
    const vote = voteIn(map, id);
    expect(vote).toMatchObject({ onPhones: true, ballots: [], voterIds: [] });
    expect(budgetLeft(vote)).toBe(0);
    expect(addDot(map.doc, id, map.striped.id)).toBe('budget-spent');
    expect(voteOnPhones(map.doc)?.id).toBe(id);
  });

  it('shows phones the notes that can get dots, stage by stage, and never the dots given', () => {
    const map = voteMap();
    const id = map.vote({ kinds: ['breakdown'], onPhones: true, hidden: true });
    setPhoneBallot(map.doc, id, 'phone-ana-0001', { [map.striped.id]: 1 });
    const view = voteView(map.doc, voteIn(map, id));
    // Stage by stage; within a cell, the board's own order.
    expect(view.notes.map((note) => [note.stage, note.lane])).toEqual([
      ['Purchase', 'Breakdown points'],
      ['Use', 'Breakdown points'],
      ['Use', 'Breakdown points'],
      ['Post-purchase', 'Breakdown points'],
    ]);
    expect(view.notes.map((note) => note.text).sort()).toEqual(
      [map.cartridge, map.striped, map.courier, map.invoice].map((note) => note.text).sort(),
    );
    expect(JSON.stringify(view)).not.toContain('"dots"');
    expect(view).toMatchObject({ question: 'Which breakdowns hurt most?', dotsPerVoter: 3, stacking: false });
  });

  it('takes each phone’s whole ballot, the newest replacing the earlier, and counts every phone once', () => {
    const map = voteMap();
    const id = map.vote({ kinds: ['breakdown'], onPhones: true });
    expect(setPhoneBallot(map.doc, id, 'phone-ana-0001', { [map.striped.id]: 1, [map.courier.id]: 1 })).toBe(
      'set',
    );
    expect(setPhoneBallot(map.doc, id, 'phone-ben-0002', { [map.striped.id]: 1 })).toBe('set');
    expect(setPhoneBallot(map.doc, id, 'phone-ana-0001', { [map.invoice.id]: 1 })).toBe('set');
    const vote = voteIn(map, id);
    expect(vote.voterIds).toEqual(['phone-ana-0001', 'phone-ben-0002']);
    expect(Object.fromEntries(voteTotals(vote))).toEqual({ [map.invoice.id]: 1, [map.striped.id]: 1 });
    expect(currentBallot(vote)).toEqual({});
  });

  it('keeps only what the vote allows: eligible notes, one dot a note without stacking, the dots each has', () => {
    const map = voteMap();
    const id = map.vote({ kinds: ['breakdown'], onPhones: true, dotsPerVoter: 2 });
    setPhoneBallot(map.doc, id, 'phone-ana-0001', {
      [map.shop.id]: 1,
      [map.striped.id]: 3,
      [map.courier.id]: 1,
      [map.invoice.id]: 1,
      'no-such-note': 1,
    });
    expect(voteIn(map, id).ballots).toEqual([{ [map.striped.id]: 1, [map.courier.id]: 1 }]);
  });

  it('takes no ballot after the reveal, nor for a vote at the laptop', () => {
    const map = voteMap();
    const atLaptop = map.vote({ kinds: ['breakdown'] });
    expect(setPhoneBallot(map.doc, atLaptop, 'phone-ana-0001', { [map.striped.id]: 1 })).toBe(
      'not-on-phones',
    );
    const id = map.vote({ kinds: ['breakdown'], onPhones: true });
    revealVote(map.doc, id);
    expect(setPhoneBallot(map.doc, id, 'phone-ana-0001', { [map.striped.id]: 1 })).toBe('revealed');
    expect(voteOnPhones(map.doc)).toBeNull();
  });
});
