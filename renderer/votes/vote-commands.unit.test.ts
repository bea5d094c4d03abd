import { beforeEach, describe, expect, it } from 'vitest';
import { voteMap } from '../../shared/journey/votes/test-support.ts';
import { voteRefusalMessage } from '../../shared/journey/votes/vote-messages.ts';
import { currentVoter, dotsOn, liveVote, myDotsOn } from '../../shared/journey/votes/vote-queries.ts';
import type { VoteRecord } from '../../shared/model/journey-records.ts';
import { addDotToSelection, removeDotFromSelection } from '../board/dot-commands.ts';
import type { KeyPress } from '../board/shortcuts.ts';
import { runningVote } from '../board/vote-dots.ts';
import { type BoardStore, createBoardStore } from '../store/index.ts';
import { noticeStore } from '../ui/notice-store.ts';
import { panelsStore } from '../ui/panels-store.ts';
import { nextVoter, revealActiveVote, startVoteOnShown } from './vote-commands.ts';
import { voteKeys } from './vote-keys.ts';

let store: BoardStore;
let map: ReturnType<typeof voteMap>;

const notice = () => noticeStore.getState().message;

const vote = (): VoteRecord => {
  const { doc, scenarioId } = store.getState();
  const running = doc && scenarioId ? runningVote(doc, scenarioId) : null;
  if (!running) throw new Error('no running vote');
  return running;
};

beforeEach(() => {
  map = voteMap();
  store = createBoardStore();
  store.getState().loadDocument(map.doc);
  noticeStore.getState().dismiss();
});

const startHidden = () =>
  startVoteOnShown(store, {
    question: 'Which breakdown points hurt most?',
    kinds: ['breakdown'],
    voters: 2,
    dotsPerVoter: 2,
    hidden: true,
  });

describe('voting from the board', () => {
  it('says where the voter stands only when the vote panel, which says it, is closed; refusals always', () => {
    expect(startHidden()).toBe(true);
    panelsStore.getState().toggle('vote');
    try {
      store.getState().select([map.cartridge.id]);
      addDotToSelection(store);
      expect(myDotsOn(vote(), map.cartridge.id)).toBe(1);
      expect(notice()).toBeNull();
      addDotToSelection(store);
      expect(notice()).toBe(voteRefusalMessage('one-dot-per-note'));
    } finally {
      panelsStore.getState().close('vote');
    }
  });

  it('+ and − add and take off the current voter’s dots on the selected notes, each one undo step', () => {
    expect(startHidden()).toBe(true);
    store.getState().select([map.cartridge.id]);
    expect(addDotToSelection(store)).toBe(true);
    expect(myDotsOn(vote(), map.cartridge.id)).toBe(1);
    expect(notice()).toBe('Voter 1 of 2: 1 dot left.');
    store.getState().select([map.striped.id]);
    addDotToSelection(store);
    expect(notice()).toBe('Voter 1 of 2: 0 dots left.');
    removeDotFromSelection(store);
    expect(myDotsOn(vote(), map.striped.id)).toBe(0);
    expect(notice()).toBe('Voter 1 of 2: 1 dot left.');
    store.getState().undo();
    expect(myDotsOn(vote(), map.striped.id)).toBe(1);
    expect(store.getState().past.map((entry) => entry.label)).toEqual([
      'Start a vote',
      'Add a dot',
      'Add a dot',
    ]);
  });

  it('tells why a dot is refused, and leaves the map as it was', () => {
    startHidden();
    store.getState().select([map.shop.id]);
    addDotToSelection(store);
    expect(notice()).toBe(voteRefusalMessage('not-eligible'));
    store.getState().select([map.cartridge.id]);
    addDotToSelection(store);
    addDotToSelection(store);
    expect(notice()).toBe(voteRefusalMessage('one-dot-per-note'));
    removeDotFromSelection(store);
    removeDotFromSelection(store);
    expect(notice()).toBe(voteRefusalMessage('no-dot'));
    expect(store.getState().past).toHaveLength(3);
  });

  it('says there is no vote when none runs, and leaves keys alone with nothing selected', () => {
    store.getState().select([map.cartridge.id]);
    expect(addDotToSelection(store)).toBe(true);
    expect(notice()).toBe('No vote is running on this scenario: start one from the Vote panel.');
    store.getState().clearSelection();
    startHidden();
    expect(addDotToSelection(store)).toBe(false);
    expect(removeDotFromSelection(store)).toBe(false);
  });

  it('the next voter starts with a fresh budget and nothing selected; the reveal ends the vote', () => {
    startHidden();
    store.getState().select([map.cartridge.id]);
    addDotToSelection(store);
    nextVoter(store);
    expect(store.getState().selection.size).toBe(0);
    expect(currentVoter(vote())).toBe(2);
    expect(notice()).toBe('Voter 2 of 2: 2 dots left.');
    store.getState().select([map.cartridge.id]);
    addDotToSelection(store);
    nextVoter(store);
    expect(notice()).toBe(voteRefusalMessage('all-voted'));
    const id = vote().id;
    revealActiveVote(store);
    const doc = store.getState().doc;
    const revealed = doc ? liveVote(doc, id) : null;
    expect(revealed?.revealed).toBe(true);
    expect(revealed && dotsOn(revealed, map.cartridge.id)).toBe(2);
    store.getState().select([map.striped.id]);
    addDotToSelection(store);
    expect(notice()).toBe('No vote is running on this scenario: start one from the Vote panel.');
  });

  it('finds the running vote again after undo brings it back', () => {
    startHidden();
    const id = vote().id;
    revealActiveVote(store);
    store.getState().undo();
    expect(vote().id).toBe(id);
  });
});

describe('the vote keys', () => {
  const key = (name: string): KeyPress => ({
    key: name,
    code: '',
    shiftKey: name === '+',
    ctrlKey: false,
    metaKey: false,
    altKey: false,
  });

  it('+ and = add a dot, - takes it off; other keys are not the vote’s', () => {
    startHidden();
    store.getState().select([map.cartridge.id]);
    expect(voteKeys(store, key('+'))).toBe(true);
    expect(myDotsOn(vote(), map.cartridge.id)).toBe(1);
    expect(voteKeys(store, key('-'))).toBe(true);
    expect(voteKeys(store, key('='))).toBe(true);
    expect(myDotsOn(vote(), map.cartridge.id)).toBe(1);
    expect(voteKeys(store, key('b'))).toBe(false);
    expect(voteKeys(store, { ...key('='), ctrlKey: true })).toBe(false);
  });
});
