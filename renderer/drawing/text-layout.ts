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
 * Laid-out texts by what decides the layout (text and box), so a note is measured once per text
 * change, not once per frame, and a note moved within its cell keeps its layout.
 */
const cache = new Map<string, FittedText>();
const CACHE_LIMIT = 50_000;

export const noteTextLayout = (note: Pick<NoteRecord, 'text' | 'w' | 'h'>): FittedText => {
  const key = `${note.w}x${note.h}\u0000${note.text}`;
  let layout = cache.get(key);
  if (!layout) {
    layout = fitText(
      note.text,
      { width: note.w - 2 * NOTE_PADDING, height: note.h - 2 * NOTE_PADDING },
      measure,
    );
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, layout);
  }
  return layout;
};

/** Text metrics change when the shipped font finishes loading. */
export const clearTextLayouts = (): void => {
  cache.clear();
  headerCache.clear();
};

const headerCache = new Map<string, FittedText>();

/** Stage and lane names, bold, fitted to their header box. */
export const headerTextLayout = (text: string, width: number, height: number): FittedText => {
  const key = `${width}x${height}\u0000${text}`;
  let layout = headerCache.get(key);
  if (!layout) {
    layout = fitText(text, { width, height }, boldMeasure, { max: 24, min: 10, lineHeight: 1.15 });
    if (headerCache.size >= CACHE_LIMIT) headerCache.clear();
    headerCache.set(key, layout);
  }
  return layout;
};

const boldMeasure = (text: string, size: number): number => {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * size * 0.6;
  measureContext.font = font(size, 700);
  return measureContext.measureText(text).width;
};
