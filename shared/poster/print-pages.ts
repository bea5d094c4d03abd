/**
 * Splits a poster into office-printer pages (A4 or Letter) printed at the poster's own size.
 * Each page prints a piece of the poster inside a white margin the printer can reach; pieces
 * overlap so they can be glued. Assembly: trim a page along its trim marks (its left and top
 * image edges, where it has a neighbour there), then lay it over its neighbour so the cut edge
 * meets that neighbour's alignment marks. Marks are short lines in the margins, never on the
 * image, so nothing of them shows on the assembled poster.
 */
import type { Rect } from './layout.ts';
import { type Orientation, type Paper, type PixelSize, pagePixels, toPixels } from './paper.ts';

export interface PrintTilingOptions {
  /** The whole poster in pixels, and the DPI it is printed at. */
  readonly poster: PixelSize;
  readonly dpi: number;
  readonly sheet: Paper;
  readonly orientation: Orientation;
  /** Millimetres each piece shares with its right and lower neighbours. */
  readonly overlap: number;
  /** Millimetres of white around each piece: room for the printer's grip and the marks. */
  readonly margin: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Segment {
  readonly from: Point;
  readonly to: Point;
}

export interface PrintPage {
  /** 1-based, row-major. */
  readonly number: number;
  readonly row: number;
  readonly column: number;
  /** "Row 1, column 2 (page 2 of 6)". */
  readonly label: string;
  /** Where the label goes: the centre of the bottom margin, sheet pixels. */
  readonly labelAt: Point;
  /** The part of the poster on this page, poster pixels. */
  readonly source: Rect;
  /** Where that part is drawn on the sheet, sheet pixels, at the same size. */
  readonly target: Rect;
  /** Ticks in the margins along the image edges to cut (left and top, where there is a neighbour). */
  readonly trimMarks: readonly Segment[];
  /** Ticks in the margins where the next page's cut edge goes (right and bottom overlaps). */
  readonly alignMarks: readonly Segment[];
  /** Centres of cross-hair targets in the margins, on the alignment lines. */
  readonly registrationMarks: readonly Point[];
}

export interface PrintTiling {
  readonly sheet: PixelSize;
  readonly columns: number;
  readonly rows: number;
  readonly pages: readonly PrintPage[];
}

export type PrintTilingPlan =
  | { readonly ok: true; readonly tiling: PrintTiling }
  | { readonly ok: false; readonly error: string };

/** More pages than this is no longer an office-printer job. */
export const MAX_PRINT_PAGES = 400;

/**
 * Each sheet is drawn whole on one canvas at the poster's DPI: an A4 sheet at 600 DPI is 139 MB
 * of pixels, at 1200 DPI four times that. Office printers print no finer than 600 DPI anyway.
 */
export const MAX_PRINT_DPI = 600;

export const PRINT_MESSAGES = {
  dpi: `Print pages go up to ${MAX_PRINT_DPI} DPI, as fine as office printers print. Choose ${MAX_PRINT_DPI} DPI or lower.`,
} as const;

/** Pieces needed to cover `length` with pieces of `area` that advance by `step`. */
const count = (length: number, area: number, step: number): number =>
  length <= area ? 1 : 1 + Math.ceil((length - area) / step);

export const planPrintPages = (options: PrintTilingOptions): PrintTilingPlan => {
  const { poster, dpi } = options;
  if (dpi > MAX_PRINT_DPI) return { ok: false, error: PRINT_MESSAGES.dpi };
  if (!(options.margin >= 0 && options.overlap >= 0)) {
    return { ok: false, error: 'Margin and overlap must be zero or more.' };
  }
  const sheet = pagePixels(options.sheet, options.orientation, dpi);
  const margin = toPixels(options.margin, 'mm', dpi);
  const overlap = toPixels(options.overlap, 'mm', dpi);
  const area = { width: sheet.width - 2 * margin, height: sheet.height - 2 * margin };
  if (overlap * 2 >= Math.min(area.width, area.height)) {
    return { ok: false, error: 'The margin and overlap leave too little of each page for the poster.' };
  }
  const step = { x: area.width - overlap, y: area.height - overlap };
  const columns = count(poster.width, area.width, step.x);
  const rows = count(poster.height, area.height, step.y);
  const total = columns * rows;
  if (total > MAX_PRINT_PAGES) {
    return {
      ok: false,
      error: `This poster would take ${total} pages; the most Journeywall prints is ${MAX_PRINT_PAGES}. Choose a lower DPI or a plotter.`,
    };
  }

  const pages: PrintPage[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const source = {
        x: column * step.x,
        y: row * step.y,
        width: Math.min(area.width, poster.width - column * step.x),
        height: Math.min(area.height, poster.height - row * step.y),
      };
      const target = { x: margin, y: margin, width: source.width, height: source.height };
      const number = row * columns + column + 1;
      const marks = pageMarks(sheet, margin, target, step, {
        left: column > 0,
        top: row > 0,
        right: column < columns - 1,
        bottom: row < rows - 1,
      });
      pages.push({
        number,
        row: row + 1,
        column: column + 1,
        label: `Row ${row + 1}, column ${column + 1} (page ${number} of ${total})`,
        labelAt: { x: sheet.width / 2, y: sheet.height - margin / 2 },
        source,
        target,
        ...marks,
      });
    }
  }
  return { ok: true, tiling: { sheet, columns, rows, pages } };
};

/** Ticks stop this far short of the image so a slightly skewed cut never shows them. */
const TICK_GAP = 0.25;

const pageMarks = (
  sheet: PixelSize,
  margin: number,
  image: Rect,
  step: Point,
  neighbours: { left: boolean; top: boolean; right: boolean; bottom: boolean },
) => {
  const gap = margin * TICK_GAP;
  /** Ticks above and below the image at x. */
  const vertical = (x: number): Segment[] => [
    { from: { x, y: 0 }, to: { x, y: image.y - gap } },
    { from: { x, y: image.y + image.height + gap }, to: { x, y: sheet.height } },
  ];
  /** Ticks left and right of the image at y. */
  const horizontal = (y: number): Segment[] => [
    { from: { x: 0, y }, to: { x: image.x - gap, y } },
    { from: { x: image.x + image.width + gap, y }, to: { x: sheet.width, y } },
  ];
  const trimMarks = [
    ...(neighbours.left ? vertical(image.x) : []),
    ...(neighbours.top ? horizontal(image.y) : []),
  ];
  const alignX = image.x + step.x;
  const alignY = image.y + step.y;
  const alignMarks = [
    ...(neighbours.right ? vertical(alignX) : []),
    ...(neighbours.bottom ? horizontal(alignY) : []),
  ];
  const registrationMarks = [
    ...(neighbours.right
      ? [
          { x: alignX, y: margin / 2 },
          { x: alignX, y: sheet.height - margin / 2 },
        ]
      : []),
    ...(neighbours.bottom
      ? [
          { x: margin / 2, y: alignY },
          { x: sheet.width - margin / 2, y: alignY },
        ]
      : []),
  ];
  return { trimMarks, alignMarks, registrationMarks };
};
