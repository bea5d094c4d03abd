import type Konva from 'konva';

/**
 * User Timing marks for the board's own performance: how long each layer takes to draw, and
 * how long a map takes from "open" to its first drawn frame. They cost microseconds, show up in
 * any profiler, and are what `npm run bench` reads.
 */
export const DRAW_MEASURE = 'journeywall:draw';
export const OPEN_MARK = 'journeywall:open';
export const FIRST_PAINT_MEASURE = 'journeywall:open-to-first-paint';

export const markMapOpening = (): void => {
  performance.clearMarks(OPEN_MARK);
  performance.mark(OPEN_MARK);
};

/**
 * Draw measures kept at most. The app never reads them (the bench and the tests read a few
 * steps' worth), and the browser keeps every one: a day's workshop of dragging and panning would
 * otherwise pile up hundreds of thousands.
 */
export const MAX_DRAW_MEASURES = 10_000;
let drawsMeasured = 0;

/** A draw of the layer named `layer`, from `start` until now (its detail names the layer). */
export const measureDraw = (layer: string, start: number): void => {
  if (++drawsMeasured > MAX_DRAW_MEASURES) {
    performance.clearMeasures(DRAW_MEASURE);
    drawsMeasured = 1;
  }
  performance.measure(DRAW_MEASURE, { start, end: performance.now(), detail: layer });
};

/** The map is on screen: the time since it was opened, once per opening. */
export const measureFirstPaint = (): void => {
  if (performance.getEntriesByName(OPEN_MARK, 'mark').length === 0) return;
  performance.measure(FIRST_PAINT_MEASURE, OPEN_MARK);
  performance.clearMarks(OPEN_MARK);
};

/** Measures every draw of a Konva layer; returns the function that stops measuring. */
export const timeLayerDraws = (layer: Konva.Layer): (() => void) => {
  let start = 0;
  const before = () => {
    start = performance.now();
  };
  const after = () => measureDraw(layer.name(), start);
  layer.on('beforeDraw', before);
  layer.on('draw', after);
  return () => {
    layer.off('beforeDraw', before);
    layer.off('draw', after);
  };
};
