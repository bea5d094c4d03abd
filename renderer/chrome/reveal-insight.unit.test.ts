import { describe, expect, it } from 'vitest';
import { checkInsights } from '../../shared/journey/insights/check-insights.ts';
import type { RuleId } from '../../shared/journey/insights/rules.ts';
import { testMap } from '../../shared/journey/scenarios/test-support.ts';
import { cellBox, headerBox } from '../find/reveal.ts';
import { type BoardStore, createBoardStore } from '../store/index.ts';
import { revealInsight } from './reveal-insight.ts';

/** The map, with what a test adds to it before the board opens it (the board holds it frozen). */
const setup = (add: (map: ReturnType<typeof testMap>) => void = () => undefined) => {
  const map = testMap();
  map.put('Use', 'Touchpoints', { text: 'Install video', kind: 'touchpoint' });
  add(map);
  const board = createBoardStore();
  board.getState().loadDocument(map.doc);
  board.getState().setCanvasSize({ width: 1000, height: 700 });
  return { map, board };
};

const insightOf = (board: BoardStore, rule: RuleId) => {
  const { doc, scenarioId } = board.getState();
  const found = doc && scenarioId ? checkInsights(doc, scenarioId).find((item) => item.rule === rule) : null;
  if (!found) throw new Error(`no ${rule} insight`);
  return found;
};

/** Where the middle of a board rectangle is on the screen now. */
const onScreen = (board: BoardStore, rect: { x: number; y: number; w: number; h: number }) => {
  const { viewport } = board.getState();
  return {
    x: viewport.x + (rect.x + rect.w / 2) * viewport.scale,
    y: viewport.y + (rect.y + rect.h / 2) * viewport.scale,
  };
};

describe('revealing an insight', () => {
  it('selects the empty customer service lane, not a stage, and pans to its header', () => {
    const { map, board } = setup((map) => map.put('Referral', 'Touchpoints', { text: 'Tells a friend' }));
    const lane = map.laneId('Customer service');
    revealInsight(board, insightOf(board, 'customer-service-empty'));
    expect(board.getState().selectedHeader).toEqual({ kind: 'lane', id: lane });
    const box = headerBox(board, 'lane', lane);
    if (!box) throw new Error('the lane header is not drawn');
    expect(onScreen(board, box).x).toBeCloseTo(500);
    expect(onScreen(board, box).y).toBeCloseTo(350);
  });

  it('selects the lane and pans to its cell when the finding is in one stage', () => {
    const { map, board } = setup();
    const lane = map.laneId('Customer service');
    revealInsight(board, insightOf(board, 'customer-service-empty'));
    expect(board.getState().selectedHeader).toEqual({ kind: 'lane', id: lane });
    const box = cellBox(board, map.stageId('Use'), lane);
    if (!box) throw new Error('the cell is not drawn');
    expect(onScreen(board, box).x).toBeCloseTo(500);
    expect(onScreen(board, box).y).toBeCloseTo(350);
  });

  it('selects a stage with no touchpoint and pans to its header', () => {
    const { map, board } = setup();
    const stage = map.stageId('Brand awareness');
    revealInsight(board, insightOf(board, 'stage-without-touchpoint'));
    expect(board.getState().selectedHeader).toEqual({ kind: 'stage', id: stage });
    const box = headerBox(board, 'stage', stage);
    if (!box) throw new Error('the stage header is not drawn');
    expect(onScreen(board, box).x).toBeCloseTo(500);
    expect(onScreen(board, box).y).toBeCloseTo(350);
  });
});
