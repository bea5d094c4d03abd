import { useEffect, useRef } from 'react';
import { loadFonts } from '../drawing/fonts.ts';

interface LegendCanvasProps {
  /** Size in CSS pixels; the canvas holds device pixels so the sample is as sharp as the board. */
  readonly width: number;
  readonly height: number;
  readonly label: string;
  readonly draw: (ctx: CanvasRenderingContext2D) => void;
}

/** One sample of the legend, drawn by the board's drawing code; redrawn once the app's fonts are in. */
export const LegendCanvas = ({ width, height, label, draw }: LegendCanvasProps) => {
  const ref = useRef<HTMLCanvasElement>(null);
  const ratio = Math.max(1, Math.ceil(window.devicePixelRatio || 1));
  useEffect(() => {
    let live = true;
    const paint = () => {
      const ctx = ref.current?.getContext('2d');
      if (!live || !ctx) return;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, width, height);
      draw(ctx);
    };
    paint();
    // Drawn at once with whatever font is there; a font that fails to load leaves that drawing.
    loadFonts().then(paint, () => {});
    return () => {
      live = false;
    };
  }, [draw, ratio, width, height]);
  return (
    <canvas
      ref={ref}
      className="legend-sample"
      role="img"
      aria-label={label}
      width={width * ratio}
      height={height * ratio}
      style={{ width, height }}
    />
  );
};
