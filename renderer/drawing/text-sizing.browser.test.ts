import { beforeEach, describe, expect, it } from 'vitest';
import type { GridLayout } from '../../shared/journey/layout.ts';
import { noteRecord } from '../../shared/model/edits.ts';
import type { ScenarioRecord } from '../../shared/model/journey-records.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import { loadFonts } from './fonts.ts';
import { drawGrid } from './grid.ts';
import { drawNote, noteTextSizes } from './note.ts';
import { WOW_COLOR } from './note-marks.ts';
import { MARK_FONT_SIZES, type TextSizing } from './text-sizing.ts';

/** Present mode's text sizing in the drawing functions, read back from what they draw. */

interface Drawn {
  readonly text: string;
  readonly size: number;
}

/** A canvas that records each text drawn on it with its font size. */
const recording = () => {
  const element = document.createElement('canvas');
  element.width = 900;
  element.height = 700;
  const ctx = element.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D context');
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, element.width, element.height);
  ctx.translate(100, 100);
  const drawn: Drawn[] = [];
  const fillText = ctx.fillText.bind(ctx);
  ctx.fillText = (text: string, x: number, y: number, maxWidth?: number) => {
    drawn.push({ text, size: Number(/(\d+(?:\.\d+)?)px/.exec(ctx.font)?.[1]) });
    fillText(text, x, y, maxWidth);
  };
  return { ctx, drawn };
};

const note = (changes: Partial<NoteRecord>): NoteRecord => ({
  ...noteRecord(
    { id: 'm', records: {} },
    {
      x: 0,
      y: 0,
      text: 'Webshop reorder page',
      color: 'blue',
      kind: 'touchpoint',
      scenarioId: 's',
      channel: 'web',
      wow: true,
    },
    'n1',
    0,
    0,
  ),
  ...changes,
});

const PRESENT: TextSizing = { markScale: 1.5, minFontSize: 16 };

/** Pixels of the stamp's red around the note's top-left corner. */
const redPixelsOnTheCorner = (ctx: CanvasRenderingContext2D) => {
  const red = [1, 3, 5].map((i) => Number.parseInt(WOW_COLOR.slice(i, i + 2), 16));
  const data = ctx.getImageData(100 - 30, 100 - 30, 40, 40).data;
  let count = 0;
  for (let i = 0; i < data.length; i += 4)
    if (red.every((channel, offset) => Math.abs((data[i + offset] ?? 0) - channel) < 24)) count++;
  return count;
};

beforeEach(async () => {
  await loadFonts();
});

describe('text sizing', () => {
  it('on the board, draws the marks at their fixed sizes, the smallest included', () => {
    const { ctx, drawn } = recording();
    drawNote(ctx, note({}), 'full');
    expect(drawn).toContainEqual({ text: 'WEB', size: MARK_FONT_SIZES.footer });
    expect(drawn).toContainEqual({ text: 'WOW', size: MARK_FONT_SIZES.wow });
  });

  it('for a projector, enlarges the marks and draws no text under the minimum, keeping the shapes', () => {
    const { ctx, drawn } = recording();
    drawNote(ctx, note({}), 'full', PRESENT);
    expect(drawn).toContainEqual({ text: 'WEB', size: MARK_FONT_SIZES.footer * 1.5 });
    // The stamp's word would be 15: left out, while its red starburst stays.
    expect(drawn.map((text) => text.text)).not.toContain('WOW');
    expect(redPixelsOnTheCorner(ctx)).toBeGreaterThan(50);
    expect(Math.min(...drawn.map((text) => text.size))).toBeGreaterThanOrEqual(PRESENT.minFontSize);
    // What present mode zooms by is what is drawn.
    expect(Math.min(...noteTextSizes(note({}), 1.5))).toBe(Math.min(...drawn.map((text) => text.size)));
  });

  it('sketches note text as bars where it would come out under the minimum', () => {
    const long = note({ kind: 'note', channel: null, wow: false, text: 'word '.repeat(40) });
    const { ctx, drawn } = recording();
    drawNote(ctx, long, 'full', { markScale: 1.5, minFontSize: 20 });
    expect(drawn).toEqual([]);
    const bar = ctx.getImageData(100 + 14, 100 + 14, 100, 8).data;
    expect(bar[0]).toBeLessThan(220);
  });

  it('enlarges the emotion scores and leaves out headers under the minimum', () => {
    const layout = {
      stages: [
        {
          stage: { id: 'a', name: 'A stage with a name long enough to shrink', color: null, category: null },
          x: 0,
          w: 300,
        },
      ],
      lanes: [{ lane: { id: 'emotion', name: 'Emotion', color: null, role: 'emotion' }, y: 0, h: 300 }],
      width: 300,
      height: 300,
      notes: [],
    } as unknown as GridLayout;
    const scenario = { id: 's', name: 'Current', emotions: { a: -2 } } as unknown as ScenarioRecord;
    const board = recording();
    drawGrid(board.ctx, { layout, showCategories: false, scenario, lowEmotion: -2, pixel: 1 });
    const present = recording();
    drawGrid(present.ctx, {
      layout,
      showCategories: false,
      scenario,
      lowEmotion: -2,
      pixel: 1,
      text: PRESENT,
    });
    expect(board.drawn).toContainEqual({ text: '\u22122', size: MARK_FONT_SIZES.score });
    expect(present.drawn).toContainEqual({ text: '\u22122', size: MARK_FONT_SIZES.score * 1.5 });
    expect(Math.min(...board.drawn.map((text) => text.size))).toBeLessThan(PRESENT.minFontSize);
    expect(Math.min(...present.drawn.map((text) => text.size))).toBeGreaterThanOrEqual(PRESENT.minFontSize);
  });
});
