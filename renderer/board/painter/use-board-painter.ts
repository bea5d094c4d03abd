import { type RefObject, useContext, useLayoutEffect, useRef, useState } from 'react';
import type { BoardStore } from '../../store/index.ts';
import { onPixelRatioChange } from '../../ui/pixel-ratio.ts';
import { BoardDrawnContext } from '../first-draw.ts';
import { measureDraw, measureFirstPaint } from '../frame-timing.ts';
import { BoardPainter } from './board-painter.ts';
import type { GridScene, NotesScene, PaintView } from './paint-board.ts';

interface BoardPainterProps {
  readonly store: BoardStore;
  /** The board's element: its `data-painted` says whether the drawing is current (tests and benches wait on it). */
  readonly board: RefObject<HTMLElement | null>;
  /** Where the paper's canvas goes (BoardPainter makes it). */
  readonly paper: RefObject<HTMLElement | null>;
  readonly grid: GridScene;
  readonly notes: NotesScene;
}

const NONE_HIDDEN: ReadonlySet<string> = new Set();

/**
 * Draws the board under the selection through a BoardPainter: sends it the grid and the notes
 * when they change and the view on every pan or zoom step (or change of the screen's pixel
 * ratio), which it shows at once with the last drawing until the next one arrives. Reports the first drawing of the map (BoardDrawnContext), and
 * a painter that fails is thrown to the board's error boundary.
 *
 * Returns the notes the drawing on screen leaves out: until a new drawing arrives, a note just
 * deselected is missing from the paper, and the layer over it draws it meanwhile (Board.tsx).
 */
export const useBoardPainter = ({
  store,
  board,
  paper,
  grid,
  notes,
}: BoardPainterProps): ReadonlySet<string> => {
  const reportDrawn = useContext(BoardDrawnContext);
  const painter = useRef<{ readonly instance: BoardPainter; readonly markPainted: () => void } | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const [paperHidden, setPaperHidden] = useState(NONE_HIDDEN);
  if (failure) throw failure;

  useLayoutEffect(() => {
    const host = paper.current;
    if (!host) return;
    let reported = false;
    const markPainted = () => {
      const painted = instance.current ? 'current' : 'behind';
      // Set only when it changes: an attribute written on every pan step costs a style check each time.
      if (board.current?.getAttribute('data-painted') !== painted)
        board.current?.setAttribute('data-painted', painted);
    };
    const instance = new BoardPainter(host, {
      painted: (_view, hidden, arrivedAt) => {
        markPainted();
        setPaperHidden(hidden);
        // The paper's draw as the window's thread pays for it: taking the word that the drawing
        // is on screen (and, where no presenter runs, putting it up).
        measureDraw('static', arrivedAt);
        if (reported) return;
        reported = true;
        measureFirstPaint();
        reportDrawn();
      },
      placed: markPainted,
      failed: setFailure,
    });
    const view = (): PaintView => {
      const { viewport, canvasSize } = store.getState();
      return { viewport, size: canvasSize, pixelRatio: window.devicePixelRatio || 1 };
    };
    painter.current = { instance, markPainted };
    instance.setView(view());
    const unsubscribe = store.subscribe((state, before) => {
      if (state.viewport === before.viewport && state.canvasSize === before.canvasSize) return;
      instance.setView(view());
      markPainted();
    });
    // The window moved to a screen of another pixel ratio: drawn again, sharp on this one.
    const stopWatchingRatio = onPixelRatioChange(() => {
      instance.setView(view());
      markPainted();
    });
    return () => {
      stopWatchingRatio();
      unsubscribe();
      instance.dispose();
      painter.current = null;
    };
  }, [store, board, paper, reportDrawn]);

  // Layout effects, after the painter's: the first draw already has the scene.
  useLayoutEffect(() => {
    painter.current?.instance.setGrid(grid);
    painter.current?.markPainted();
  }, [grid]);
  useLayoutEffect(() => {
    painter.current?.instance.setNotes(notes);
    painter.current?.markPainted();
  }, [notes]);
  return paperHidden;
};
