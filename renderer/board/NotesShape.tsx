import type Konva from 'konva';
import { memo, type RefObject, useRef } from 'react';
import { Shape } from 'react-konva';
import type { NoteRecord } from '../../shared/model/records.ts';
import type { Viewport } from '../store/session-slice.ts';
import { drawNotesInView } from './painter/paint-board.ts';
import { useVoteMarksOf } from './use-shown-dots.ts';
import type { Size } from './viewport.ts';

interface NotesShapeProps {
  readonly notes: readonly NoteRecord[];
  /**
   * The viewport the canvas is drawn at, read when the shape draws: a pan redraws the layer
   * without rendering it again. Notes outside what the canvas shows are not drawn.
   */
  readonly drawn: RefObject<Viewport>;
  readonly size: Size;
  /** Notes to leave out (the one being edited is drawn by its editor). */
  readonly hiddenId?: string | null;
}

const NONE_HIDDEN: ReadonlySet<string> = new Set();

/**
 * The selected notes, drawn by one Konva shape on the active layer (the rest of the board is
 * drawn off the window's thread, see board-painter.ts). A vote's dots are drawn on the notes,
 * and while it runs an open badge on each note that can still get one (useVoteMarksOf).
 * Memoised: rendered again with the same notes it would hand Konva a new draw function and so
 * redraw its whole layer.
 */
export const NotesShape = memo(function NotesShape({ notes, drawn, size, hiddenId }: NotesShapeProps) {
  const marks = useVoteMarksOf(notes);
  const shape = useRef<Konva.Shape>(null);
  return (
    <Shape
      ref={shape}
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(context: Konva.Context) => {
        const scene = { notes, hidden: hiddenId ? new Set([hiddenId]) : NONE_HIDDEN, marks };
        if (drawNotesInView(context._context, scene, drawn.current, size))
          requestAnimationFrame(() => shape.current?.getLayer()?.batchDraw());
      }}
    />
  );
});
