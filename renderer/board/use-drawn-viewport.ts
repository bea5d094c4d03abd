import Konva from 'konva';
import { type RefObject, useLayoutEffect, useReducer, useRef } from 'react';
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
 * pan step re-renders nothing. A redraw at the same scale (every redraw of a pan) moves the
 * stage and redraws its layers without React either; only a new scale renders the stage, and
 * only while it shows something: with nothing selected and no find rings, a zoom step renders
 * nothing at all, and the stage's next render (what makes a layer show) takes the scale then.
 */
export const useDrawnViewport = (
  store: BoardStore,
  canvas: RefObject<HTMLElement | null>,
  stage: RefObject<Konva.Stage | null>,
): RefObject<Viewport> => {
  const current = useRef(store.getState().viewport);
  const [, render] = useReducer((renders: number) => renders + 1, 0);
  // Read at render: whatever renders the stage renders it at the scale it is drawn at, and the
  // stage's shapes read it there too (the viewport returned, read by them at render and draw).
  const scale = current.current.scale;
  const scaleRendered = useRef(scale);

  useLayoutEffect(() => {
    let lastChange = 0;
    let staleSince: number | null = null;
    let timer: number | undefined;
    const draw = (live: Viewport) => {
      staleSince = null;
      current.current = live;
      if (live.scale !== scaleRendered.current && showsSomething(stage.current)) {
        render();
        return;
      }
      // The stage moves and draws on the next frame, the one that also drops the transform.
      drawShownLayers(placeStage(stage.current, live));
      showAt(canvas.current, live, live);
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
      showAt(canvas.current, current.current, state.viewport);
    });
    // A change between the first render and this subscription would otherwise go unseen.
    if (store.getState().viewport !== current.current) draw(store.getState().viewport);
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [store, canvas, stage]);

  // In the same commit as the redraw at the new scale, so no frame shows it moved twice.
  useLayoutEffect(() => {
    scaleRendered.current = scale;
    drawShownLayers(placeStage(stage.current, current.current));
    showAt(canvas.current, current.current, store.getState().viewport);
  }, [scale, store, canvas, stage]);

  return current;
};

/**
 * Puts the stage where the drawn viewport says; its position and scale are never React props.
 * Konva's own redraw on a stage change is held off: it would draw every layer, the hidden ones
 * too (a full-window clear each, on every pan and zoom step), and drawShownLayers draws the
 * shown ones. A layer shown later is drawn by react-konva when its `visible` changes.
 */
const placeStage = (stage: Konva.Stage | null, drawn: Viewport): Konva.Stage | null => {
  const autoDraw = Konva.autoDrawEnabled;
  Konva.autoDrawEnabled = false;
  try {
    stage?.setAttrs({ x: drawn.x, y: drawn.y, scaleX: drawn.scale, scaleY: drawn.scale });
  } finally {
    Konva.autoDrawEnabled = autoDraw;
  }
  return stage;
};

/** Whether any layer of the stage is shown: a hidden one draws nothing at any scale. */
const showsSomething = (stage: Konva.Stage | null): boolean =>
  stage?.getLayers().some((layer) => layer.isVisible()) ?? false;

/**
 * Redraws the layers that show something: a hidden layer (the selection's, while nothing is
 * selected) would otherwise still have its full-window canvas cleared on every pan and zoom.
 */
const drawShownLayers = (stage: Konva.Stage | null): void => {
  for (const layer of stage?.getLayers() ?? []) if (layer.isVisible()) layer.batchDraw();
};

const showAt = (canvas: HTMLElement | null, drawn: Viewport, live: Viewport) => {
  if (canvas) canvas.style.transform = catchUpTransform(drawn, live) ?? '';
};

/** The CSS transform that shows a canvas drawn at `drawn` as it would look at `live`. */
export const catchUpTransform = (drawn: Viewport, live: Viewport): string | undefined => {
  if (drawn.x === live.x && drawn.y === live.y && drawn.scale === live.scale) return undefined;
  const k = live.scale / drawn.scale;
  return `translate(${live.x - drawn.x * k}px, ${live.y - drawn.y * k}px) scale(${k})`;
};
