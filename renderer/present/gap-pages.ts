import { type GapRow, type GapSection, kindBesideChange } from '../../shared/journey/scenarios/gap-rows.ts';
import { dotCount } from '../../shared/journey/votes/vote-results.ts';

/** A row's dots when a vote feeds the gap list: " · 3 dots"; empty for none. */
export const gapRowDots = (row: GapRow): string => (row.dots ? ` · ${dotCount(row.dots)}` : '');

/** A row of the gap list as present mode shows it: what changed, on what, the detail and its dots. */
export const gapRowText = (row: GapRow): string => {
  const kind = kindBesideChange(row);
  return `${row.change}${kind ? ` · ${kind}` : ''}: ${row.subject}${row.detail ? ` (${row.detail})` : ''}${gapRowDots(row)}`;
};

/** Line height of the gap list's text, in font sizes. */
export const GAP_LINE_HEIGHT = 1.3;

/**
 * A character's average width in the shipped face, in font sizes, rounded up so a page's
 * estimate errs towards fewer rows rather than rows that fall off the screen.
 */
const AVERAGE_CHARACTER_EM = 0.56;

/** How many lines a page of `size` CSS pixels holds at `fontPx`, and about how many characters a line. */
export const pageMeasure = (size: { readonly width: number; readonly height: number }, fontPx: number) => ({
  linesPerPage: Math.max(3, Math.floor(size.height / (fontPx * GAP_LINE_HEIGHT))),
  perLine: Math.max(10, Math.floor(size.width / (fontPx * AVERAGE_CHARACTER_EM))),
});

/**
 * The gap list cut into pages that each fit a box of `size` CSS pixels at `fontPx`: a stage's
 * name takes a line (again at the top of a page its rows continue on), a row as many lines as
 * its words wrap to. A row longer than a page gets a page of its own.
 */
export const gapPages = (
  sections: readonly GapSection[],
  size: { readonly width: number; readonly height: number },
  fontPx: number,
): GapSection[][] => {
  const { linesPerPage, perLine } = pageMeasure(size, fontPx);
  const pages: GapSection[][] = [];
  let page: GapSection[] = [];
  let used = 0;
  const startPage = () => {
    if (page.length > 0) pages.push(page);
    page = [];
    used = 0;
  };
  for (const section of sections) {
    let rows: GapRow[] = [];
    for (const row of section.rows) {
      const lines = Math.ceil(gapRowText(row).length / perLine);
      const heading = rows.length === 0 ? 1 : 0;
      if (used > 0 && used + heading + lines > linesPerPage) {
        if (rows.length > 0) page.push({ stage: section.stage, rows });
        startPage();
        rows = [];
      }
      used += (rows.length === 0 ? 1 : 0) + lines;
      rows.push(row);
    }
    if (rows.length > 0) page.push({ stage: section.stage, rows });
  }
  startPage();
  return pages;
};
