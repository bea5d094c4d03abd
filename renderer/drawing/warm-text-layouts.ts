import type { NoteRecord } from '../../shared/model/records.ts';
import { noteDetail, noteTextBox } from './note.ts';
import { textLayouts } from './text-layout.ts';

/** A slice of work: a draw asked for meanwhile waits no longer than this. */
const SLICE_MS = 8;

/**
 * How far ahead of the zoom the warm-up looks: notes whose text shows once the view is zoomed in
 * twice as much are laid out beforehand.
 */
const ZOOM_AHEAD = 2;

/** The view has settled once it has not moved for this long: a pan or zoom in progress is left alone. */
const SETTLE_MS = 150;

/** The part of the board in view, in board units, and the zoom. */
export interface WarmView {
  readonly visible: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  readonly scale: number;
}

export interface TextWarmer {
  /** The view changed: lay out what is near the new one once it has settled. */
  wake(): void;
  /** The notes changed. */
  stop(): void;
}

/**
 * The notes worth laying out before they are drawn: in view or within half a view of it, and
 * large enough on screen, now or zoomed in twice as much, to show their text; nearest the view's middle
 * first. At a far zoom that is none: nothing is laid out that no one can read.
 */
export const notesToWarm = (notes: readonly NoteRecord[], view: WarmView): NoteRecord[] => {
  const { visible, scale } = view;
  const left = visible.x - visible.w / 2;
  const top = visible.y - visible.h / 2;
  const right = visible.x + visible.w * 1.5;
  const bottom = visible.y + visible.h * 1.5;
  const middle = { x: visible.x + visible.w / 2, y: visible.y + visible.h / 2 };
  const near = notes.filter(
    (note) =>
      note.x < right &&
      note.x + note.w > left &&
      note.y < bottom &&
      note.y + note.h > top &&
      noteDetail(note.h * scale * ZOOM_AHEAD) === 'full',
  );
  const distance = (note: NoteRecord) =>
    Math.hypot(note.x + note.w / 2 - middle.x, note.y + note.h / 2 - middle.y);
  return near.sort((a, b) => distance(a) - distance(b));
};

/**
 * Lays out the text of the notes near the view a slice at a time, in the board painter's worker
 * between its draws, so zooming in or panning draws cached layouts instead of measuring hundreds
 * of texts inside one draw. Only what is near the view (notesToWarm) is laid out, so after a map
 * opens the work is bounded by what one screen can show, not by the size of the map; `wake`
 * starts again from the new view once a pan or zoom has settled. Each slice is a task of its
 * own, so a draw asked for meanwhile waits at most one slice.
 */
export const warmTextLayouts = (
  notes: readonly NoteRecord[],
  view: () => WarmView,
  sliceMs = SLICE_MS,
): TextWarmer => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: readonly NoteRecord[] = [];
  let index = 0;
  const work = () => {
    const stopAt = performance.now() + sliceMs;
    while (index < queue.length && performance.now() < stopAt) {
      const note = queue[index++];
      // The box drawNote lays out, so the board finds each warmed layout.
      if (note) textLayouts.note(noteTextBox(note));
    }
    timer = index < queue.length ? setTimeout(work, 0) : undefined;
  };
  const start = () => {
    queue = notesToWarm(notes, view());
    index = 0;
    work();
  };
  timer = setTimeout(start, 0);
  return {
    wake: () => {
      clearTimeout(timer);
      timer = setTimeout(start, SETTLE_MS);
    },
    stop: () => {
      clearTimeout(timer);
      timer = undefined;
    },
  };
};
