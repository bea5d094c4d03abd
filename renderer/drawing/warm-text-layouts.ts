import type { NoteRecord } from '../../shared/model/records.ts';
import { noteTextBox } from './note.ts';
import { textLayouts } from './text-layout.ts';

/** Half a 60 Hz frame: the rest is left to whatever else the browser has to do. */
const SLICE_MS = 8;

/**
 * Lays out note text while the browser is idle, a slice at a time, so zooming out over a large
 * map draws cached layouts instead of measuring hundreds of texts inside one frame. Returns a
 * function that stops the work (the notes changed, the board closed).
 */
export const warmTextLayouts = (notes: readonly NoteRecord[], sliceMs = SLICE_MS): (() => void) => {
  let index = 0;
  let handle = 0;
  const work = (deadline: IdleDeadline) => {
    const stopAt = performance.now() + Math.min(sliceMs, deadline.timeRemaining());
    while (index < notes.length && performance.now() < stopAt) {
      const note = notes[index++];
      // The box drawNote lays out, so the board finds each warmed layout.
      if (note) textLayouts.note(noteTextBox(note));
    }
    if (index < notes.length) handle = requestIdleCallback(work);
  };
  handle = requestIdleCallback(work);
  return () => cancelIdleCallback(handle);
};
