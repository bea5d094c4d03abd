import type { ResultRow } from '../../shared/journey/votes/vote-results.ts';
import { pageMeasure } from './gap-pages.ts';

/**
 * A vote's ranked rows cut into pages that each fit a box of `size` CSS pixels at `fontPx`, a
 * row taking as many lines as its words wrap to (`rowText`). Tied rows may fall on two pages:
 * each row says its rank, so the tie still reads as one.
 */
export const voteResultPages = (
  rows: readonly ResultRow[],
  rowText: (row: ResultRow) => string,
  size: { readonly width: number; readonly height: number },
  fontPx: number,
): ResultRow[][] => {
  const { linesPerPage, perLine } = pageMeasure(size, fontPx);
  const pages: ResultRow[][] = [];
  let page: ResultRow[] = [];
  let used = 0;
  for (const row of rows) {
    const lines = Math.ceil(rowText(row).length / perLine);
    if (used > 0 && used + lines > linesPerPage) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(row);
    used += lines;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
};
