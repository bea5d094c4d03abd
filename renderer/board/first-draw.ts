import type Konva from 'konva';
import { createContext, type RefObject, useContext, useEffect } from 'react';

/**
 * Tells whoever opened the map (BoardErrorBoundary) that the board has drawn it once, grid and
 * notes included: until then, a map that crashes or freezes the app is not reopened at start.
 * Outside a boundary (tests that render the board alone) nobody listens.
 */
export const BoardDrawnContext = createContext<() => void>(() => undefined);

/** Reports the static layer's first completed draw at a real size (culling draws nothing at 0 × 0). */
export const useReportFirstDraw = (layer: RefObject<Konva.Layer | null>): void => {
  const drawn = useContext(BoardDrawnContext);
  useEffect(() => {
    const current = layer.current;
    if (!current) return;
    const onDraw = () => {
      if (!current.width() || !current.height()) return;
      current.off('draw', onDraw);
      drawn();
    };
    current.on('draw', onDraw);
    // A draw that happened before this effect is not seen: ask for one that is.
    current.batchDraw();
    return () => {
      current.off('draw', onDraw);
    };
  }, [layer, drawn]);
};
