import { describe, expect, it } from 'vitest';
import { addNote, newMapDocument } from '../../shared/model/edits.ts';
import { handleAt, resizeFromCorner } from './resize-handles.ts';
import {
  boundsOf,
  fitBeside,
  fitViewport,
  nextZoomStep,
  noteAt,
  toBoard,
  toScreen,
  viewportShowing,
  zoomAt,
} from './viewport.ts';

describe('viewport math', () => {
  it('zooms about the pointer: the board point under it stays under it', () => {
    const viewport = { x: 120, y: -40, scale: 0.8 };
    const pointer = { x: 400, y: 300 };
    const before = toBoard(viewport, pointer);
    const zoomed = zoomAt(viewport, pointer, 1.7);
    expect(zoomed.scale).toBeCloseTo(1.36);
    const after = toScreen(zoomed, before);
    expect(after.x).toBeCloseTo(pointer.x);
    expect(after.y).toBeCloseTo(pointer.y);
  });

  it('clamps zoom and steps through the usual levels', () => {
    expect(zoomAt({ x: 0, y: 0, scale: 1 }, { x: 0, y: 0 }, 1000).scale).toBe(4);
    expect(nextZoomStep(1, 1)).toBe(1.25);
    expect(nextZoomStep(1, -1)).toBe(0.8);
    expect(nextZoomStep(0.9, -1)).toBe(0.8);
  });

  it('climbs an even ladder: no 1 % step from between rungs, no jump from 25 % to 10 %', () => {
    expect(nextZoomStep(0.49, 1)).toBe(0.67);
    expect(nextZoomStep(0.51, -1)).toBe(0.33);
    expect(nextZoomStep(0.25, -1)).toBe(0.2);
    expect(nextZoomStep(0.1, 1)).toBe(0.15);
    // Every rung is at most twice the one below, so no click changes the view more than that.
    for (let scale = 0.05; scale < 4; scale = nextZoomStep(scale, 1)) {
      const next = nextZoomStep(scale, 1);
      expect(next / scale, `from ${scale}`).toBeGreaterThanOrEqual(1.1);
      expect(next / scale, `from ${scale}`).toBeLessThanOrEqual(2);
    }
  });

  it('fits content in the middle of the screen without zooming past 100%', () => {
    const fit = fitViewport({ x: 1000, y: 1000, w: 4000, h: 1000 }, { width: 1096, height: 800 });
    expect(fit.scale).toBeCloseTo(0.25);
    const centre = toScreen(fit, { x: 3000, y: 1500 });
    expect(centre.x).toBeCloseTo(548);
    expect(centre.y).toBeCloseTo(400);
    expect(fitViewport({ x: 0, y: 0, w: 10, h: 10 }, { width: 1000, height: 800 }).scale).toBe(1);
  });

  it('finds the topmost note under a point and the bounds of notes', () => {
    const doc = { ...newMapDocument('m') };
    const mutable = { id: doc.id, records: { ...doc.records } };
    const under = addNote(mutable, { x: 0, y: 0 });
    const over = addNote(mutable, { x: 50, y: 50 });
    expect(noteAt([under, over], { x: 60, y: 60 })?.id).toBe(over.id);
    expect(noteAt([under, over], { x: 10, y: 10 })?.id).toBe(under.id);
    expect(noteAt([under, over], { x: 900, y: 900 })).toBeNull();
    expect(boundsOf([under, over])).toEqual({ x: 0, y: 0, w: 230, h: 170 });
  });

  it('resizes from a corner keeping the opposite corner fixed, within limits', () => {
    const doc = newMapDocument('m');
    const note = addNote({ id: doc.id, records: { ...doc.records } }, { x: 100, y: 100 });
    expect(handleAt(note, 1, { x: 280, y: 220 })).toBe('se');
    expect(handleAt(note, 1, { x: 190, y: 160 })).toBeNull();
    expect(resizeFromCorner(note, 'nw', { x: 50, y: 80 })).toEqual({ x: 50, y: 80, w: 230, h: 140 });
    expect(resizeFromCorner(note, 'se', { x: 101, y: 101 })).toMatchObject({ w: 60, h: 40 });
  });

  it('fits the map beside the persona card and above the scenario bar', () => {
    const content = { x: 0, y: 0, w: 2000, h: 1000 };
    const size = { width: 1600, height: 900 };
    const fit = fitBeside(content, size, { left: 380, right: 0, bottom: 70 });
    const topLeft = toScreen(fit, { x: 0, y: 0 });
    const bottomRight = toScreen(fit, { x: 2000, y: 1000 });
    expect(topLeft.x).toBeGreaterThanOrEqual(380);
    expect(bottomRight.x).toBeLessThanOrEqual(1600);
    expect(bottomRight.y).toBeLessThanOrEqual(900 - 70);
    expect(fit.scale).toBeLessThan(fitViewport(content, size).scale);
  });

  it('ignores a panel that covers too much of a small board, rather than shrinking the map to nothing', () => {
    const content = { x: 0, y: 0, w: 2000, h: 1000 };
    const size = { width: 700, height: 500 };
    expect(fitBeside(content, size, { left: 380, right: 0, bottom: 0 })).toEqual(fitViewport(content, size));
  });

  it('brings a found note to the middle of the board the side panels leave free, not under them', () => {
    const size = { width: 1400, height: 800 };
    const note = { x: 5000, y: 3000, w: 180, h: 120 };
    const shown = viewportShowing(note, size, { left: 0, right: 364, bottom: 76 }, 1);
    const topLeft = toScreen(shown, { x: note.x, y: note.y });
    const bottomRight = toScreen(shown, { x: note.x + note.w, y: note.y + note.h });
    expect(bottomRight.x).toBeLessThanOrEqual(1400 - 364);
    expect((topLeft.x + bottomRight.x) / 2).toBeCloseTo((1400 - 364) / 2, 5);
    expect((topLeft.y + bottomRight.y) / 2).toBeCloseTo((800 - 76) / 2, 5);
    expect(shown.scale).toBe(1);
  });
});
