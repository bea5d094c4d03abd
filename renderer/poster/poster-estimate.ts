/**
 * What the dialog says about the file before it is made: its pixel size, its size on paper and
 * an estimate of its bytes (shared/poster/file-size.ts, from how much of the page is drawn).
 */
import { GRID } from '../../shared/journey/grid-geometry.ts';
import { estimatePngBytes } from '../../shared/poster/file-size.ts';
import type { Rect } from '../../shared/poster/layout.ts';
import { MM_PER_INCH } from '../../shared/poster/paper.ts';
import type { PosterPicture } from './draw-poster.ts';

const area = (rect: Rect | undefined) => (rect ? rect.width * rect.height : 0);

/**
 * Page pixels covered by ink or colour: notes, stage and lane headers, and a share of the
 * title block and legend (mostly white around their words).
 */
export const drawnPixelsOf = ({ layout, scene }: PosterPicture): number => {
  let boardArea = 0;
  for (const block of scene.blocks) {
    for (const note of block.layout.notes) boardArea += note.w * note.h;
    const gridHeight = Math.max(block.layout.height, GRID.minLaneHeight);
    boardArea += block.layout.width * GRID.headerHeight + GRID.laneHeaderWidth * gridHeight;
  }
  const drawn = boardArea * layout.scale ** 2 + 0.3 * area(layout.title) + 0.5 * area(layout.legend);
  return Math.min(drawn, layout.page.width * layout.page.height);
};

export const estimatePosterBytes = (picture: PosterPicture, embeddedBytes: number): number =>
  estimatePngBytes({
    pixels: picture.layout.page.width * picture.layout.page.height,
    drawnPixels: drawnPixelsOf(picture),
    dpi: picture.layout.dpi,
    embeddedBytes,
  });

/** "59.4 × 84.1 cm" or "24 × 36 in", from the pixels and the DPI (exact for what is printed). */
export const printedSize = (picture: PosterPicture, unit: 'mm' | 'in'): string => {
  const { page, dpi } = picture.layout;
  if (unit === 'in') {
    const inches = (pixels: number) => Math.round((pixels / dpi) * 10) / 10;
    return `${inches(page.width)} × ${inches(page.height)} in`;
  }
  const cm = (pixels: number) => Math.round((((pixels / dpi) * MM_PER_INCH) / 10) * 10) / 10;
  return `${cm(page.width)} × ${cm(page.height)} cm`;
};
