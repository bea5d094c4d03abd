import { describe, expect, it } from 'vitest';
import { testMap } from '../../shared/journey/scenarios/test-support.ts';
import { deleteRecords, updateNote } from '../../shared/model/edits.ts';
import { createBoardStore } from '../store/index.ts';
import { createFindStore } from './find-store.ts';

const setup = () => {
  const map = testMap('lifecycle');
  const first = map.put('Introduction', 'Touchpoints', { text: 'Toner ad' });
  const second = map.put('Growth', 'Touchpoints', { text: 'Toner reorder' });
  const third = map.put('Maturity', 'Breakdown points', { text: 'Out of toner' });
  map.put('Growth', 'Touchpoints', { text: 'Toner in ideal', scenarioId: map.idealId });
  const board = createBoardStore();
  board.getState().loadDocument(map.doc);
  const find = createFindStore(board);
  return { map, board, find, ids: [first.id, second.id, third.id] };
};

describe('the find store', () => {
  it('finds nothing until it is opened', () => {
    const { find } = setup();
    expect(find.getState().setQuery('toner')).toBeNull();
    expect(find.getState().matches).toEqual([]);
  });

  it('counts the matches of the shown scenario and makes the first one current', () => {
    const { find, ids } = setup();
    find.getState().openFind();
    const first = find.getState().setQuery('TONER');
    expect(first).toEqual({ kind: 'note', id: ids[0], text: 'Toner ad' });
    expect(find.getState().matches).toHaveLength(3);
    expect(find.getState().current).toBe(0);
    expect(find.getState().matchIds).toEqual(new Set(ids));
    expect(find.getState().currentId).toBe(ids[0]);
  });

  it('steps forward and back, wrapping around', () => {
    const { find, ids } = setup();
    find.getState().openFind();
    find.getState().setQuery('toner');
    expect(find.getState().step(1)?.id).toBe(ids[1]);
    expect(find.getState().step(1)?.id).toBe(ids[2]);
    expect(find.getState().step(1)?.id).toBe(ids[0]);
    expect(find.getState().step(-1)?.id).toBe(ids[2]);
    expect(find.getState().currentId).toBe(ids[2]);
  });

  it('follows edits on the board, keeping the current match where it still matches', () => {
    const { board, find, ids } = setup();
    find.getState().openFind();
    find.getState().setQuery('toner');
    find.getState().step(1);
    board
      .getState()
      .edit('Edit note text', (draft) => updateNote(draft, ids[0] ?? '', { text: 'Printer ad' }));
    expect(find.getState().matches).toHaveLength(2);
    expect(find.getState().currentId).toBe(ids[1]);
    board.getState().edit('Delete note', (draft) => deleteRecords(draft, [ids[1] ?? '']));
    expect(find.getState().matches.map((match) => match.id)).toEqual([ids[2]]);
    expect(find.getState().currentId).toBe(ids[2]);
    board.getState().undo();
    board.getState().undo();
    expect(find.getState().matches).toHaveLength(3);
  });

  it('searches the scenario the board switches to', () => {
    const { map, board, find } = setup();
    find.getState().openFind();
    find.getState().setQuery('toner');
    board.getState().setScenario(map.idealId);
    expect(find.getState().matches.map((match) => match.text)).toEqual(['Toner in ideal']);
  });

  it('clears the highlights when closed and finds the same query again when reopened', () => {
    const { find } = setup();
    find.getState().openFind();
    find.getState().setQuery('toner');
    find.getState().closeFind();
    expect(find.getState().open).toBe(false);
    expect(find.getState().matchIds.size).toBe(0);
    expect(find.getState().currentId).toBeNull();
    find.getState().openFind();
    expect(find.getState().query).toBe('toner');
    expect(find.getState().matches).toHaveLength(3);
  });

  it('asks the bar to focus its input on every Mod+F', () => {
    const { find } = setup();
    find.getState().openFind();
    const first = find.getState().focusRequest;
    find.getState().openFind();
    expect(find.getState().focusRequest).toBe(first + 1);
    expect(find.getState().open).toBe(true);
  });
});
