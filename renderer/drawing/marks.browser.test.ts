import { beforeEach, describe, expect, it } from 'vitest';
import { GRID } from '../../shared/journey/grid-geometry.ts';
import type { GridLayout } from '../../shared/journey/layout.ts';
import { noteRecord } from '../../shared/model/edits.ts';
import type { ScenarioRecord } from '../../shared/model/journey-records.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import { loadFonts } from './fonts.ts';
import { drawGrid, emotionPoints, emotionScoreLabel, emotionY, GRID_COLORS, scoreLabelBox } from './grid.ts';
import { drawNote } from './note.ts';
import { footerText, WOW_COLOR } from './note-marks.ts';
import { NOTE_PADDING } from './text-layout.ts';

/** Board drawing (the board and the poster both draw through these functions) read back as pixels. */

const ORIGIN = 200;

const canvas = (): CanvasRenderingContext2D => {
  const element = document.createElement('canvas');
  element.width = 1200;
  element.height = 900;
  const ctx = element.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D context');
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, element.width, element.height);
  ctx.translate(ORIGIN, ORIGIN);
  return ctx;
};

const hex = (color: string) => [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16));

/** Pixels (board units, scale 1) of a rectangle close to `color`. */
const pixelsOf = (
  ctx: CanvasRenderingContext2D,
  box: { x: number; y: number; w: number; h: number },
  color: string,
) => {
  const [r = 0, g = 0, b = 0] = hex(color);
  const data = ctx.getImageData(ORIGIN + box.x, ORIGIN + box.y, box.w, box.h).data;
  let count = 0;
  for (let i = 0; i < data.length; i += 4)
    if (
      Math.abs((data[i] ?? 0) - r) < 24 &&
      Math.abs((data[i + 1] ?? 0) - g) < 24 &&
      Math.abs((data[i + 2] ?? 0) - b) < 24
    )
      count++;
  return count;
};

const darkPixels = (ctx: CanvasRenderingContext2D, box: { x: number; y: number; w: number; h: number }) => {
  const data = ctx.getImageData(ORIGIN + box.x, ORIGIN + box.y, box.w, box.h).data;
  let count = 0;
  for (let i = 0; i < data.length; i += 4)
    if ((data[i] ?? 255) + (data[i + 1] ?? 255) + (data[i + 2] ?? 255) < 200) count++;
  return count;
};

const note = (changes: Partial<NoteRecord>): NoteRecord => ({
  ...noteRecord(
    { id: 'm', records: {} },
    { x: 0, y: 0, text: 'Webshop reorder page', color: 'blue', kind: 'touchpoint', scenarioId: 's' },
    'n1',
    0,
    0,
  ),
  ...changes,
});

const stage = (id: string, x: number) => ({
  stage: { id, name: id, color: null, category: null },
  x,
  w: 300,
});

const emotionGrid = (): GridLayout =>
  ({
    stages: [stage('a', 0), stage('b', 300), stage('c', 600)],
    lanes: [{ lane: { id: 'emotion', name: 'Emotion', color: null, role: 'emotion' }, y: 0, h: 300 }],
    width: 900,
    height: 300,
    notes: [],
  }) as unknown as GridLayout;

const scenario = (emotions: Record<string, number>, name = 'Current') =>
  ({ id: 's', name, emotions }) as unknown as ScenarioRecord;

const drawEmotions = (emotions: Record<string, number>) => {
  const ctx = canvas();
  const layout = emotionGrid();
  const drawn = scenario(emotions);
  drawGrid(ctx, { layout, showCategories: false, scenario: drawn, lowEmotion: -2, pixel: 1 });
  const row = layout.lanes[0];
  if (!row) throw new Error('no emotion lane');
  return { ctx, points: emotionPoints(layout, row, drawn), row };
};

beforeEach(async () => {
  await loadFonts();
});

describe('a note', () => {
  it("keeps its first letters clear of the stamp of authenticity's badge", () => {
    const ctx = canvas();
    drawNote(ctx, note({ wow: true }), 'full');
    // The first letters' box: where the note's text starts.
    const firstLetters = { x: NOTE_PADDING, y: NOTE_PADDING, w: 30, h: 24 };
    expect(pixelsOf(ctx, firstLetters, WOW_COLOR)).toBe(0);
    expect(darkPixels(ctx, firstLetters)).toBeGreaterThan(10);
    // The badge is still drawn, on the corner.
    expect(pixelsOf(ctx, { x: -20, y: -20, w: 24, h: 24 }, WOW_COLOR)).toBeGreaterThan(50);
  });

  it('names the painless rating in words the inspector uses, never "F"', () => {
    const rated = note({ channel: 'web', ratings: { effortless: 2, productive: 3, painless: 1 } });
    expect(footerText(rated, false)).toBe('WEB  ·  Effortless 2 Productive 3 Painless 1');
    expect(footerText(rated, true)).toBe('WEB  ·  Eff. 2 Prod. 3 Painl. 1');
  });
});

describe('the emotion lane', () => {
  it('keeps each score readable: the curve does not run through its label', () => {
    // A steep rise from −3 to +3: the curve leaves the first point right through where its label sits.
    const { ctx, points } = drawEmotions({ a: -3, b: 3, c: 0 });
    for (const point of points) {
      const box = scoreLabelBox(point);
      expect(pixelsOf(ctx, box, GRID_COLORS.curve), `label of ${point.stageId}`).toBe(0);
      expect(darkPixels(ctx, box), `label of ${point.stageId}`).toBeGreaterThan(20);
    }
  });

  it('draws a real minus sign, as wide as the plus sign', () => {
    expect(emotionScoreLabel(-2)).toBe('\u22122');
    const { ctx, points } = drawEmotions({ a: -3, b: 3 });
    const [negative, positive] = points;
    if (!negative || !positive) throw new Error('two points expected');
    // The sign is the first run of inked columns in the label; a hyphen is a short dash.
    const signWidth = (point: { x: number; y: number }) => {
      const box = scoreLabelBox(point);
      let width = 0;
      for (let x = box.x + 2; x < box.x + box.w - 2; x++) {
        const inked = darkPixels(ctx, { x, y: box.y + 2, w: 1, h: box.h - 4 }) > 0;
        if (inked) width++;
        else if (width > 0) break;
      }
      return width;
    };
    expect(signWidth(negative)).toBeGreaterThanOrEqual(signWidth(positive) - 1);
    expect(signWidth(negative)).toBeGreaterThanOrEqual(8);
  });

  it('marks a stage without a score yet', () => {
    const { ctx, row } = drawEmotions({ a: 1 });
    const unscored = { x: 300 + 150 - 60, y: emotionY(row, 0) - 12, w: 120, h: 50 };
    expect(darkPixels(ctx, unscored) + pixelsOf(ctx, unscored, GRID_COLORS.muted)).toBeGreaterThan(40);
  });
});

describe('the grid', () => {
  it('names the scenario it shows in the corner above the lane headers', () => {
    const corner = {
      x: -GRID.laneHeaderWidth + 4,
      y: -GRID.headerHeight + 4,
      w: GRID.laneHeaderWidth - 8,
      h: GRID.headerHeight - 8,
    };
    const drawn = (name: string | null) => {
      const ctx = canvas();
      drawGrid(ctx, {
        layout: emotionGrid(),
        showCategories: false,
        scenario: name === null ? null : scenario({}, name),
        lowEmotion: -2,
        pixel: 1,
      });
      return darkPixels(ctx, corner);
    };
    expect(drawn('Ideal')).toBeGreaterThan(40);
    expect(drawn('Ideal')).not.toBe(drawn('Current'));
  });
});
