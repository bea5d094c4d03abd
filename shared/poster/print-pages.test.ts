import { describe, expect, it } from 'vitest';
import type { Rect } from './layout.ts';
import { pagePixels, paperById } from './paper.ts';
import { type PrintPage, type PrintTilingOptions, planPrintPages } from './print-pages.ts';

const a1At150 = pagePixels(paperById('a1'), 'portrait', 150);

const tile = (overrides: Partial<PrintTilingOptions> = {}) => {
  const plan = planPrintPages({
    poster: a1At150,
    dpi: 150,
    sheet: paperById('a4'),
    orientation: 'portrait',
    overlap: 10,
    margin: 10,
    ...overrides,
  });
  if (!plan.ok) throw new Error(plan.error);
  return plan.tiling;
};

const pageAt = (pages: readonly PrintPage[], row: number, column: number) => {
  const page = pages.find((candidate) => candidate.row === row && candidate.column === column);
  if (!page) throw new Error(`no page at ${row}, ${column}`);
  return page;
};

const outside = (x: number, y: number, image: Rect) =>
  x < image.x || x > image.x + image.width || y < image.y || y > image.y + image.height;

describe('printing a poster on office paper', () => {
  it('splits an A1 poster at 150 DPI into 16 numbered A4 pages, row by row', () => {
    const tiling = tile();
    expect(tiling.sheet).toEqual({ width: 1240, height: 1754 });
    expect([tiling.rows, tiling.columns]).toEqual([4, 4]);
    expect(tiling.pages.map((page) => page.number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(tiling.pages[1]?.label).toBe('Row 1, column 2 (page 2 of 16)');
    expect(tiling.pages[15]?.label).toBe('Row 4, column 4 (page 16 of 16)');
  });

  it('covers every poster pixel, with neighbours sharing exactly the overlap', () => {
    const { pages, rows, columns } = tile();
    const overlap = Math.round((10 * 150) / 25.4);
    for (let row = 1; row <= rows; row++) {
      for (let column = 1; column <= columns; column++) {
        const page = pageAt(pages, row, column);
        if (column === 1) expect(page.source.x).toBe(0);
        if (row === 1) expect(page.source.y).toBe(0);
        if (column === columns) expect(page.source.x + page.source.width).toBe(a1At150.width);
        if (row === rows) expect(page.source.y + page.source.height).toBe(a1At150.height);
        if (column < columns) {
          const right = pageAt(pages, row, column + 1);
          expect(page.source.x + page.source.width - right.source.x).toBe(overlap);
        }
        if (row < rows) {
          const below = pageAt(pages, row + 1, column);
          expect(page.source.y + page.source.height - below.source.y).toBe(overlap);
        }
      }
    }
  });

  it('prints each piece at poster size inside the margin', () => {
    const { pages, sheet } = tile();
    const margin = Math.round((10 * 150) / 25.4);
    for (const page of pages) {
      expect(page.target).toEqual({
        x: margin,
        y: margin,
        width: page.source.width,
        height: page.source.height,
      });
      expect(page.target.x + page.target.width).toBeLessThanOrEqual(sheet.width - margin);
      expect(page.target.y + page.target.height).toBeLessThanOrEqual(sheet.height - margin);
    }
  });

  it('marks where to cut and where the next page goes, at the same place on the poster', () => {
    const { pages, rows, columns } = tile();
    /** Sheet x on `page` as a poster x. */
    const posterX = (page: PrintPage, x: number) => page.source.x + x - page.target.x;
    const posterY = (page: PrintPage, y: number) => page.source.y + y - page.target.y;
    for (const page of pages) {
      const right = page.column < columns ? pageAt(pages, page.row, page.column + 1) : undefined;
      const below = page.row < rows ? pageAt(pages, page.row + 1, page.column) : undefined;
      const verticalAlign = page.alignMarks.filter((mark) => mark.from.x === mark.to.x);
      const horizontalAlign = page.alignMarks.filter((mark) => mark.from.y === mark.to.y);
      expect(verticalAlign.length).toBe(right ? 2 : 0);
      expect(horizontalAlign.length).toBe(below ? 2 : 0);
      // The next page is cut at its left image edge: that edge lands on this page's alignment line.
      for (const mark of verticalAlign) expect(posterX(page, mark.from.x)).toBe(right?.source.x);
      for (const mark of horizontalAlign) expect(posterY(page, mark.from.y)).toBe(below?.source.y);
      const verticalTrim = page.trimMarks.filter((mark) => mark.from.x === mark.to.x);
      const horizontalTrim = page.trimMarks.filter((mark) => mark.from.y === mark.to.y);
      expect(verticalTrim.length).toBe(page.column > 1 ? 2 : 0);
      expect(horizontalTrim.length).toBe(page.row > 1 ? 2 : 0);
      for (const mark of verticalTrim) expect(mark.from.x).toBe(page.target.x);
      for (const mark of horizontalTrim) expect(mark.from.y).toBe(page.target.y);
      expect(page.registrationMarks.length).toBe((right ? 2 : 0) + (below ? 2 : 0));
    }
  });

  it('draws every mark in the margins, never on the picture', () => {
    const { pages, sheet } = tile();
    for (const page of pages) {
      for (const mark of [...page.trimMarks, ...page.alignMarks]) {
        for (const end of [mark.from, mark.to]) {
          expect(end.x).toBeGreaterThanOrEqual(0);
          expect(end.y).toBeGreaterThanOrEqual(0);
          expect(end.x).toBeLessThanOrEqual(sheet.width);
          expect(end.y).toBeLessThanOrEqual(sheet.height);
        }
        const middle = { x: (mark.from.x + mark.to.x) / 2, y: (mark.from.y + mark.to.y) / 2 };
        expect(
          outside(mark.from.x, mark.from.y, page.target) || outside(mark.to.x, mark.to.y, page.target),
        ).toBe(true);
        expect(outside(middle.x, middle.y, page.target)).toBe(true);
      }
      for (const point of [...page.registrationMarks, page.labelAt]) {
        expect(outside(point.x, point.y, page.target)).toBe(true);
      }
    }
  });

  it('fits a small poster on one page without marks, and tiles on landscape Letter', () => {
    const single = tile({ poster: { width: 800, height: 600 } });
    expect(single.pages).toHaveLength(1);
    expect(single.pages[0]).toMatchObject({
      label: 'Row 1, column 1 (page 1 of 1)',
      trimMarks: [],
      alignMarks: [],
    });
    const letter = tile({ sheet: paperById('letter'), orientation: 'landscape' });
    expect(letter.sheet).toEqual({ width: 1650, height: 1275 });
    expect(letter.pages.length).toBe(letter.rows * letter.columns);
    expect(letter.columns).toBeLessThan(letter.rows);
  });

  it('refuses overlaps that leave no picture, and jobs too big for an office printer', () => {
    expect(
      planPrintPages({
        poster: a1At150,
        dpi: 150,
        sheet: paperById('a4'),
        orientation: 'portrait',
        overlap: 100,
        margin: 10,
      }),
    ).toEqual({
      ok: false,
      error: 'The margin and overlap leave too little of each page for the poster.',
    });
    const options = {
      dpi: 300,
      sheet: paperById('a4'),
      orientation: 'portrait' as const,
      overlap: 10,
      margin: 10,
    };
    const banner = planPrintPages({ ...options, poster: { width: 36000, height: 10800 } });
    expect(banner.ok && banner.tiling.pages.length).toBe(68);
    const mural = planPrintPages({ ...options, poster: { width: 100_000, height: 40_000 } });
    expect(mural).toEqual({
      ok: false,
      error:
        'This poster would take 611 pages; the most Journeywall prints is 400. Choose a lower DPI or a plotter.',
    });
  });

  it('prints at up to 600 DPI, and says so above that, so no sheet needs gigabytes to draw', () => {
    const at = (dpi: number) =>
      planPrintPages({
        poster: pagePixels(paperById('a3'), 'landscape', dpi),
        dpi,
        sheet: paperById('a4'),
        orientation: 'portrait',
        overlap: 10,
        margin: 10,
      });
    const finest = at(600);
    expect(finest.ok && finest.tiling.sheet).toEqual({ width: 4961, height: 7016 });
    expect(at(601)).toEqual({
      ok: false,
      error: 'Print pages go up to 600 DPI, as fine as office printers print. Choose 600 DPI or lower.',
    });
    expect(at(1200).ok).toBe(false);
  });
});
