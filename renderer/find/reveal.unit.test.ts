import { describe, expect, it, vi } from 'vitest';
import { GRID } from '../../shared/journey/grid-geometry.ts';
import { testMap } from '../../shared/journey/scenarios/test-support.ts';
import { shownNotesById } from '../board/note-order.ts';
import { toScreen } from '../board/viewport.ts';
import { createBoardStore } from '../store/index.ts';
import { revealMatch } from './reveal.ts';

const setup = () => {
  const map = testMap('lifecycle');
  const note = map.put('Maturity', 'Opportunities', { text: 'Subscription' });
  const board = createBoardStore();
  board.getState().loadDocument(map.doc);
  board.getState().setCanvasSize({ width: 1000, height: 700 });
  return { map, board, note };
};

const centre = { x: 500, y: 350 };

describe('revealMatch', () => {
  it('selects a matched note and centres it on the screen', () => {
    const { board, note } = setup();
    revealMatch(board, { kind: 'note', id: note.id, text: note.text }, undefined);
    expect([...board.getState().selection]).toEqual([note.id]);
    const { doc, scenarioId, viewport } = board.getState();
    const drawn = shownNotesById(doc, scenarioId).get(note.id);
    if (!drawn) throw new Error('the note is not drawn');
    expect(drawn.x).toBeGreaterThan(2 * GRID.defaultStageWidth);
    const middle = toScreen(viewport, { x: drawn.x + drawn.w / 2, y: drawn.y + drawn.h / 2 });
    expect(middle.x).toBeCloseTo(centre.x);
    expect(middle.y).toBeCloseTo(centre.y);
  });

  it('selects a matched stage header and centres it', () => {
    const { map, board } = setup();
    const id = map.stageId('Growth');
    revealMatch(board, { kind: 'stage', id, text: 'Growth' }, undefined);
    expect(board.getState().selectedHeader).toEqual({ kind: 'stage', id });
    const middle = toScreen(board.getState().viewport, {
      x: GRID.defaultStageWidth * 1.5,
      y: -GRID.headerHeight / 2,
    });
    expect(middle.x).toBeCloseTo(centre.x);
    expect(middle.y).toBeCloseTo(centre.y);
  });

  it('selects a matched lane header and centres it', () => {
    const { map, board } = setup();
    const id = map.laneId('Customer actions');
    revealMatch(board, { kind: 'lane', id, text: 'Customer actions' }, undefined);
    expect(board.getState().selectedHeader).toEqual({ kind: 'lane', id });
    const middle = toScreen(board.getState().viewport, {
      x: -GRID.laneHeaderWidth / 2,
      y: GRID.headerHeight / 2,
    });
    expect(middle.x).toBeCloseTo(centre.x);
    expect(middle.y).toBeCloseTo(centre.y);
  });

  it('hands a persona match to the persona card and leaves the board alone', () => {
    const { board } = setup();
    const before = board.getState().viewport;
    const onPersonaMatch = vi.fn();
    revealMatch(board, { kind: 'persona', id: 'p1', field: 'goals', text: 'Print on time' }, onPersonaMatch);
    expect(onPersonaMatch).toHaveBeenCalledWith('p1', 'goals');
    expect(board.getState().viewport).toBe(before);
    expect(board.getState().selection.size).toBe(0);
  });
});
