import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Point, Rect } from './viewport.ts';

/**
 * What a gesture in progress shows before it is committed: the drag offset of the selection,
 * the marquee, a note's box while resizing. Only the active layer reads it, so a drag redraws
 * the dragged notes and nothing else; the document changes once, when the gesture ends.
 */
export interface GesturePreview {
  readonly dragOffset: Point;
  readonly marquee: Rect | null;
  readonly resize: { readonly id: string; readonly box: Rect } | null;
  readonly panning: boolean;
  /** An emotion score being dragged: the stage and the score under the pointer. */
  readonly emotion: { readonly stageId: string; readonly score: number } | null;
  /** A stage or lane being resized: its new width or height. */
  readonly headerSize: { readonly id: string; readonly size: number } | null;
  /** Where a dragged stage or lane would go. */
  readonly headerDrop: { readonly line: { x1: number; y1: number; x2: number; y2: number } } | null;
}

export const IDLE_PREVIEW: GesturePreview = {
  dragOffset: { x: 0, y: 0 },
  marquee: null,
  resize: null,
  panning: false,
  emotion: null,
  headerSize: null,
  headerDrop: null,
};

/** Builds a preview store; the board uses one (gestureStore), tests make their own. */
export const createGestureStore = () => createStore<GesturePreview>()(() => IDLE_PREVIEW);

export const gestureStore = createGestureStore();

export const useGesturePreview = <T>(selector: (preview: GesturePreview) => T): T =>
  useStore(gestureStore, selector);
