import type { NoteRecord } from '../../shared/model/records.ts';
import { type FittedText, fitText } from '../../shared/text/fit-text.ts';
import { font } from './fonts.ts';

/** Space between a note's edge and its text, in board units. */
export const NOTE_PADDING = 12;

let measureContext: CanvasRenderingContext2D | null = null;

const measure = (text: string, size: number): number => {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * size * 0.55;
  measureContext.font = font(size);
  return measureContext.measureText(text).width;
};

/**
 * Note records are immutable, so a laid-out text is cached against the record object itself:
 * a note is measured once per change, not once per frame.
 */
let cache = new WeakMap<NoteRecord, FittedText>();

export const noteTextLayout = (note: NoteRecord): FittedText => {
  let layout = cache.get(note);
  if (!layout) {
    layout = fitText(
      note.text,
      { width: note.w - 2 * NOTE_PADDING, height: note.h - 2 * NOTE_PADDING },
      measure,
    );
    cache.set(note, layout);
  }
  return layout;
};

/** Text metrics change when the shipped font finishes loading. */
export const clearTextLayouts = (): void => {
  cache = new WeakMap();
};
