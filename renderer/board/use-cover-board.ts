import { useCallback } from 'react';
import { boardStore } from '../store/index.ts';

/**
 * A ref for a panel floating over an edge of the board: while it is shown, the board knows how
 * far it reaches in from that edge (see `covered` in the session slice), so zoom to fit keeps
 * the map out from under it.
 */
export const useCoverBoard = (edge: 'left' | 'right' | 'bottom') =>
  useCallback(
    (panel: HTMLElement | null) => {
      const cover = (pixels: number) => boardStore.getState().setCovered(edge, pixels);
      if (!panel) return cover(0);
      const measure = () => {
        const board = panel.offsetParent;
        const reach =
          panel.offsetWidth === 0
            ? 0
            : edge === 'left'
              ? panel.offsetLeft + panel.offsetWidth
              : edge === 'right'
                ? (board?.clientWidth ?? 0) - panel.offsetLeft
                : (board?.clientHeight ?? 0) - panel.offsetTop;
        cover(Math.max(0, Math.round(reach)));
      };
      measure();
      const observer = new ResizeObserver(measure);
      observer.observe(panel);
      return () => {
        observer.disconnect();
        cover(0);
      };
    },
    [edge],
  );
