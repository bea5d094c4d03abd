import type Konva from 'konva';
import { memo, type RefObject, useRef } from 'react';
import { Shape } from 'react-konva';
import type { NoteRecord } from '../../shared/model/records.ts';
import { drawNote, noteDetail, noteTextBox } from '../drawing/note.ts';
import { textLayouts } from '../drawing/text-layout.ts';
import { BOARD_TEXT } from '../drawing/text-sizing.ts';
import type { Viewport } from '../store/session-slice.ts';
import { uncoveredNotes } from './covered-notes.ts';
import { isOpenFor, useVoteMarksOf } from './use-shown-dots.ts';
import { intersects, type Size, visibleRect } from './viewport.ts';

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

/**
 * Milliseconds a frame may spend on drawing notes before it stops laying out new text: the notes
 * left are sketched for a frame and drawn in full on the next ones, so zooming in on a large map
 * never holds a frame for hundreds of texts at once (the warm-up lays out most beforehand).
 */
const LAYOUT_BUDGET_MS = 8;

/**
 * All notes of a layer drawn by one Konva shape: one node instead of thousands keeps Konva's
 * per-node overhead out of every frame, and culling (of notes out of view or under another)
 * plus level of detail keep large maps fast. A vote's dots are drawn on the notes, and while it
 * runs an open badge on each note that can still get one (useVoteMarksOf).
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
        const ctx = context._context;
        const viewport = drawn.current;
        const visible = visibleRect(viewport, size);
        const inView = notes.filter((note) => note.id !== hiddenId && intersects(note, visible));
        // Started just before the first note, which so always comes within the budget: each
        // frame lays out at least one text, however slow the machine.
        const started = performance.now();
        let deferred = false;
        for (const note of uncoveredNotes(inView, viewport.scale)) {
          let detail = noteDetail(note.h * viewport.scale);
          if (
            detail === 'full' &&
            performance.now() - started > LAYOUT_BUDGET_MS &&
            !textLayouts.hasNote(noteTextBox(note))
          ) {
            detail = 'sketch';
            deferred = true;
          }
          const count = marks.dots.get(note.id) ?? 0;
          drawNote(ctx, note, detail, BOARD_TEXT, count, count === 0 && isOpenFor(marks, note));
        }
        if (deferred) requestAnimationFrame(() => shape.current?.getLayer()?.batchDraw());
      }}
    />
  );
});
