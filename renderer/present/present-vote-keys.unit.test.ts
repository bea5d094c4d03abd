import { beforeEach, describe, expect, it } from 'vitest';
import { voteMap } from '../../shared/journey/votes/test-support.ts';
import { dotsOn, myDotsOn } from '../../shared/journey/votes/vote-queries.ts';
import type { KeyPress } from '../board/shortcuts.ts';
import { runningVote, shownVote } from '../board/vote-dots.ts';
import { type BoardStore, createBoardStore } from '../store/index.ts';
import { noticeStore } from '../ui/notice-store.ts';
import { createPresentStore, type PresentStore } from './present-store.ts';
import { localVoting, runPresentVoteKey } from './present-vote-keys.ts';

let board: BoardStore;
let present: PresentStore;
let map: ReturnType<typeof voteMap>;

const key = (k: string): KeyPress => ({
  key: k,
  code: '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: k === '+',
});
const press = (k: string) => runPresentVoteKey(localVoting(board), present.getState(), key(k));
const vote = () => {
  const { doc, scenarioId } = board.getState();
  const shown = doc && scenarioId ? shownVote(doc, scenarioId, true) : null;
  if (!shown) throw new Error('no vote');
  return shown;
};

beforeEach(() => {
  map = voteMap();
  map.vote({ stacking: true, hidden: true });
  board = createBoardStore();
  board.getState().loadDocument(map.doc);
  present = createPresentStore();
  present.getState().enter();
  noticeStore.getState().dismiss();
});

describe('voting from present mode', () => {
  it('puts the current voter’s dots on the picked note, or the spotlit one, and takes them off', () => {
    present.getState().focus(map.cartridge.id);
    expect(press('+')).toBe('handled');
    expect(press('=')).toBe('handled');
    present.getState().spotlight(map.striped.id);
    press('+');
    press('-');
    press('+');
    expect(myDotsOn(vote(), map.cartridge.id)).toBe(2);
    expect(myDotsOn(vote(), map.striped.id)).toBe(1);
    // Each dot is an undo step on the map.
    board.getState().undo();
    expect(myDotsOn(vote(), map.striped.id)).toBe(0);
  });

  it('asks for a note to be picked first', () => {
    press('+');
    expect(noticeStore.getState().message).toMatch(/Pick a note with Tab/);
    expect(vote().ballots.flatMap((ballot) => Object.keys(ballot))).toEqual([]);
  });

  it('moves on to the next voter with nothing picked, then reveals', () => {
    present.getState().focus(map.cartridge.id);
    press('+');
    expect(press('n')).toBe('handled');
    expect(present.getState().focusedId).toBeNull();
    expect(myDotsOn(vote(), map.cartridge.id)).toBe(0);
    present.getState().focus(map.cartridge.id);
    press('+');
    expect(press('r')).toBe('revealed');
    const { doc, scenarioId } = board.getState();
    expect(doc && scenarioId && runningVote(doc, scenarioId)).toBeNull();
    expect(vote().revealed).toBe(true);
    expect(dotsOn(vote(), map.cartridge.id)).toBe(2);
    // Nothing left to reveal.
    expect(press('r')).toBe('handled');
  });

  it('leaves other keys to present mode', () => {
    expect(press('PageDown')).toBe('ignored');
    expect(press('x')).toBe('ignored');
  });
});
