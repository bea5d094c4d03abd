import type { NoteRecord } from '../../shared/model/records.ts';
import { noteTextLayout } from './text-layout.ts';

/**
 * Lays out note text while the browser is idle, a slice at a time, so zooming out over a large
 * map draws cached layouts instead of measuring hundreds of texts inside one frame. Returns a
 * function that stops the work (the notes changed, the board closed).
 */
export const warmTextLayouts = (notes: readonly NoteRecord[], sliceMs = 8): (() => void) => {
  let index = 0;
  let handle = 0;
  const work = (deadline: IdleDeadline) => {
    const stopAt = performance.now() + Math.min(sliceMs, deadline.timeRemaining());
    while (index < notes.length && performance.now() < stopAt) {
      const note = notes[index++];
      if (note) noteTextLayout(note);
    }
    if (index < notes.length) handle = requestIdleCallback(work);
  };
  handle = requestIdleCallback(work);
  return () => cancelIdleCallback(handle);
};
