import { describe, expect, it } from 'vitest';
import {
  customPaper,
  DPI_PRESETS,
  dpiProblem,
  pagePixels,
  paperById,
  pixelProblem,
  STANDARD_PAPERS,
  type StandardPaperId,
  toPixels,
} from './paper.ts';

/**
 * Portrait pixel sizes computed independently (exact fractions, rounded half up) from the
 * standards: ISO 216 in millimetres, ANSI and ARCH in inches.
 */
const EXPECTED: Record<StandardPaperId, Record<(typeof DPI_PRESETS)[number], [number, number]>> = {
  a4: { 72: [595, 842], 150: [1240, 1754], 200: [1654, 2339], 300: [2480, 3508] },
  a3: { 72: [842, 1191], 150: [1754, 2480], 200: [2339, 3307], 300: [3508, 4961] },
  a2: { 72: [1191, 1684], 150: [2480, 3508], 200: [3307, 4677], 300: [4961, 7016] },
  a1: { 72: [1684, 2384], 150: [3508, 4967], 200: [4677, 6622], 300: [7016, 9933] },
  a0: { 72: [2384, 3370], 150: [4967, 7022], 200: [6622, 9362], 300: [9933, 14043] },
  letter: { 72: [612, 792], 150: [1275, 1650], 200: [1700, 2200], 300: [2550, 3300] },
  tabloid: { 72: [792, 1224], 150: [1650, 2550], 200: [2200, 3400], 300: [3300, 5100] },
  'arch-d': { 72: [1728, 2592], 150: [3600, 5400], 200: [4800, 7200], 300: [7200, 10800] },
  'arch-e': { 72: [2592, 3456], 150: [5400, 7200], 200: [7200, 9600], 300: [10800, 14400] },
  'poster-24x36': { 72: [1728, 2592], 150: [3600, 5400], 200: [4800, 7200], 300: [7200, 10800] },
};

describe('page pixel sizes', () => {
  it('offers every paper the issue lists', () => {
    expect(STANDARD_PAPERS.map((paper) => paper.label)).toEqual([
      'A4',
      'A3',
      'A2',
      'A1',
      'A0',
      'US Letter',
      'Tabloid',
      'ARCH D',
      'ARCH E',
      '24 × 36 in',
    ]);
  });

  for (const paper of STANDARD_PAPERS) {
    it(`${paper.label} is exact at every preset DPI, in both orientations`, () => {
      const id = paper.id as StandardPaperId;
      for (const dpi of DPI_PRESETS) {
        const [width, height] = EXPECTED[id][dpi];
        expect(pagePixels(paper, 'portrait', dpi), `${paper.label} at ${dpi} DPI`).toEqual({ width, height });
        expect(pagePixels(paper, 'landscape', dpi)).toEqual({ width: height, height: width });
      }
    });
  }

  it('A0 at 300 DPI is 9933 × 14043 and A1 at 150 DPI is 3508 × 4967', () => {
    expect(pagePixels(paperById('a0'), 'portrait', 300)).toEqual({ width: 9933, height: 14043 });
    expect(pagePixels(paperById('a1'), 'portrait', 150)).toEqual({ width: 3508, height: 4967 });
  });

  it('a 36 × 120 in banner at 300 DPI is 10800 × 36000', () => {
    expect([toPixels(36, 'in', 300), toPixels(120, 'in', 300)]).toEqual([10800, 36000]);
  });

  it('custom paper at a custom DPI rounds to the nearest pixel', () => {
    const custom = customPaper(500, 700, 'mm');
    if (!custom.ok) throw new Error(custom.error);
    // 500 mm at 96 DPI is 1889.76 px, 700 mm is 2645.67 px.
    expect(pagePixels(custom.paper, 'portrait', 96)).toEqual({ width: 1890, height: 2646 });
    expect(pagePixels(custom.paper, 'landscape', 96)).toEqual({ width: 2646, height: 1890 });
  });
});

describe('choices a user cannot make', () => {
  it('refuses custom paper that is tiny or longer than 10 m, saying the range', () => {
    expect(customPaper(10, 700, 'mm')).toEqual({
      ok: false,
      error: 'Each side of the paper must be from 50 mm to 10 m.',
    });
    expect(customPaper(24, 400, 'in')).toEqual({
      ok: false,
      error: 'Each side of the paper must be from 2 in to 393 in.',
    });
    expect(customPaper(Number.NaN, 400, 'mm').ok).toBe(false);
    expect(customPaper(36, 120, 'in').ok).toBe(true);
  });

  it('accepts the preset DPIs and refuses nonsense ones', () => {
    for (const dpi of DPI_PRESETS) expect(dpiProblem(dpi)).toBeUndefined();
    expect(dpiProblem(0)).toBe('Choose a resolution from 36 to 1200 DPI.');
    expect(dpiProblem(5000)).toBeDefined();
    expect(dpiProblem(Number.NaN)).toBeDefined();
  });

  it('refuses posters beyond 600 megapixels but not the 389-megapixel banner', () => {
    expect(pixelProblem({ width: 10800, height: 36000 })).toBeUndefined();
    expect(pixelProblem({ width: 20000, height: 40000 })).toBe(
      'This poster would be 800 megapixels; the most Journeywall exports is 600. Choose a lower DPI or a smaller paper.',
    );
  });
});
