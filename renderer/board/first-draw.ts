import type Konva from 'konva';
import { createContext, type RefObject, useContext, useEffect } from 'react';

/**
 * Tells whoever opened the map (BoardErrorBoundary) that the board has drawn it once, grid and
 * notes included: until then, a map that crashes or freezes the app is not reopened at start.
 * Outside a boundary (tests that render the board alone) nobody listens.
 */
export const BoardDrawnContext = createContext<() => void>(() => undefined);

/**
 * Whether a draw of the layer drew the map: at a real size (culling draws nothing at 0 × 0) and
 * with its shapes (the board adds them a frame after its canvases, see Board.tsx).
 */
export const hasDrawnContent = (layer: Konva.Layer): boolean =>
  layer.width() > 0 && layer.height() > 0 && layer.hasChildren();

/** Reports the static layer's first completed draw of the map. */
export const useReportFirstDraw = (layer: RefObject<Konva.Layer | null>): void => {
  const drawn = useContext(BoardDrawnContext);
  useEffect(() => {
    const current = layer.current;
    if (!current) return;
    const onDraw = () => {
      if (!hasDrawnContent(current)) return;
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
