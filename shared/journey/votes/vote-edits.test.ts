import { describe, expect, it } from 'vitest';
import { deleteRecords } from '../../model/edits.ts';
import type { VoteRecord } from '../../model/journey-records.ts';
import { atLimitMessage, FILE_LIMITS } from '../../model/limits.ts';
import { deleteScenario } from '../scenarios/scenario-edits.ts';
import { voteMap } from './test-support.ts';
import {
  addDot,
  DEFAULT_QUESTION,
  deleteVote,
  nextVoter,
  removeDot,
  revealVote,
  startVote,
} from './vote-edits.ts';
import { voteRefusalMessage } from './vote-messages.ts';

const voteIn = (map: ReturnType<typeof voteMap>, id: string): VoteRecord => {
  const record = map.doc.records[id];
  if (record?.type !== 'vote') throw new Error(`no vote ${id}`);
  return record;
};

describe('starting a vote', () => {
  it('asks the question on the scenario’s notes, with the first voter’s turn begun', () => {
    const map = voteMap();
    const id = map.vote({ question: '  Which breakdowns hurt most?  ', hidden: true });
    expect(voteIn(map, id)).toMatchObject({
      type: 'vote',
      question: 'Which breakdowns hurt most?',
      scenarioId: map.currentId,
      kinds: [],
      stageIds: [],
      laneIds: [],
      noteIds: [],
      voters: 5,
      dotsPerVoter: 3,
      stacking: false,
      hidden: true,
      revealed: false,
      startedAt: 1_720_000_000_000,
      ballots: [{}],
      version: 1,
      isDeleted: false,
    });
  });

  it('gives a blank question a default, and brings voters and dots into their ranges', () => {
    const map = voteMap();
    const id = map.vote({ question: ' ', voters: 1000, dotsPerVoter: 0.2 });
    expect(voteIn(map, id)).toMatchObject({ question: DEFAULT_QUESTION, voters: 100, dotsPerVoter: 1 });
    const other = map.vote({ question: 'q'.repeat(600), voters: Number.NaN, dotsPerVoter: 99 });
    expect(voteIn(map, other)).toMatchObject({ voters: 1, dotsPerVoter: FILE_LIMITS.maxDotsPerVoter });
    expect(voteIn(map, other).question).toHaveLength(FILE_LIMITS.maxNameLength);
  });

  it('keeps each kind, stage, lane and note once, leaving out what is gone', () => {
    const map = voteMap();
    deleteRecords(map.doc, [map.invoice.id]);
    const purchase = map.stageId('Purchase');
    const id = map.vote({
      kinds: ['touchpoint', 'breakdown', 'breakdown'],
      stageIds: [purchase, purchase, 'no-such-stage'],
      laneIds: [map.laneId('Touchpoints')],
      noteIds: [map.shop.id, map.invoice.id, map.idealCourier.id, map.shop.id],
    });
    expect(voteIn(map, id)).toMatchObject({
      kinds: ['touchpoint', 'breakdown'],
      stageIds: [purchase],
      laneIds: [map.laneId('Touchpoints')],
      noteIds: [map.shop.id],
    });
  });

  it('is refused when no note could get dots, rather than opened to every note', () => {
    const map = voteMap();
    const refused = (options: Parameters<typeof map.vote>[0]) =>
      startVote(map.doc, {
        question: 'Q',
        scenarioId: map.currentId,
        voters: 2,
        dotsPerVoter: 1,
        ...options,
      });
    expect(refused({ kinds: ['quote'] })).toEqual({ ok: false, reason: 'nothing-eligible' });
    expect(refused({ noteIds: [map.idealCourier.id] })).toEqual({ ok: false, reason: 'nothing-eligible' });
    expect(refused({ stageIds: ['gone'] })).toEqual({ ok: false, reason: 'nothing-eligible' });
    expect(voteRefusalMessage('nothing-eligible')).toBe(
      'No note of this scenario can get dots in that vote. Choose other kinds, stages, lanes or notes.',
    );
    expect(Object.values(map.doc.records).filter((record) => record.type === 'vote')).toEqual([]);
  });

  it('is refused past the most votes a map may hold, deleted ones not counted', () => {
    const map = voteMap();
    const first = map.vote();
    for (let count = 1; count < FILE_LIMITS.maxVotes; count++) map.vote();
    const more = { question: 'One more', scenarioId: map.currentId, voters: 1, dotsPerVoter: 1 };
    expect(startVote(map.doc, more)).toEqual({ ok: false, reason: 'at-limit' });
    expect(voteRefusalMessage('at-limit')).toBe(atLimitMessage('vote'));
    expect(atLimitMessage('vote')).toBe('This map already has 100 votes, the most a map can have.');
    deleteVote(map.doc, first);
    expect(startVote(map.doc, more)).toMatchObject({ ok: true });
  });

  it('needs a live scenario', () => {
    const map = voteMap();
    expect(() => map.vote({ scenarioId: 'missing' })).toThrow('has no scenario missing');
  });
});

describe('dots', () => {
  it('the current voter adds dots up to their budget, one a note unless stacking', () => {
    const map = voteMap();
    const id = map.vote();
    expect(addDot(map.doc, id, map.cartridge.id)).toBe('added');
    expect(addDot(map.doc, id, map.cartridge.id)).toBe('one-dot-per-note');
    expect(addDot(map.doc, id, map.striped.id)).toBe('added');
    expect(addDot(map.doc, id, map.courier.id)).toBe('added');
    expect(addDot(map.doc, id, map.invoice.id)).toBe('budget-spent');
    expect(voteIn(map, id).ballots).toEqual([
      { [map.cartridge.id]: 1, [map.striped.id]: 1, [map.courier.id]: 1 },
    ]);
  });

  it('with stacking, several dots go on one note', () => {
    const map = voteMap();
    const id = map.vote({ stacking: true });
    for (let dot = 0; dot < 3; dot++) expect(addDot(map.doc, id, map.courier.id)).toBe('added');
    expect(addDot(map.doc, id, map.courier.id)).toBe('budget-spent');
    expect(voteIn(map, id).ballots).toEqual([{ [map.courier.id]: 3 }]);
  });

  it('go only on notes the vote is on: live notes of its scenario, of its kinds, stages, lanes or selection', () => {
    const map = voteMap();
    const byKind = map.vote({ kinds: ['breakdown'] });
    expect(addDot(map.doc, byKind, map.shop.id)).toBe('not-eligible');
    expect(addDot(map.doc, byKind, map.idealCourier.id)).toBe('not-eligible');
    expect(addDot(map.doc, byKind, 'no-such-note')).toBe('not-eligible');
    const byStage = map.vote({ stageIds: [map.stageId('Use')] });
    expect(addDot(map.doc, byStage, map.cartridge.id)).toBe('not-eligible');
    expect(addDot(map.doc, byStage, map.bundle.id)).toBe('not-eligible');
    expect(addDot(map.doc, byStage, map.striped.id)).toBe('added');
    const bySelection = map.vote({ noteIds: [map.bundle.id, map.invoice.id] });
    expect(addDot(map.doc, bySelection, map.courier.id)).toBe('not-eligible');
    expect(addDot(map.doc, bySelection, map.bundle.id)).toBe('added');
    deleteRecords(map.doc, [map.invoice.id]);
    expect(addDot(map.doc, bySelection, map.invoice.id)).toBe('not-eligible');
    expect(voteRefusalMessage('not-eligible')).toBe('This note is not part of the vote.');
  });

  it('the current voter takes off their own dots, never an earlier voter’s', () => {
    const map = voteMap();
    const id = map.vote({ stacking: true });
    addDot(map.doc, id, map.courier.id);
    addDot(map.doc, id, map.courier.id);
    nextVoter(map.doc, id);
    addDot(map.doc, id, map.striped.id);
    expect(removeDot(map.doc, id, map.courier.id)).toBe('no-dot');
    expect(removeDot(map.doc, id, map.striped.id)).toBe('removed');
    expect(removeDot(map.doc, id, map.striped.id)).toBe('no-dot');
    expect(voteIn(map, id).ballots).toEqual([{ [map.courier.id]: 2 }, {}]);
    nextVoter(map.doc, id);
    addDot(map.doc, id, map.courier.id);
    addDot(map.doc, id, map.courier.id);
    expect(removeDot(map.doc, id, map.courier.id)).toBe('removed');
    expect(voteIn(map, id).ballots.at(-1)).toEqual({ [map.courier.id]: 1 });
  });

  it('change nothing when refused: no new version, no undo step', () => {
    const map = voteMap();
    const id = map.vote({ dotsPerVoter: 1 });
    addDot(map.doc, id, map.cartridge.id);
    const before = voteIn(map, id);
    expect(addDot(map.doc, id, map.striped.id)).toBe('budget-spent');
    expect(removeDot(map.doc, id, map.striped.id)).toBe('no-dot');
    expect(voteIn(map, id)).toBe(before);
    expect(before.version).toBe(2);
  });

  it('are refused once the vote is revealed, or gone', () => {
    const map = voteMap();
    const id = map.vote();
    addDot(map.doc, id, map.cartridge.id);
    revealVote(map.doc, id);
    expect(addDot(map.doc, id, map.striped.id)).toBe('revealed');
    expect(removeDot(map.doc, id, map.cartridge.id)).toBe('revealed');
    expect(voteRefusalMessage('revealed')).toBe('This vote is revealed: it takes no more dots.');
    deleteVote(map.doc, id);
    expect(addDot(map.doc, id, map.striped.id)).toBe('no-vote');
    expect(removeDot(map.doc, id, map.cartridge.id)).toBe('no-vote');
    expect(addDot(map.doc, map.cartridge.id, map.striped.id)).toBe('no-vote');
  });
});

describe('the next voter', () => {
  it('begins a new ballot until every voter has had a turn', () => {
    const map = voteMap();
    const id = map.vote({ voters: 3 });
    addDot(map.doc, id, map.cartridge.id);
    expect(nextVoter(map.doc, id)).toBe('next');
    expect(nextVoter(map.doc, id)).toBe('next');
    expect(nextVoter(map.doc, id)).toBe('all-voted');
    expect(voteIn(map, id).ballots).toEqual([{ [map.cartridge.id]: 1 }, {}, {}]);
    expect(voteRefusalMessage('all-voted')).toBe(
      'Every voter has had a turn. Reveal the vote to see the results.',
    );
  });

  it('is refused for a revealed vote, or one that is gone', () => {
    const map = voteMap();
    const id = map.vote();
    revealVote(map.doc, id);
    expect(nextVoter(map.doc, id)).toBe('revealed');
    expect(nextVoter(map.doc, 'missing')).toBe('no-vote');
  });

  it('counts a vote read without ballots as the first voter’s turn', () => {
    const map = voteMap();
    const id = map.vote({ voters: 2 });
    map.doc.records[id] = { ...voteIn(map, id), ballots: [] };
    expect(addDot(map.doc, id, map.cartridge.id)).toBe('added');
    map.doc.records[id] = { ...voteIn(map, id), ballots: [] };
    expect(nextVoter(map.doc, id)).toBe('next');
    expect(voteIn(map, id).ballots).toEqual([{}, {}]);
  });
});

describe('revealing and deleting', () => {
  it('reveal once: a second reveal is no change', () => {
    const map = voteMap();
    const id = map.vote();
    revealVote(map.doc, id);
    const revealed = voteIn(map, id);
    expect(revealed).toMatchObject({ revealed: true, version: 2 });
    revealVote(map.doc, id);
    expect(voteIn(map, id)).toBe(revealed);
  });

  it('delete leaves a tombstone; deleting the scenario deletes its votes with its notes', () => {
    const map = voteMap();
    const id = map.vote();
    deleteVote(map.doc, id);
    expect(voteIn(map, id).isDeleted).toBe(true);
    const other = map.vote();
    expect(deleteScenario(map.doc, map.currentId)).toBe('deleted');
    expect(voteIn(map, other).isDeleted).toBe(true);
  });
});
