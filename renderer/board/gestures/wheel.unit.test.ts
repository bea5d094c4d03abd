import { describe, expect, it } from 'vitest';
import { toBoard } from '../viewport.ts';
import { viewportAfterWheel, type Wheel } from './wheel.ts';

const wheel = (fields: Partial<Wheel>): Wheel => ({
  deltaX: 0,
  deltaY: 0,
  deltaMode: 0,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...fields,
});

const start = { x: 100, y: 50, scale: 1 };

describe('the wheel', () => {
  it('scrolls the board by the pixels it reports, both ways at once on a trackpad', () => {
    expect(viewportAfterWheel(start, { x: 0, y: 0 }, wheel({ deltaX: 30, deltaY: 40 }))).toEqual({
      x: 70,
      y: 10,
      scale: 1,
    });
  });

  it('scrolls sideways with shift on a wheel without a horizontal axis', () => {
    expect(viewportAfterWheel(start, { x: 0, y: 0 }, wheel({ deltaY: 40, shiftKey: true }))).toMatchObject({
      x: 60,
      y: 50,
    });
  });

  it('counts a wheel that reports lines as a line of text each', () => {
    const byLines = viewportAfterWheel(start, { x: 0, y: 0 }, wheel({ deltaY: 3, deltaMode: 1 }));
    const byPixels = viewportAfterWheel(start, { x: 0, y: 0 }, wheel({ deltaY: 48 }));
    expect(byLines).toEqual(byPixels);
  });

  it('with ctrl or cmd zooms about the pointer: in when rolled up, the point under it stays', () => {
    const anchor = { x: 400, y: 300 };
    for (const modifier of [{ ctrlKey: true }, { metaKey: true }]) {
      const zoomed = viewportAfterWheel(start, anchor, wheel({ deltaY: -100, ...modifier }));
      expect(zoomed.scale).toBeGreaterThan(1.2);
      expect(zoomed.scale).toBeLessThan(1.35);
      expect(toBoard(zoomed, anchor).x).toBeCloseTo(toBoard(start, anchor).x);
      expect(toBoard(zoomed, anchor).y).toBeCloseTo(toBoard(start, anchor).y);
    }
    const out = viewportAfterWheel(start, anchor, wheel({ deltaY: 100, ctrlKey: true }));
    expect(out.scale).toBeLessThan(1);
  });

  it('zooms as far for many small pinch deltas as for one large one', () => {
    let small = start;
    for (let step = 0; step < 10; step++)
      small = viewportAfterWheel(small, { x: 0, y: 0 }, wheel({ deltaY: -10, ctrlKey: true }));
    const large = viewportAfterWheel(start, { x: 0, y: 0 }, wheel({ deltaY: -100, ctrlKey: true }));
    expect(small.scale).toBeCloseTo(large.scale);
  });
});
