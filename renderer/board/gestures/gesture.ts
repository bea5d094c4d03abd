import type { StoreApi } from 'zustand/vanilla';
import type { BoardStore } from '../../store/index.ts';
import type { GesturePreview } from '../gesture-store.ts';
import type { Point } from '../viewport.ts';

/**
 * A gesture in progress, from the press that entered it to the release or cancel that ends it
 * (like a tool state in tldraw). Until `up` it leaves the document alone and shows itself
 * through the preview, so a drag redraws no more than the preview; `up` commits at most one
 * edit, which is one undo step. A new gesture is a new file in this folder with its enter
 * function, picked by press.ts.
 */
export interface Gesture {
  move(at: PointerAt): void;
  /** The pointer is released: commit what the preview shows. */
  up(): void;
  /**
   * The browser took the pointer away: put back what `move` changed outside the preview. Absent
   * when the gesture changes nothing but the preview, which the board resets after every gesture.
   */
  cancel?(): void;
}

/** What every gesture works with: the board's store and the preview it draws through. */
export interface GestureContext {
  readonly store: BoardStore;
  readonly preview: StoreApi<GesturePreview>;
}

/** The pointer in screen pixels from the board's corner and in board units. */
export interface PointerAt {
  readonly screen: Point;
  readonly board: Point;
}

/** Pointer travel (screen px) below which a press is a click, not a drag: a hand shakes a little. */
const DRAG_THRESHOLD_PX = 3;

/** Whether the pointer went far enough from `from` (board units) to make the press a drag. */
export const isDrag = (from: Point, to: Point, scale: number): boolean =>
  Math.hypot(to.x - from.x, to.y - from.y) * scale >= DRAG_THRESHOLD_PX;

/** PointerEvent.button values the board reacts to. */
export const BUTTON = { primary: 0, middle: 1 } as const;
