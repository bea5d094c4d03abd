import { describe, expect, it } from 'vitest';
import type { NoteRecord } from '../../shared/model/records.ts';
import { spotlightOf } from './spotlight.ts';

const SIZE = { width: 1920, height: 1080 };
const NOTE = { id: 'quote', x: 100, y: 0, w: 180, h: 120, text: 'A long customer quote' } as NoteRecord;
const VIEWPORT = { x: 50, y: 40, scale: 2 };

describe('the spotlight', () => {
  it('draws the note far larger than the step does, around where it is', () => {
    const spotlight = spotlightOf(NOTE, VIEWPORT, SIZE, () => true);
    expect(spotlight.note.w).toBe(NOTE.w);
    expect(spotlight.scale).toBeGreaterThan(2 * VIEWPORT.scale);
    const onScreen = { w: spotlight.note.w * spotlight.scale, h: spotlight.note.h * spotlight.scale };
    expect(onScreen.h).toBeCloseTo(SIZE.height * 0.55, 6);
    // The note sits near the screen's top left: the spotlight stays on the screen, by its edge.
    expect(spotlight.x).toBe(24);
    expect(spotlight.y).toBe(24);
    expect(spotlight.x + onScreen.w).toBeLessThanOrEqual(SIZE.width);
  });

  it('gives a long quote a larger box, so all its words fit', () => {
    const spotlight = spotlightOf(NOTE, VIEWPORT, SIZE, (note) => note.w >= 2 * NOTE.w);
    expect(spotlight.note).toMatchObject({ x: 0, y: 0, w: 2 * NOTE.w, h: 2 * NOTE.h });
  });

  it('centres on the note when there is room around it', () => {
    const middle = { ...NOTE, x: 400, y: 200 };
    const spotlight = spotlightOf(middle, { x: 0, y: 0, scale: 2 }, SIZE, () => true);
    const w = spotlight.note.w * spotlight.scale;
    const h = spotlight.note.h * spotlight.scale;
    expect(spotlight.x + w / 2).toBeCloseTo((400 + 90) * 2, 6);
    expect(spotlight.y + h / 2).toBeCloseTo((200 + 60) * 2, 6);
  });
});
