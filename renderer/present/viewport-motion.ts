import { type Size, toBoard } from '../board/viewport.ts';
import type { Viewport } from '../store/session-slice.ts';

/** How long moving from one step to the next takes: long enough to follow, short enough to keep pace. */
export const STEP_MOTION_MS = 300;

/** Eases in and out (cubic), so the view neither jumps off nor stops dead. */
export const easeInOut = (t: number): number => (t < 0.5 ? 4 * t ** 3 : 1 - (-2 * t + 2) ** 3 / 2);

/**
 * The view `t` of the way (0 to 1) from one viewport to another: the point in the middle of
 * the screen travels in a straight line while the zoom changes by a constant factor per frame,
 * which is how a camera move reads as one movement rather than a zoom and a pan.
 */
export const viewportBetween = (from: Viewport, to: Viewport, t: number, size: Size): Viewport => {
  if (t <= 0) return from;
  if (t >= 1) return to;
  const centre = { x: size.width / 2, y: size.height / 2 };
  const start = toBoard(from, centre);
  const end = toBoard(to, centre);
  const scale = from.scale * (to.scale / from.scale) ** t;
  const at = { x: start.x + (end.x - start.x) * t, y: start.y + (end.y - start.y) * t };
  return { scale, x: centre.x - at.x * scale, y: centre.y - at.y * scale };
};
