import { useCallback } from 'react';
import type { PrintTiling } from '../../shared/poster/print-pages.ts';
import { PaintedCanvas } from '../ui/PaintedCanvas.tsx';
import { drawPosterRegion, type PosterPicture } from './draw-poster.ts';

interface PosterPreviewProps {
  readonly picture: PosterPicture;
  /** The office-printer pages, outlined and numbered over the poster. */
  readonly tiling: PrintTiling | null;
  /** The largest the preview may be, in CSS pixels. */
  readonly box: number;
}

/** The whole page as it will print, drawn by the exporter's own drawing at a small scale. */
export const PosterPreview = ({ picture, tiling, box }: PosterPreviewProps) => {
  const { page } = picture.layout;
  const fit = box / Math.max(page.width, page.height);
  const paint = useCallback(
    (ctx: CanvasRenderingContext2D, ratio: number) => {
      ctx.scale(fit, fit);
      const scale = fit * ratio;
      drawPosterRegion(ctx, picture, { x: 0, y: 0, width: page.width, height: page.height }, scale);
      if (tiling) drawPieces(ctx, tiling, scale);
    },
    [picture, tiling, fit, page.width, page.height],
  );
  return (
    <PaintedCanvas
      className="poster-preview"
      label={`Preview of the ${tiling ? 'print pages' : 'poster'}`}
      width={Math.max(1, Math.round(page.width * fit))}
      height={Math.max(1, Math.round(page.height * fit))}
      paint={paint}
    />
  );
};

const drawPieces = (ctx: CanvasRenderingContext2D, tiling: PrintTiling, scale: number) => {
  ctx.save();
  ctx.strokeStyle = 'rgba(201, 42, 42, 0.85)';
  ctx.fillStyle = 'rgba(201, 42, 42, 0.85)';
  ctx.lineWidth = 1.5 / scale;
  ctx.setLineDash([4 / scale, 3 / scale]);
  ctx.font = `700 ${12 / scale}px sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const page of tiling.pages) {
    const { x, y, width, height } = page.source;
    ctx.strokeRect(x, y, width, height);
    ctx.fillText(String(page.number), x + width / 2, y + height / 2);
  }
  ctx.restore();
};
