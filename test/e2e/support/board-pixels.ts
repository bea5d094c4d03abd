import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { NOTE_PALETTE } from '../../../shared/model/palette.ts';
import { NOTE_COLORS, type NoteColor } from '../../../shared/model/records.ts';

/**
 * What the board shows, read from its pixels: the canvas content is not in the DOM, so the
 * tests look at the screen like a facilitator does. A note is a region of one palette fill
 * colour; its text, coloured top edge and shadow are other colours and are left out.
 */

/** A note as seen on screen: the rectangle of its fill (page pixels) and its colour. */
export interface NoteOnScreen {
  readonly color: NoteColor;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Pixels of exactly the fill colour (text and handles make it less than w × h). */
  readonly area: number;
}

export interface BoardImage {
  /** Where the board's top-left corner is on the page. */
  readonly left: number;
  readonly top: number;
  readonly png: PNG;
}

const FILLS = NOTE_COLORS.map((color) => ({ color, rgb: hexToRgb(NOTE_PALETTE[color].fill) }));

function hexToRgb(hex: string): readonly [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Colour channels may differ by this much from the palette (colour management, rounding). */
const TOLERANCE = 3;

/**
 * Until the board shows what it will keep showing: during a pan or zoom the last drawings are
 * moved by a CSS transform until the board is redrawn a moment later (the paper by its worker,
 * the selection's layer by Konva), and a board just shown waits for its first drawing.
 */
export const boardSettled = async (page: Page): Promise<void> => {
  await page.waitForFunction(() => {
    const canvas = document.querySelector<HTMLElement>('.board-canvas');
    const board = document.querySelector('.board');
    return canvas?.style.transform === '' && board?.getAttribute('data-painted') === 'current';
  });
};

export const captureBoard = async (page: Page): Promise<BoardImage> => {
  const board = page.getByTestId('board');
  await boardSettled(page);
  const box = await board.boundingBox();
  if (!box) throw new Error('The board is not on screen');
  const png = PNG.sync.read(await board.screenshot({ animations: 'disabled', caret: 'hide' }));
  return { left: box.x, top: box.y, png };
};

const fillIndexAt = (png: PNG, offset: number): number => {
  const r = png.data[offset] ?? 0;
  const g = png.data[offset + 1] ?? 0;
  const b = png.data[offset + 2] ?? 0;
  return FILLS.findIndex(
    ({ rgb }) =>
      Math.abs(rgb[0] - r) <= TOLERANCE &&
      Math.abs(rgb[1] - g) <= TOLERANCE &&
      Math.abs(rgb[2] - b) <= TOLERANCE,
  );
};

/** The palette colour at a page point, or null where the board shows no note fill there. */
export const colorAt = (image: BoardImage, x: number, y: number): NoteColor | null => {
  const px = Math.round(x - image.left);
  const py = Math.round(y - image.top);
  if (px < 0 || py < 0 || px >= image.png.width || py >= image.png.height) return null;
  return FILLS[fillIndexAt(image.png, (py * image.png.width + px) * 4)]?.color ?? null;
};

/**
 * Every note on screen: connected regions of one fill colour. Regions smaller than `minArea`
 * pixels (the inside of a letter "o", a sliver at the window's edge) are not notes.
 */
export const findNotes = (image: BoardImage, minArea = 400): NoteOnScreen[] => {
  const { png } = image;
  const { width, height } = png;
  const label = new Int8Array(width * height);
  for (let index = 0; index < label.length; index++) label[index] = fillIndexAt(png, index * 4);
  const seen = new Uint8Array(width * height);
  const notes: NoteOnScreen[] = [];
  const stack: number[] = [];
  for (let start = 0; start < label.length; start++) {
    const fill = label[start] ?? -1;
    if (fill < 0 || seen[start]) continue;
    seen[start] = 1;
    stack.push(start);
    let area = 0;
    let minX = width;
    let minY = height;
    let maxX = -1;
    let maxY = -1;
    while (stack.length > 0) {
      const index = stack.pop() ?? 0;
      const x = index % width;
      const y = (index - x) / width;
      area++;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      const neighbours = [
        x > 0 ? index - 1 : -1,
        x < width - 1 ? index + 1 : -1,
        y > 0 ? index - width : -1,
        y < height - 1 ? index + width : -1,
      ];
      for (const next of neighbours) {
        if (next >= 0 && !seen[next] && label[next] === fill) {
          seen[next] = 1;
          stack.push(next);
        }
      }
    }
    const color = FILLS[fill]?.color;
    if (color && area >= minArea) {
      notes.push({
        color,
        x: minX + image.left,
        y: minY + image.top,
        w: maxX - minX + 1,
        h: maxY - minY + 1,
        area,
      });
    }
  }
  return notes.sort((a, b) => a.y - b.y || a.x - b.x);
};

export const visibleNotes = async (page: Page, minArea?: number): Promise<NoteOnScreen[]> =>
  findNotes(await captureBoard(page), minArea);

export const centreOf = (note: NoteOnScreen): { x: number; y: number } => ({
  x: note.x + note.w / 2,
  y: note.y + note.h / 2,
});

/** The note whose fill covers a page point, if any. */
export const noteCovering = (
  notes: readonly NoteOnScreen[],
  point: { x: number; y: number },
): NoteOnScreen | undefined =>
  notes.find(
    (note) =>
      point.x >= note.x && point.x < note.x + note.w && point.y >= note.y && point.y < note.y + note.h,
  );
