import type { Viewport } from '../../store/session-slice.ts';
import { type Point, zoomAt } from '../viewport.ts';

/** The wheel fields the board reads (a WheelEvent has them). */
export interface Wheel {
  readonly deltaX: number;
  readonly deltaY: number;
  readonly deltaMode: number;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}

/** WheelEvent.deltaMode of a wheel that reports lines rather than pixels (some mice). */
const DOM_DELTA_LINE = 1;
/** Pixels one reported line stands for: about a line of text, what browsers scroll by. */
const LINE_PX = 16;
/**
 * How fast ctrl+wheel and pinch zoom: each wheel pixel scales by e^-0.0025, so a 100 px notch
 * zooms by about a quarter, and a trackpad's many small deltas add up to the same smooth zoom.
 */
const ZOOM_PER_WHEEL_PX = 0.0025;

/**
 * The viewport after a wheel event with the pointer at `anchor` (screen px): ctrl or cmd zooms
 * about the pointer (a trackpad pinch arrives as a wheel event with ctrlKey set, in Chromium and
 * Electron alike); otherwise the board scrolls, sideways with shift on a wheel without a
 * horizontal axis.
 */
export const viewportAfterWheel = (viewport: Viewport, anchor: Point, wheel: Wheel): Viewport => {
  const unit = wheel.deltaMode === DOM_DELTA_LINE ? LINE_PX : 1;
  if (wheel.ctrlKey || wheel.metaKey)
    return zoomAt(viewport, anchor, Math.exp(-wheel.deltaY * unit * ZOOM_PER_WHEEL_PX));
  const sideways = wheel.shiftKey && wheel.deltaX === 0;
  const dx = sideways ? wheel.deltaY : wheel.deltaX;
  const dy = sideways ? 0 : wheel.deltaY;
  return { ...viewport, x: viewport.x - dx * unit, y: viewport.y - dy * unit };
};
