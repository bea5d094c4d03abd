import { describe, expect, it } from 'vitest';
import { deleteRecords, updateNote } from '../../model/edits.ts';
import type { VoteRecord } from '../../model/journey-records.ts';
import { voteMap } from './test-support.ts';
import { addDot, deleteVote, nextVoter, revealVote, startVote } from './vote-edits.ts';
import {
  activeVote,
  budgetLeft,
  currentVoter,
  dotsCast,
  dotsOn,
  eligibleNotes,
  isEligible,
  isLastVoter,
  liveVote,
  myDotsOn,
  totalsShown,
  votesOf,
  voteTotals,
} from './vote-queries.ts';

const voteIn = (map: ReturnType<typeof voteMap>, id: string): VoteRecord => {
  const vote = liveVote(map.doc, id);
  if (!vote) throw new Error(`no vote ${id}`);
  return vote;
};

describe('which votes', () => {
  it('votesOf lists the live votes, newest first', () => {
    const map = voteMap();
    const at = (startedAt: number, question: string) => {
      const started = startVote(
        map.doc,
        { question, scenarioId: map.currentId, voters: 1, dotsPerVoter: 1 },
        startedAt,
      );
      if (!started.ok) throw new Error(started.reason);
      return started.id;
    };
    const older = at(1_000, 'Older');
    const newer = at(2_000, 'Newer');
    const gone = at(3_000, 'Gone');
    deleteVote(map.doc, gone);
    expect(votesOf(map.doc).map((vote) => vote.id)).toEqual([newer, older]);
    expect(liveVote(map.doc, gone)).toBeNull();
    expect(liveVote(map.doc, map.cartridge.id)).toBeNull();
  });

  it('activeVote is the newest vote of the scenario not yet revealed', () => {
    const map = voteMap();
    expect(activeVote(map.doc, map.currentId)).toBeNull();
    const first = map.vote();
    const second = map.vote({ question: 'What next?' });
    map.doc.records[second] = { ...voteIn(map, second), startedAt: voteIn(map, first).startedAt + 1 };
    expect(activeVote(map.doc, map.currentId)?.id).toBe(second);
    revealVote(map.doc, second);
    expect(activeVote(map.doc, map.currentId)?.id).toBe(first);
    expect(activeVote(map.doc, map.idealId)).toBeNull();
  });
});

describe('eligibility', () => {
  it('every note of the scenario when every list is empty; live notes only', () => {
    const map = voteMap();
    const vote = voteIn(map, map.vote());
    expect(
      eligibleNotes(map.doc, vote)
        .map((note) => note.text)
        .sort(),
    ).toEqual(
      [map.cartridge, map.striped, map.courier, map.invoice, map.shop, map.bundle]
        .map((note) => note.text)
        .sort(),
    );
    expect(isEligible(vote, map.idealCourier)).toBe(false);
    deleteRecords(map.doc, [map.striped.id]);
    expect(isEligible(vote, map.note(map.striped.id))).toBe(false);
  });

  it('a note must pass every list that is not empty; outside the grid it has no stage or lane', () => {
    const map = voteMap();
    const vote = voteIn(
      map,
      map.vote({ kinds: ['breakdown', 'idea'], laneIds: [map.laneId('Breakdown points')] }),
    );
    expect(
      eligibleNotes(map.doc, vote)
        .map((note) => note.id)
        .sort(),
    ).toEqual([map.cartridge.id, map.striped.id, map.courier.id, map.invoice.id].sort());
    expect(isEligible(vote, map.bundle)).toBe(false);
    const selected = voteIn(map, map.vote({ noteIds: [map.bundle.id, map.shop.id], kinds: ['idea'] }));
    expect(eligibleNotes(map.doc, selected).map((note) => note.id)).toEqual([map.bundle.id]);
  });

  it('follows the note: one changed to another kind or moved to another stage leaves or joins the vote', () => {
    const map = voteMap();
    const vote = voteIn(map, map.vote({ kinds: ['breakdown'], stageIds: [map.stageId('Use')] }));
    expect(isEligible(vote, map.cartridge)).toBe(false);
    updateNote(map.doc, map.cartridge.id, { stageId: map.stageId('Use') });
    expect(isEligible(vote, map.note(map.cartridge.id))).toBe(true);
    updateNote(map.doc, map.cartridge.id, { kind: 'opportunity' });
    expect(isEligible(vote, map.note(map.cartridge.id))).toBe(false);
  });
});

describe('dots and turns', () => {
  it('count the current voter’s dots, every voter’s dots and the budget left', () => {
    const map = voteMap();
    const id = map.vote({ voters: 2, stacking: true, hidden: true });
    addDot(map.doc, id, map.courier.id);
    addDot(map.doc, id, map.courier.id);
    expect([
      currentVoter(voteIn(map, id)),
      budgetLeft(voteIn(map, id)),
      isLastVoter(voteIn(map, id)),
    ]).toEqual([1, 1, false]);
    nextVoter(map.doc, id);
    addDot(map.doc, id, map.courier.id);
    addDot(map.doc, id, map.cartridge.id);
    const vote = voteIn(map, id);
    expect([currentVoter(vote), budgetLeft(vote), isLastVoter(vote)]).toEqual([2, 1, true]);
    expect([myDotsOn(vote, map.courier.id), dotsOn(vote, map.courier.id), dotsOn(vote, map.shop.id)]).toEqual(
      [1, 3, 0],
    );
    expect(voteTotals(vote)).toEqual(
      new Map([
        [map.courier.id, 3],
        [map.cartridge.id, 1],
      ]),
    );
    expect(dotsCast(vote)).toBe(4);
  });

  it('totals are shown all along in an open vote, only after the reveal in a hidden one', () => {
    const map = voteMap();
    const open = map.vote();
    const hidden = map.vote({ hidden: true });
    expect([totalsShown(voteIn(map, open)), totalsShown(voteIn(map, hidden))]).toEqual([true, false]);
    revealVote(map.doc, hidden);
    expect(totalsShown(voteIn(map, hidden))).toBe(true);
  });

  it('a vote read without ballots is at its first voter, with the whole budget', () => {
    const map = voteMap();
    const id = map.vote();
    const vote = { ...voteIn(map, id), ballots: [] };
    expect([currentVoter(vote), budgetLeft(vote), myDotsOn(vote, map.courier.id), dotsCast(vote)]).toEqual([
      1, 3, 0, 0,
    ]);
  });
});
