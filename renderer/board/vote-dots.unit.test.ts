import { describe, expect, it } from 'vitest';
import { voteMap } from '../../shared/journey/votes/test-support.ts';
import { addDot, nextVoter, revealVote, startVote } from '../../shared/journey/votes/vote-edits.ts';
import { updateNote } from '../../shared/model/edits.ts';
import { createBoardStore } from '../store/index.ts';
import { runningVote, shownDots, shownVote } from './vote-dots.ts';

const setUp = () => {
  const map = voteMap();
  const store = createBoardStore();
  store.getState().loadDocument(map.doc);
  const ids: string[] = [];
  store.getState().edit('Start a vote', (draft) => {
    const started = startVote(draft, {
      question: 'Which breakdowns hurt most?',
      scenarioId: map.currentId,
      voters: 3,
      dotsPerVoter: 2,
      hidden: true,
    });
    if (started.ok) ids.push(started.id);
  });
  const [id = ''] = ids;
  const edit = (recipe: Parameters<ReturnType<typeof store.getState>['edit']>[1]) =>
    store.getState().edit('Vote', recipe);
  const dots = (panelOpen = false) => {
    const { doc, changes } = store.getState();
    return doc ? shownDots(shownVote(doc, map.currentId, panelOpen, changes)) : new Map();
  };
  return { map, store, id, edit, dots };
};

describe('the dots the board shows', () => {
  it('of a hidden vote: only the current voter’s own, until the reveal shows every voter’s', () => {
    const { map, id, edit, dots } = setUp();
    edit((draft) => addDot(draft, id, map.cartridge.id));
    expect([...dots()]).toEqual([[map.cartridge.id, 1]]);
    edit((draft) => nextVoter(draft, id));
    expect([...dots()]).toEqual([]);
    edit((draft) => addDot(draft, id, map.cartridge.id));
    edit((draft) => addDot(draft, id, map.striped.id));
    expect(dots().get(map.cartridge.id)).toBe(1);
    edit((draft) => revealVote(draft, id));
    // A revealed vote's dots are shown while the vote panel shows its results.
    expect(dots(false).size).toBe(0);
    expect([...dots(true)]).toEqual([
      [map.cartridge.id, 2],
      [map.striped.id, 1],
    ]);
  });

  it('follow the votes through edits of notes, undo and a new vote', () => {
    const { map, store, id, edit } = setUp();
    const running = () => {
      const { doc, changes } = store.getState();
      return doc ? (runningVote(doc, map.currentId, changes)?.id ?? null) : null;
    };
    expect(running()).toBe(id);
    edit((draft) => updateNote(draft, map.shop.id, { text: 'Shop' }));
    expect(running()).toBe(id);
    edit((draft) => revealVote(draft, id));
    expect(running()).toBeNull();
    store.getState().undo();
    expect(running()).toBe(id);
    store.getState().undo();
    store.getState().undo();
    expect(running()).toBeNull();
    store.getState().redo();
    expect(running()).toBe(id);
  });
});
