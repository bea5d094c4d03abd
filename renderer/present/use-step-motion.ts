import { useEffect, useRef, useState } from 'react';
import type { Size } from '../board/viewport.ts';
import type { Viewport } from '../store/session-slice.ts';
import { easeInOut, STEP_MOTION_MS, viewportBetween } from './viewport-motion.ts';

/**
 * The viewport to draw: it moves to each new step's viewport in STEP_MOTION_MS, or jumps there
 * when `animate` is off (prefers-reduced-motion) and whenever the screen changes size.
 */
export const useStepMotion = (target: Viewport, { width, height }: Size, animate: boolean): Viewport => {
  const [shown, setShown] = useState(target);
  const current = useRef(target);
  const lastSize = useRef({ width, height });
  useEffect(() => {
    const show = (viewport: Viewport) => {
      current.current = viewport;
      setShown(viewport);
    };
    const resized = lastSize.current.width !== width || lastSize.current.height !== height;
    lastSize.current = { width, height };
    const from = current.current;
    if (!animate || resized) {
      show(target);
      return;
    }
    const start = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const t = Math.min(1, Math.max(0, (now - start) / STEP_MOTION_MS));
      show(viewportBetween(from, target, easeInOut(t), { width, height }));
      if (t < 1) frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [target, width, height, animate]);
  return shown;
};
