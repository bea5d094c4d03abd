import type { PaintView } from './paint-board.ts';

/** A canvas transform (a, d: scale; e, f: translation) as setTransform(a, 0, 0, d, e, f) takes it. */
export interface Placement {
  readonly a: number;
  readonly d: number;
  readonly e: number;
  readonly f: number;
}

/**
 * Where a drawing made at `drawn` goes on a canvas showing `live`, in the live canvas's device
 * pixels, for a drawImage at the drawing's CSS size: scaled by the change of zoom and moved as
 * the view moved, the same as the CSS transform catchUpTransform gives a canvas drawn at `drawn`.
 */
export const placedDrawing = (drawn: PaintView, live: PaintView): Placement => {
  const k = live.viewport.scale / drawn.viewport.scale;
  const ratio = live.pixelRatio;
  return {
    a: ratio * k,
    d: ratio * k,
    e: ratio * (live.viewport.x - drawn.viewport.x * k),
    f: ratio * (live.viewport.y - drawn.viewport.y * k),
  };
};
