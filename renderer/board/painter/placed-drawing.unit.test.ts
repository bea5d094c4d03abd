import { describe, expect, it } from 'vitest';
import { placedDrawing } from './placed-drawing.ts';

const view = (x: number, y: number, scale: number, pixelRatio = 1) => ({
  viewport: { x, y, scale },
  size: { width: 800, height: 600 },
  pixelRatio,
});

/** Where a board point lands on the live canvas, through a drawing made at `drawn`. */
const throughDrawing = (
  drawnAt: ReturnType<typeof view>,
  liveAt: ReturnType<typeof view>,
  point: number[],
) => {
  const [bx = 0, by = 0] = point;
  // The point's CSS pixel in the drawing, then the placement into the live canvas.
  const cssX = drawnAt.viewport.x + bx * drawnAt.viewport.scale;
  const cssY = drawnAt.viewport.y + by * drawnAt.viewport.scale;
  const { a, d, e, f } = placedDrawing(drawnAt, liveAt);
  return [a * cssX + e, d * cssY + f];
};

describe('placedDrawing', () => {
  it('leaves a drawing made at the live view where it is', () => {
    expect(placedDrawing(view(10, 20, 1), view(10, 20, 1))).toEqual({ a: 1, d: 1, e: 0, f: 0 });
  });

  it.each([
    ['a pan', view(256, 256, 1), view(300, 200, 1)],
    ['a zoom in at a point', view(256, 256, 0.5), view(100, 80, 0.75)],
    ['a zoom out on a sharper screen', view(-40, 12, 2, 2), view(60, 30, 1.25, 2)],
  ])('after %s puts every board point where the live view shows it', (_, drawnAt, liveAt) => {
    for (const point of [
      [0, 0],
      [400, 120],
      [-250, 900],
    ]) {
      const [bx = 0, by = 0] = point;
      const expected = [
        liveAt.pixelRatio * (liveAt.viewport.x + bx * liveAt.viewport.scale),
        liveAt.pixelRatio * (liveAt.viewport.y + by * liveAt.viewport.scale),
      ];
      const [x = 0, y = 0] = throughDrawing(drawnAt, liveAt, point);
      expect(x).toBeCloseTo(expected[0] ?? 0, 9);
      expect(y).toBeCloseTo(expected[1] ?? 0, 9);
    }
  });
});
