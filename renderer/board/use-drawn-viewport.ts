import { useEffect, useRef, useState } from 'react';
import type { Viewport } from '../store/session-slice.ts';

/** A gesture is "continuous" while viewport changes come closer together than this. */
const BURST_GAP_MS = 120;
/** Even during a long pan, the board is redrawn at least this often. */
const MAX_STALE_MS = 250;

/**
 * The viewport the canvas is drawn at. A single change (a zoom button, zoom to fit, opening a
 * map) is drawn at once; during a continuous pan or zoom the drawn canvas is moved and scaled
 * with a CSS transform instead, which costs the compositor next to nothing, and the board is
 * redrawn when the gesture pauses (and every MAX_STALE_MS while it goes on). Redrawing a
 * full-window canvas every frame is what made zooming a large map miss its frames.
 */
export const useDrawnViewport = (live: Viewport): Viewport => {
  const [drawn, setDrawn] = useState(live);
  const lastChange = useRef(0);
  const staleSince = useRef<number | null>(null);
  useEffect(() => {
    const now = performance.now();
    const inBurst = now - lastChange.current < BURST_GAP_MS;
    lastChange.current = now;
    if (!inBurst || (staleSince.current !== null && now - staleSince.current > MAX_STALE_MS)) {
      staleSince.current = null;
      setDrawn(live);
      return;
    }
    staleSince.current ??= now;
    const timer = window.setTimeout(() => {
      staleSince.current = null;
      setDrawn(live);
    }, BURST_GAP_MS);
    return () => window.clearTimeout(timer);
  }, [live]);
  return drawn;
};

/** The CSS transform that shows a canvas drawn at `drawn` as it would look at `live`. */
export const catchUpTransform = (drawn: Viewport, live: Viewport): string | undefined => {
  if (drawn.x === live.x && drawn.y === live.y && drawn.scale === live.scale) return undefined;
  const k = live.scale / drawn.scale;
  return `translate(${live.x - drawn.x * k}px, ${live.y - drawn.y * k}px) scale(${k})`;
};
