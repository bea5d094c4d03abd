import { useEffect, useRef } from 'react';
import { loadFonts } from '../drawing/fonts.ts';

interface PaintedCanvasProps {
  readonly className: string;
  readonly label: string;
  /** Size in CSS pixels; the canvas holds device pixels so the drawing is as sharp as the board. */
  readonly width: number;
  readonly height: number;
  /**
   * Draws in CSS pixels on a cleared canvas; `ratio` is device pixels per CSS pixel. A new
   * function repaints, so callers keep it stable.
   */
  readonly paint: (ctx: CanvasRenderingContext2D, ratio: number) => void;
}

/** A canvas drawn by the app's drawing code, painted at once and again once the shipped fonts are in. */
export const PaintedCanvas = ({ className, label, width, height, paint }: PaintedCanvasProps) => {
  const ref = useRef<HTMLCanvasElement>(null);
  const ratio = Math.max(1, Math.ceil(window.devicePixelRatio || 1));
  useEffect(() => {
    let live = true;
    const repaint = () => {
      const ctx = ref.current?.getContext('2d');
      if (!live || !ctx) return;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, width, height);
      paint(ctx, ratio);
    };
    repaint();
    // The first paint may have used a fallback face; a font that fails to load leaves that paint.
    loadFonts().then(repaint, () => {});
    return () => {
      live = false;
    };
  }, [paint, ratio, width, height]);
  return (
    <canvas
      ref={ref}
      className={className}
      role="img"
      aria-label={label}
      width={width * ratio}
      height={height * ratio}
      style={{ width, height }}
    />
  );
};
