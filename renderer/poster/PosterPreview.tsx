import { useEffect, useRef } from 'react';
import type { PrintTiling } from '../../shared/poster/print-pages.ts';
import { loadFonts } from '../drawing/fonts.ts';
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
  const ref = useRef<HTMLCanvasElement>(null);
  const { page } = picture.layout;
  const fit = box / Math.max(page.width, page.height);
  const width = Math.max(1, Math.round(page.width * fit));
  const height = Math.max(1, Math.round(page.height * fit));
  const ratio = Math.max(1, Math.ceil(window.devicePixelRatio || 1));
  useEffect(() => {
    let live = true;
    const paint = () => {
      const ctx = ref.current?.getContext('2d');
      if (!live || !ctx) return;
      const scale = fit * ratio;
      ctx.setTransform(scale, 0, 0, scale, 0, 0);
      drawPosterRegion(ctx, picture, { x: 0, y: 0, width: page.width, height: page.height }, scale);
      if (tiling) drawPieces(ctx, tiling, scale);
    };
    paint();
    // Repainted once the shipped font is in: the first paint may have used a fallback face.
    loadFonts().then(paint, () => {});
    return () => {
      live = false;
    };
  }, [picture, tiling, fit, ratio, page.width, page.height]);
  return (
    <canvas
      ref={ref}
      className="poster-preview"
      role="img"
      aria-label={`Preview of the ${tiling ? 'print pages' : 'poster'}`}
      width={width * ratio}
      height={height * ratio}
      style={{ width, height }}
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
