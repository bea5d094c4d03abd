import type { NoteRecord } from '../../shared/model/records.ts';
import { type Viewport, ZOOM_LIMITS } from '../store/session-slice.ts';

/** Pure viewport math: screen pixels ↔ board units, zooming about a point, fitting content. */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export const toBoard = (viewport: Viewport, screen: Point): Point => ({
  x: (screen.x - viewport.x) / viewport.scale,
  y: (screen.y - viewport.y) / viewport.scale,
});

export const toScreen = (viewport: Viewport, board: Point): Point => ({
  x: board.x * viewport.scale + viewport.x,
  y: board.y * viewport.scale + viewport.y,
});

/** The part of the board the screen shows, in board units. */
export const visibleRect = (viewport: Viewport, size: Size): Rect => ({
  x: -viewport.x / viewport.scale,
  y: -viewport.y / viewport.scale,
  w: size.width / viewport.scale,
  h: size.height / viewport.scale,
});

export const clampScale = (scale: number): number =>
  Math.min(ZOOM_LIMITS.max, Math.max(ZOOM_LIMITS.min, scale));

/** Zooms by `factor` keeping the board point under `anchor` (a screen point) where it is. */
export const zoomAt = (viewport: Viewport, anchor: Point, factor: number): Viewport => {
  const scale = clampScale(viewport.scale * factor);
  const board = toBoard(viewport, anchor);
  return { scale, x: anchor.x - board.x * scale, y: anchor.y - board.y * scale };
};

/**
 * The fixed ladder the zoom buttons and keys climb, each rung 1.2–2 times the one below, like
 * every drawing tool's. From a scale between rungs (after a pinch or a fit) a step skips a rung
 * closer than MIN_STEP, so a click never moves 49 % to 50 %.
 */
export const ZOOM_STEPS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3, 4] as const;
const MIN_STEP = 1.1;

export const nextZoomStep = (scale: number, direction: 1 | -1): number => {
  if (direction > 0) return ZOOM_STEPS.find((step) => step > scale * MIN_STEP) ?? ZOOM_LIMITS.max;
  return [...ZOOM_STEPS].reverse().find((step) => step < scale / MIN_STEP) ?? ZOOM_LIMITS.min;
};

export const intersects = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export const contains = (rect: Rect, point: Point): boolean =>
  point.x >= rect.x && point.x <= rect.x + rect.w && point.y >= rect.y && point.y <= rect.y + rect.h;

/** A rectangle from two corners in any order (a marquee dragged in any direction). */
export const rectFromCorners = (a: Point, b: Point): Rect => ({
  x: Math.min(a.x, b.x),
  y: Math.min(a.y, b.y),
  w: Math.abs(a.x - b.x),
  h: Math.abs(a.y - b.y),
});

export const boundsOf = (notes: readonly Rect[]): Rect | null => {
  if (notes.length === 0) return null;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const note of notes) {
    minX = Math.min(minX, note.x);
    minY = Math.min(minY, note.y);
    maxX = Math.max(maxX, note.x + note.w);
    maxY = Math.max(maxY, note.y + note.h);
  }
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
};

/** The viewport that shows all of `content` with a margin, never zooming in past 100%. */
export const fitViewport = (content: Rect | null, size: Size, margin = 48): Viewport => {
  if (!content || size.width <= 2 * margin || size.height <= 2 * margin)
    return { x: margin, y: margin, scale: 1 };
  const scale = clampScale(
    Math.min(
      1,
      (size.width - 2 * margin) / Math.max(content.w, 1),
      (size.height - 2 * margin) / Math.max(content.h, 1),
    ),
  );
  return {
    scale,
    x: (size.width - content.w * scale) / 2 - content.x * scale,
    y: (size.height - content.h * scale) / 2 - content.y * scale,
  };
};

/** How far floating panels reach in over the board's edges, in CSS pixels. */
export interface CoveredEdges {
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * The part of the board floating panels leave free, as an inset from each edge. A panel that
 * takes so much of the board that working beside it would shrink the map more than hiding a
 * corner of it does is not counted.
 */
const freeInset = (size: Size, covered: CoveredEdges) => {
  const left = covered.left <= size.width * 0.4 ? covered.left : 0;
  const right = covered.right <= size.width * 0.4 ? covered.right : 0;
  return {
    left,
    right: left + right < size.width * 0.6 ? right : 0,
    bottom: covered.bottom <= size.height * 0.3 ? covered.bottom : 0,
  };
};

/** Zoom to fit on a board partly under floating panels: the content fits the part they leave free. */
export const fitBeside = (content: Rect | null, size: Size, covered: CoveredEdges): Viewport => {
  const { left, right, bottom } = freeInset(size, covered);
  const fit = fitViewport(content, { width: size.width - left - right, height: size.height - bottom });
  return { ...fit, x: fit.x + left };
};

/**
 * Brings a board rectangle (found notes, a cell, a header) to the middle of the part of the
 * board the panels leave free, zooming out only if it does not fit and in to 50% at most, so
 * stepping through findings does not jump in scale.
 */
export const viewportShowing = (rect: Rect, size: Size, covered: CoveredEdges, scale: number): Viewport => {
  const { left, right, bottom } = freeInset(size, covered);
  const free = { width: size.width - left - right, height: size.height - bottom };
  const fit = fitViewport(rect, free, 120);
  const next = Math.min(fit.scale, Math.max(scale, 0.5));
  return {
    scale: next,
    x: left + free.width / 2 - (rect.x + rect.w / 2) * next,
    y: free.height / 2 - (rect.y + rect.h / 2) * next,
  };
};

/** The topmost note under a board point; `notes` is bottom to top. */
export const noteAt = (notes: readonly NoteRecord[], point: Point): NoteRecord | null => {
  for (let index = notes.length - 1; index >= 0; index--) {
    const note = notes[index];
    if (note && contains(note, point)) return note;
  }
  return null;
};
