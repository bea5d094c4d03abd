import type { Point } from './viewport.ts';

/**
 * The last pointer position over the board, in board units. Kept outside the store: it changes
 * on every mouse move and nothing renders from it (the N key reads it to place a note).
 */
let last: Point | null = null;

export const setLastPointer = (point: Point | null): void => {
  last = point;
};

export const lastPointer = (): Point | null => last;
