import type { Page } from '@playwright/test';

/**
 * Text sizes as present mode draws them, read from the drawing itself: every fillText and
 * strokeText on present mode's canvases, its font size times the context's scale. Install
 * recordCanvasText as an init script of the page (or the context, for every window).
 */

/** A text drawn on one of present mode's canvases, in CSS pixels. */
export interface DrawnText {
  readonly text: string;
  /** Font size on screen. */
  readonly px: number;
  /** The canvas it was drawn on: 0 the map, 1 the spotlight over it. */
  readonly layer: number;
  /** Counts the canvases' redraws: the texts of one redraw share it. */
  readonly frame: number;
  /** Its box on the screen (the canvas is at the page's top left). */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Records every text drawn on present mode's canvases that lands inside the visible canvas. */
export const recordCanvasText = () => {
  const drawn: unknown[] = [];
  Object.assign(window, { presentText: drawn });
  // Konva clears a layer's canvas before each redraw: a frame's texts share its count.
  let frame = 0;
  const clearRect = CanvasRenderingContext2D.prototype.clearRect;
  CanvasRenderingContext2D.prototype.clearRect = function (
    this: CanvasRenderingContext2D,
    ...args: [number, number, number, number]
  ) {
    frame++;
    return clearRect.apply(this, args);
  };
  for (const name of ['fillText', 'strokeText'] as const) {
    const original = CanvasRenderingContext2D.prototype[name];
    CanvasRenderingContext2D.prototype[name] = function (
      this: CanvasRenderingContext2D,
      text: string,
      x: number,
      y: number,
      maxWidth?: number,
    ) {
      const canvas = this.canvas;
      const view = canvas.isConnected ? canvas.closest('[data-testid="present"]') : null;
      if (view) {
        const size = Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 0);
        const width = Math.min(this.measureText(text).width, maxWidth ?? Number.POSITIVE_INFINITY);
        const left =
          this.textAlign === 'center'
            ? x - width / 2
            : this.textAlign === 'right' || this.textAlign === 'end'
              ? x - width
              : x;
        const top =
          this.textBaseline === 'top' ? y : this.textBaseline === 'middle' ? y - size / 2 : y - size * 0.8;
        const ratio = window.devicePixelRatio;
        const m = this.getTransform();
        const corner = (px: number, py: number) => ({
          x: (m.a * px + m.c * py + m.e) / ratio,
          y: (m.b * px + m.d * py + m.f) / ratio,
        });
        const a = corner(left, top);
        const b = corner(left + width, top + size);
        const box = {
          x: Math.min(a.x, b.x),
          y: Math.min(a.y, b.y),
          w: Math.abs(b.x - a.x),
          h: Math.abs(b.y - a.y),
        };
        const inside =
          box.x < canvas.clientWidth && box.x + box.w > 0 && box.y < canvas.clientHeight && box.y + box.h > 0;
        if (inside)
          drawn.push({
            text,
            px: (size * Math.hypot(m.c, m.d)) / ratio,
            layer: [...view.querySelectorAll('canvas')].indexOf(canvas),
            frame,
            ...box,
          });
      }
      return original.call(this, text, x, y, maxWidth);
    };
  }
};

export const takeDrawn = (page: Page): Promise<DrawnText[]> =>
  page.evaluate(() => {
    const drawn = (window as unknown as { presentText: DrawnText[] }).presentText;
    return drawn.splice(0, drawn.length);
  });

/** Two frames: Konva draws a changed layer on the next animation frame. */
export const settle = (page: Page): Promise<void> =>
  page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );

/** The texts of a layer's latest redraw among those drawn: what is on the screen now. */
export const lastFrame = (drawn: readonly DrawnText[], layer = 0): DrawnText[] => {
  const mine = drawn.filter((text) => text.layer === layer);
  const last = Math.max(...mine.map((text) => text.frame));
  return mine.filter((text) => text.frame === last);
};
