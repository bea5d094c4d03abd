import { type RefObject, useLayoutEffect, useRef, useState } from 'react';
import type { BoardStore } from '../store/index.ts';
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
 *
 * The transform is set on `canvas` straight from a store subscription, not through React: a
 * pan step then re-renders nothing, and only a change of the drawn viewport renders the board.
 */
export const useDrawnViewport = (store: BoardStore, canvas: RefObject<HTMLElement | null>): Viewport => {
  const [drawn, setDrawn] = useState(() => store.getState().viewport);
  const drawnNow = useRef(drawn);

  useLayoutEffect(() => {
    let lastChange = 0;
    let staleSince: number | null = null;
    let timer: number | undefined;
    const draw = (live: Viewport) => {
      staleSince = null;
      setDrawn(live);
    };
    const unsubscribe = store.subscribe((state, before) => {
      if (state.viewport === before.viewport) return;
      const now = performance.now();
      const inBurst = now - lastChange < BURST_GAP_MS;
      lastChange = now;
      window.clearTimeout(timer);
      if (!inBurst || (staleSince !== null && now - staleSince > MAX_STALE_MS)) {
        draw(state.viewport);
        return;
      }
      staleSince ??= now;
      timer = window.setTimeout(() => draw(store.getState().viewport), BURST_GAP_MS);
      showAt(canvas.current, drawnNow.current, state.viewport);
    });
    // A change between the first render and this subscription would otherwise go unseen.
    if (store.getState().viewport !== drawnNow.current) draw(store.getState().viewport);
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [store, canvas]);

  // In the same commit as the redraw, so no frame shows the new drawing moved twice.
  useLayoutEffect(() => {
    drawnNow.current = drawn;
    showAt(canvas.current, drawn, store.getState().viewport);
  }, [drawn, store, canvas]);

  return drawn;
};

const showAt = (canvas: HTMLElement | null, drawn: Viewport, live: Viewport) => {
  if (canvas) canvas.style.transform = catchUpTransform(drawn, live) ?? '';
};

/** The CSS transform that shows a canvas drawn at `drawn` as it would look at `live`. */
const catchUpTransform = (drawn: Viewport, live: Viewport): string | undefined => {
  if (drawn.x === live.x && drawn.y === live.y && drawn.scale === live.scale) return undefined;
  const k = live.scale / drawn.scale;
  return `translate(${live.x - drawn.x * k}px, ${live.y - drawn.y * k}px) scale(${k})`;
};
