import { beforeAll, describe, expect, it } from 'vitest';
import { noteRecord } from '../../shared/model/edits.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import { DOT_BADGE_FILL } from './dot-badge-style.ts';
import { loadFonts } from './fonts.ts';
import { drawNote } from './note.ts';

/** A canvas that records each text drawn on it. */
const recording = () => {
  const element = document.createElement('canvas');
  element.width = 400;
  element.height = 300;
  const ctx = element.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D context');
  ctx.translate(50, 50);
  const drawn: string[] = [];
  const fillText = ctx.fillText.bind(ctx);
  ctx.fillText = (text: string, x: number, y: number, maxWidth?: number) => {
    drawn.push(text);
    fillText(text, x, y, maxWidth);
  };
  return { ctx, drawn };
};

const note: NoteRecord = noteRecord(
  { id: 'm', records: {} },
  { x: 0, y: 0, text: 'Prints come out striped', kind: 'breakdown', scenarioId: 's' },
  'n1',
  0,
  0,
);

/** Whether the badge's colour is on the note's top right corner. */
const badgeOnTheCorner = (ctx: CanvasRenderingContext2D): boolean => {
  const fill = [1, 3, 5].map((i) => Number.parseInt(DOT_BADGE_FILL.slice(i, i + 2), 16));
  const data = ctx.getImageData(50 + note.w - 2 - 8, 50 + 2 - 8, 4, 4).data;
  return fill.every((channel, offset) => Math.abs((data[offset] ?? 0) - channel) < 24);
};

beforeAll(loadFonts);

describe('a note’s dots in a vote', () => {
  it('are drawn as a badge with their count', () => {
    const { ctx, drawn } = recording();
    drawNote(ctx, note, 'full', undefined, 3);
    expect(drawn.filter((text) => text === '3')).toHaveLength(1);
    expect(badgeOnTheCorner(ctx)).toBe(true);
  });

  it('keep the circle without the count far out, and draw nothing without dots', () => {
    const far = recording();
    drawNote(far.ctx, note, 'block', undefined, 12);
    expect(far.drawn).toEqual([]);
    expect(badgeOnTheCorner(far.ctx)).toBe(true);
    const none = recording();
    drawNote(none.ctx, note, 'full');
    expect(none.drawn).not.toContain('0');
    expect(badgeOnTheCorner(none.ctx)).toBe(false);
  });

  it('show an open badge with a plus on a note that can still get a dot, and none when it cannot', () => {
    const open = recording();
    drawNote(open.ctx, note, 'full', undefined, 0, true);
    expect(open.drawn).toContain('+');
    // White inside, ringed with the badge's colour: not a badge with dots.
    expect(badgeOnTheCorner(open.ctx)).toBe(false);
    const inside = open.ctx.getImageData(50 + note.w - 2 - 8, 50 + 2 - 8, 1, 1).data;
    expect([...inside.slice(0, 3)]).toEqual([255, 255, 255]);
    const closed = recording();
    drawNote(closed.ctx, note, 'full', undefined, 0, false);
    expect(closed.drawn).not.toContain('+');
  });
});
