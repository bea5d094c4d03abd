import type { Viewport } from '../store/session-slice.ts';
import { type Point, toBoard } from './viewport.ts';

/**
 * The last pointer position over the board, in screen pixels from the board's corner. Kept in
 * screen terms because the board pans and zooms under a pointer that does not move (wheel,
 * trackpad, keys); the N key and paste turn it into board units with the viewport of the moment.
 * Kept outside the store: it changes on every mouse move and nothing renders from it.
 */
let last: Point | null = null;

export const setLastPointer = (screen: Point | null): void => {
  last = screen;
};

export const lastPointer = (viewport: Viewport): Point | null => (last ? toBoard(viewport, last) : null);
