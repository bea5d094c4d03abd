import type { BoardStore } from '../store/index.ts';
import { type Point, toBoard } from './viewport.ts';

/**
 * Where the pointer last was over this store's board, in screen pixels from the board's corner,
 * or null once it left. Kept in screen terms because the board pans and zooms under a pointer
 * that does not move (wheel, trackpad, keys); it is turned into board units with the viewport of
 * the moment. Kept beside the store's state, not in it: it changes on every mouse move and
 * nothing renders from it, so it must not wake the store's subscribers.
 */
export const setLastPointer = (store: BoardStore, screen: Point | null): void => {
  store.pointer.screen = screen;
};

/** Where a note made from the keyboard or a paste goes: at the pointer, or mid-screen. */
export const pointerOrCentre = (store: BoardStore): Point => {
  const { viewport, canvasSize } = store.getState();
  const screen = store.pointer.screen ?? { x: canvasSize.width / 2, y: canvasSize.height / 2 };
  return toBoard(viewport, screen);
};
