import { describe, expect, it } from 'vitest';
import { planPoster } from '../../shared/poster/layout.ts';
import { toPixels } from '../../shared/poster/paper.ts';
import { VOTE_BOX, voteBoxSizeFor } from '../../shared/poster/vote-box.ts';
import {
  DEFAULT_POSTER_OPTIONS,
  legendSizeFor,
  type PosterOptions,
  posterFileName,
  posterSpecOf,
  titleHeightFor,
} from './poster-options.ts';

const wideMap = { x: -220, y: -104, width: 3740, height: 1600 };

const layoutFor = (changes: Partial<PosterOptions>) => {
  const spec = posterSpecOf({ ...DEFAULT_POSTER_OPTIONS, ...changes }, wideMap);
  if (!spec.ok) throw new Error(spec.error);
  const plan = planPoster(spec.spec);
  if (!plan.ok) throw new Error(plan.error);
  return plan.layout;
};

describe('the dialog’s options', () => {
  it('give A1 at 150 DPI its exact pixels, turned to fit the wide map', () => {
    const layout = layoutFor({ paper: 'a1', dpi: 150 });
    expect(layout.page).toEqual({ width: 4967, height: 3508 });
    expect(layout.orientation).toBe('landscape');
  });

  it('give A0 at 300 DPI the size print shops quote, in the orientation asked for', () => {
    expect(layoutFor({ paper: 'a0', dpi: 300, orientation: 'portrait' }).page).toEqual({
      width: 9933,
      height: 14043,
    });
  });

  it('size the title block and legend with the paper', () => {
    const a1 = layoutFor({ paper: 'a1', dpi: 150 });
    expect(a1.title?.height).toBe(toPixels(titleHeightFor(594), 'mm', 150));
    expect(titleHeightFor(594)).toBeCloseTo(35.6, 1);
    expect(a1.legend?.height).toBe(toPixels(legendSizeFor(594, 'bottom'), 'mm', 150));
    const bare = layoutFor({ paper: 'a1', dpi: 150, titleBlock: false, legend: false });
    expect(bare.title).toBeUndefined();
    expect(bare.legend).toBeUndefined();
    expect(bare.contentArea.height).toBeGreaterThan(a1.contentArea.height);
  });

  it('make a banner as high as the roll and as long as the map needs, legend at its end', () => {
    const layout = layoutFor({ paper: 'banner', bannerHeight: 36, unit: 'in', dpi: 100 });
    expect(layout.page.height).toBe(3600);
    expect(layout.page.width).toBeGreaterThan(3600 * 2);
    expect(layout.legend?.x).toBeGreaterThan(layout.content.x + layout.content.width - 1);
  });

  it('take custom sizes in either unit and say when they are out of range', () => {
    expect(
      layoutFor({ paper: 'custom', customWidth: 36, customHeight: 120, unit: 'in', dpi: 300 }).page,
    ).toEqual({
      width: 36_000,
      height: 10_800,
    });
    const tiny = posterSpecOf(
      { ...DEFAULT_POSTER_OPTIONS, paper: 'custom', customWidth: 10, customHeight: 10 },
      wideMap,
    );
    expect(tiny).toEqual({ ok: false, error: 'Each side of the paper must be from 50 mm to 10 m.' });
    expect(posterSpecOf({ ...DEFAULT_POSTER_OPTIONS, margin: -1 }, wideMap).ok).toBe(false);
  });

  it('show a revealed vote by default, and make room for its results box only when there is one', () => {
    expect(DEFAULT_POSTER_OPTIONS.votes).toBe(true);
    const without = posterSpecOf(DEFAULT_POSTER_OPTIONS, wideMap);
    expect(without.ok && without.spec.results).toBeUndefined();
    const withBox = posterSpecOf(DEFAULT_POSTER_OPTIONS, wideMap, true);
    expect(withBox.ok && withBox.spec.results).toEqual(voteBoxSizeFor(594));
    // On A1 the box's text is as high as the title block's facts line, about 6.5 mm.
    expect(voteBoxSizeFor(594).right / VOTE_BOX.columnEms).toBeCloseTo(6.5, 1);
  });

  it('name the file after the map, paper and DPI', () => {
    expect(posterFileName('Toner', DEFAULT_POSTER_OPTIONS, 'poster')).toBe('Toner poster A1 150 dpi');
    expect(posterFileName('Toner', { ...DEFAULT_POSTER_OPTIONS, paper: 'letter', dpi: 300 }, 'print')).toBe(
      'Toner print pages US Letter 300 dpi',
    );
    expect(posterFileName('  ', DEFAULT_POSTER_OPTIONS, 'poster')).toBe('Journey map poster A1 150 dpi');
  });

  it('name the file without bidi controls, which would show it in another order', () => {
    expect(posterFileName('Invoice \u202Efdp.exe', DEFAULT_POSTER_OPTIONS, 'poster')).toBe(
      'Invoice fdp.exe poster A1 150 dpi',
    );
  });

  it('keep the paper and DPI in the name of a map with a very long name', () => {
    const name = posterFileName(`Toner ${'😀'.repeat(499)}`, DEFAULT_POSTER_OPTIONS, 'poster');
    expect(name).toBe(`Toner ${'😀'.repeat(114)} poster A1 150 dpi`);
  });
});
