import { describe, expect, it } from 'vitest';
import type { GapRow, GapSection } from '../../shared/journey/scenarios/gap-rows.ts';
import { GAP_LINE_HEIGHT, gapPages, gapRowText } from './gap-pages.ts';

const row = (subject: string): GapRow => ({
  change: 'Touchpoint added',
  kind: 'Touchpoint',
  current: '',
  ideal: subject,
  detail: 'web',
  subject: `"${subject}"`,
});

const SECTIONS: GapSection[] = ['Interest', 'Purchase', 'Use'].map((stage, index) => ({
  stage,
  rows: Array.from({ length: 4 + index * 3 }, (_, n) => row(`${stage} change ${n + 1}`)),
}));

describe('the gap list in pages a projector can show', () => {
  it('reads each row as what changed, on what, and the detail', () => {
    expect(gapRowText(row('Guest checkout'))).toBe('Touchpoint added: "Guest checkout" (web)');
  });

  it('keeps every row, in order, and repeats a stage’s name on the page its rows continue on', () => {
    const fontPx = 32;
    const size = { width: 1700, height: 8 * fontPx * GAP_LINE_HEIGHT };
    const pages = gapPages(SECTIONS, size, fontPx);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flat().flatMap((section) => section.rows)).toEqual(
      SECTIONS.flatMap((section) => section.rows),
    );
    for (const page of pages) {
      // One line per stage name and per row (these rows are one line wide): at most 8.
      const lines = page.reduce((sum, section) => sum + 1 + section.rows.length, 0);
      expect(lines).toBeLessThanOrEqual(8);
    }
    expect(pages[1]?.[0]?.stage).toBe(pages[0]?.at(-1)?.stage);
  });

  it('counts the lines a long row wraps to', () => {
    const long = row('word '.repeat(60));
    const pages = gapPages([{ stage: 'Use', rows: [long, long, long] }], { width: 800, height: 400 }, 32);
    expect(pages).toHaveLength(3);
  });
});
