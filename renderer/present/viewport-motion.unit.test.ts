import { describe, expect, it } from 'vitest';
import { toBoard } from '../board/viewport.ts';
import { easeInOut, viewportBetween } from './viewport-motion.ts';

const SIZE = { width: 1920, height: 1080 };
const FROM = { x: 100, y: 50, scale: 0.5 };
const TO = { x: -2400, y: -300, scale: 2 };

describe('moving the view from step to step', () => {
  it('eases from standing still to standing still', () => {
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(0.5)).toBe(0.5);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.1)).toBeLessThan(0.1);
    expect(easeInOut(0.9)).toBeGreaterThan(0.9);
  });

  it('starts where the view was and ends exactly on the step', () => {
    expect(viewportBetween(FROM, TO, 0, SIZE)).toEqual(FROM);
    expect(viewportBetween(FROM, TO, 1, SIZE)).toEqual(TO);
  });

  it('zooms by the same factor in each half and moves the middle of the screen in a straight line', () => {
    const half = viewportBetween(FROM, TO, 0.5, SIZE);
    expect(half.scale).toBeCloseTo(1, 9);
    const centre = { x: SIZE.width / 2, y: SIZE.height / 2 };
    const start = toBoard(FROM, centre);
    const end = toBoard(TO, centre);
    const middle = toBoard(half, centre);
    expect(middle.x).toBeCloseTo((start.x + end.x) / 2, 6);
    expect(middle.y).toBeCloseTo((start.y + end.y) / 2, 6);
  });
});
