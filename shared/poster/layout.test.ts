import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BoardBox,
  bannerOn,
  type PosterLayout,
  type PosterSpec,
  planPoster,
  type Rect,
  uniformMargins,
} from './layout.ts';
import { DPI_PRESETS, paperById, STANDARD_PAPERS, toPixels } from './paper.ts';

const a1 = paperById('a1');

const sheet = (content: BoardBox, overrides: Partial<PosterSpec> = {}): PosterSpec => ({
  page: { kind: 'sheet', paper: a1, orientation: 'auto' },
  dpi: 150,
  margins: uniformMargins(10),
  titleHeight: 0,
  content,
  ...overrides,
});

const layoutOf = (spec: PosterSpec): PosterLayout => {
  const plan = planPoster(spec);
  if (!plan.ok) throw new Error(plan.error);
  return plan.layout;
};

const inside = (inner: Rect, outer: Rect, tolerance = 1e-6) =>
  inner.x >= outer.x - tolerance &&
  inner.y >= outer.y - tolerance &&
  inner.x + inner.width <= outer.x + outer.width + tolerance &&
  inner.y + inner.height <= outer.y + outer.height + tolerance;

/** Where a board point lands on the page. */
const toPage = (layout: PosterLayout, x: number, y: number) => ({
  x: x * layout.scale + layout.offsetX,
  y: y * layout.scale + layout.offsetY,
});

describe('orientation', () => {
  it('auto picks landscape for a wide journey map and portrait for a tall one', () => {
    expect(layoutOf(sheet({ x: 0, y: 0, width: 3000, height: 1000 })).orientation).toBe('landscape');
    expect(layoutOf(sheet({ x: 0, y: 0, width: 1000, height: 3000 })).orientation).toBe('portrait');
  });

  it('auto draws the map at least as large as either fixed orientation', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 20, noNaN: true }), (aspect) => {
        const content = { x: 0, y: 0, width: 1000 * aspect, height: 1000 };
        const auto = layoutOf(sheet(content));
        for (const orientation of ['portrait', 'landscape'] as const) {
          const fixed = layoutOf(sheet(content, { page: { kind: 'sheet', paper: a1, orientation } }));
          expect(auto.scale).toBeGreaterThanOrEqual(fixed.scale);
        }
      }),
    );
  });

  it('keeps a fixed orientation even when the other would fit better', () => {
    const layout = layoutOf(
      sheet(
        { x: 0, y: 0, width: 3000, height: 1000 },
        { page: { kind: 'sheet', paper: a1, orientation: 'portrait' } },
      ),
    );
    expect(layout.orientation).toBe('portrait');
    expect(layout.page).toEqual({ width: 3508, height: 4967 });
  });
});

describe('placing the map', () => {
  it('fills the printable area on the limiting side, keeps the aspect ratio and centres the map', () => {
    const content = { x: -200, y: 100, width: 4000, height: 1500 };
    const layout = layoutOf(sheet(content, { page: { kind: 'sheet', paper: a1, orientation: 'landscape' } }));
    const margin = toPixels(10, 'mm', 150);
    expect(layout.printable).toEqual({
      x: margin,
      y: margin,
      width: 4967 - 2 * margin,
      height: 3508 - 2 * margin,
    });
    expect(layout.content.width).toBeCloseTo(layout.printable.width, 6);
    expect(layout.content.width / layout.content.height).toBeCloseTo(4000 / 1500, 9);
    const above = layout.content.y - layout.printable.y;
    const below = layout.printable.y + layout.printable.height - (layout.content.y + layout.content.height);
    expect(above).toBeCloseTo(below, 6);
    // The board box's corners land on the content rectangle's corners.
    const near = toPage(layout, -200, 100);
    expect(near.x).toBeCloseTo(layout.content.x, 6);
    expect(near.y).toBeCloseTo(layout.content.y, 6);
    const far = toPage(layout, 3800, 1600);
    expect(far.x).toBeCloseTo(layout.content.x + layout.content.width, 6);
    expect(far.y).toBeCloseTo(layout.content.y + layout.content.height, 6);
  });

  it('reserves the title block at the top and the legend at the bottom or right', () => {
    const content = { x: 0, y: 0, width: 1000, height: 1000 };
    const bottom = layoutOf(sheet(content, { titleHeight: 40, legend: { side: 'bottom', size: 30 } }));
    const title = toPixels(40, 'mm', 150);
    const legend = toPixels(30, 'mm', 150);
    expect(bottom.title).toEqual({ ...bottom.printable, height: title });
    expect(bottom.legend?.height).toBe(legend);
    expect(bottom.contentArea.y).toBe(bottom.printable.y + title);
    expect(bottom.contentArea.height).toBe(bottom.printable.height - title - legend);
    expect(bottom.legend?.y).toBe(bottom.contentArea.y + bottom.contentArea.height);

    const right = layoutOf(sheet(content, { titleHeight: 40, legend: { side: 'right', size: 60 } }));
    expect(right.legend?.width).toBe(toPixels(60, 'mm', 150));
    expect(right.legend?.x).toBe(right.contentArea.x + right.contentArea.width);
    expect(right.contentArea.width).toBe(right.printable.width - toPixels(60, 'mm', 150));
  });

  it('always keeps the map inside its area, at its aspect ratio, on any paper, DPI and margins', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STANDARD_PAPERS),
        fc.constantFrom(...DPI_PRESETS),
        fc.constantFrom('portrait' as const, 'landscape' as const, 'auto' as const),
        fc.record({
          x: fc.double({ min: -1e5, max: 1e5, noNaN: true }),
          y: fc.double({ min: -1e5, max: 1e5, noNaN: true }),
          width: fc.double({ min: 1, max: 1e5, noNaN: true }),
          height: fc.double({ min: 1, max: 1e5, noNaN: true }),
        }),
        fc.double({ min: 0, max: 25, noNaN: true }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.option(
          fc.record({
            side: fc.constantFrom('bottom' as const, 'right' as const),
            size: fc.double({ min: 0, max: 40, noNaN: true }),
          }),
          { nil: undefined },
        ),
        (paper, dpi, orientation, content, margin, titleHeight, legend) => {
          const layout = layoutOf({
            page: { kind: 'sheet', paper, orientation },
            dpi,
            margins: uniformMargins(margin),
            titleHeight,
            content,
            ...(legend ? { legend } : {}),
          });
          expect(inside(layout.contentArea, layout.printable)).toBe(true);
          expect(inside(layout.content, layout.contentArea, 1e-6 * layout.page.width)).toBe(true);
          expect(layout.content.width / layout.content.height).toBeCloseTo(content.width / content.height, 6);
          const touchesWidth =
            Math.abs(layout.content.width - layout.contentArea.width) < 1e-6 * layout.page.width;
          const touchesHeight =
            Math.abs(layout.content.height - layout.contentArea.height) < 1e-6 * layout.page.height;
          expect(touchesWidth || touchesHeight).toBe(true);
        },
      ),
    );
  });
});

describe('a vote’s results box', () => {
  const results = { bottom: 60, right: 230 };
  const overlapping = (a: Rect, b: Rect) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  it('goes under a wide map, in paper the map leaves empty, so the map is as large as without it', () => {
    const content = { x: 0, y: 0, width: 3000, height: 1000 };
    const without = layoutOf(sheet(content, { titleHeight: 36, legend: { side: 'bottom', size: 30 } }));
    const layout = layoutOf(
      sheet(content, { titleHeight: 36, legend: { side: 'bottom', size: 30 }, results }),
    );
    expect(layout.orientation).toBe('landscape');
    expect(layout.results?.height).toBe(toPixels(60, 'mm', 150));
    expect(layout.results?.width).toBe(layout.printable.width);
    // Between the map and the legend.
    expect(layout.results?.y).toBe(layout.contentArea.y + layout.contentArea.height);
    expect(layout.legend?.y).toBe((layout.results?.y ?? 0) + (layout.results?.height ?? 0));
    expect(layout.scale).toBeCloseTo(without.scale, 9);
  });

  it('goes beside a tall map, where it takes the least from the map', () => {
    const layout = layoutOf(sheet({ x: 0, y: 0, width: 1000, height: 3000 }, { results }));
    expect(layout.orientation).toBe('portrait');
    expect(layout.results?.width).toBe(toPixels(230, 'mm', 150));
    expect(layout.results?.x).toBe(layout.contentArea.x + layout.contentArea.width);
    expect(layout.results?.height).toBe(layout.printable.height);
  });

  it('never covers the map, the title or the legend, on any paper and map', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STANDARD_PAPERS.filter((paper) => paper.width >= 200)),
        fc.constantFrom('portrait' as const, 'landscape' as const, 'auto' as const),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.constantFrom('bottom' as const, 'right' as const),
        (paper, orientation, aspect, legendSide) => {
          const layout = layoutOf({
            page: { kind: 'sheet', paper, orientation },
            dpi: 72,
            margins: uniformMargins(10),
            titleHeight: 20,
            legend: { side: legendSide, size: 15 },
            results: { bottom: 25, right: 90 },
            content: { x: 0, y: 0, width: 1000 * aspect, height: 1000 },
          });
          const box = layout.results;
          if (!box) throw new Error('no results box');
          expect(inside(box, layout.printable)).toBe(true);
          for (const other of [layout.contentArea, layout.title, layout.legend]) {
            if (other) expect(overlapping(box, other)).toBe(false);
          }
        },
      ),
    );
  });

  it('goes at the end of a banner, before the legend, and lengthens it', () => {
    const spec: PosterSpec = {
      page: { kind: 'banner', height: 594, unit: 'mm' },
      dpi: 72,
      margins: uniformMargins(0),
      titleHeight: 0,
      legend: { side: 'right', size: 150 },
      content: { x: 0, y: 0, width: 4000, height: 1000 },
    };
    const without = layoutOf(spec);
    const layout = layoutOf({ ...spec, results });
    expect(layout.results?.x).toBe(layout.contentArea.x + layout.contentArea.width);
    expect(layout.legend?.x).toBe((layout.results?.x ?? 0) + (layout.results?.width ?? 0));
    expect(layout.page.width).toBe(without.page.width + toPixels(230, 'mm', 72));
    expect(layout.scale).toBeCloseTo(without.scale, 9);
  });

  it('names itself when it leaves no room for the map', () => {
    expect(
      planPoster(
        sheet(
          { x: 0, y: 0, width: 100, height: 100 },
          {
            page: { kind: 'sheet', paper: paperById('a4'), orientation: 'auto' },
            results: { bottom: 300, right: 300 },
          },
        ),
      ),
    ).toEqual({
      ok: false,
      error:
        'The margins, title, legend and vote results leave no room for the map. Make them smaller or choose larger paper.',
    });
  });
});

describe('banners', () => {
  const banner = (content: BoardBox, overrides: Partial<PosterSpec> = {}) =>
    layoutOf({
      page: { kind: 'banner', height: 36, unit: 'in' },
      dpi: 300,
      margins: uniformMargins(0),
      titleHeight: 0,
      content,
      ...overrides,
    });

  it('grows to the map: a 10:3 map on a 36 in roll at 300 DPI is 36 × 120 in (10800 × 36000)', () => {
    const layout = banner({ x: 0, y: 0, width: 1000, height: 300 });
    expect(layout.page).toEqual({ width: 36000, height: 10800 });
    expect(layout.paper.width).toBeCloseTo(120, 9);
    expect(layout.paper.height).toBe(36);
    expect(layout.orientation).toBe('landscape');
    expect(layout.content).toEqual({ x: 0, y: 0, width: 36000, height: 10800 });
  });

  it('adds side margins and a right-hand legend to its length, and the map fills its height', () => {
    const layout = banner(
      { x: 0, y: 0, width: 2000, height: 500 },
      { margins: uniformMargins(20), titleHeight: 50, legend: { side: 'right', size: 150 } },
    );
    const px = (mm: number) => toPixels(mm, 'mm', 300);
    expect(layout.content.height).toBeCloseTo(layout.contentArea.height, 9);
    expect(layout.page.width).toBe(Math.ceil(layout.contentArea.height * 4) + 2 * px(20) + px(150));
    expect(inside(layout.content, layout.contentArea)).toBe(true);
  });

  it('stops at 10 m and shrinks the map to fit', () => {
    const layout = banner({ x: 0, y: 0, width: 100_000, height: 500 }, { dpi: 72 });
    expect(layout.page.width).toBe(toPixels(10_000, 'mm', 72));
    expect(layout.content.width).toBeCloseTo(layout.contentArea.width, 6);
    expect(layout.content.height).toBeLessThan(layout.contentArea.height);
  });

  it('can be as high as a sheet is wide: an A1 banner at 150 DPI is 3508 px high', () => {
    const layout = banner({ x: 0, y: 0, width: 5000, height: 1000 }, { page: bannerOn(a1), dpi: 150 });
    expect(layout.page).toEqual({ width: 3508 * 5, height: 3508 });
    expect(layout.paper.height).toBe(594);
  });

  it('refuses a banner higher than the roll limits', () => {
    const plan = planPoster({
      page: { kind: 'banner', height: 20, unit: 'mm' },
      dpi: 150,
      margins: uniformMargins(0),
      titleHeight: 0,
      content: { x: 0, y: 0, width: 100, height: 100 },
    });
    expect(plan).toEqual({ ok: false, error: 'A banner must be from 50 mm to 10 m high.' });
  });
});

describe('posters that cannot be made', () => {
  const content = { x: 0, y: 0, width: 100, height: 100 };

  it('says so when margins, title and legend leave no room', () => {
    expect(
      planPoster(
        sheet(content, {
          page: { kind: 'sheet', paper: paperById('a4'), orientation: 'auto' },
          margins: uniformMargins(120),
        }),
      ),
    ).toEqual({
      ok: false,
      error:
        'The margins, title and legend leave no room for the map. Make them smaller or choose larger paper.',
    });
  });

  it('says so for an empty map, a negative margin, a bad DPI and an oversized page', () => {
    expect(planPoster(sheet({ x: 0, y: 0, width: 0, height: 10 }))).toEqual({
      ok: false,
      error: 'The map is empty: there is nothing to put on the poster.',
    });
    expect(planPoster(sheet(content, { margins: { top: -1, right: 0, bottom: 0, left: 0 } }))).toEqual({
      ok: false,
      error: 'Margins, title and legend sizes must be zero or more.',
    });
    expect(planPoster(sheet(content, { dpi: 10 }))).toEqual({
      ok: false,
      error: 'Choose a resolution from 36 to 1200 DPI.',
    });
    const huge = planPoster(
      sheet(content, { page: { kind: 'sheet', paper: paperById('a0'), orientation: 'auto' }, dpi: 1200 }),
    );
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.error).toMatch(/^This poster would be 2,232 megapixels/);
  });
});
