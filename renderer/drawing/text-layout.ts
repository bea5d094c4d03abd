import type { NoteRecord } from '../../shared/model/records.ts';
import { type FittedText, fitText, type MeasureText, type TextSizes } from '../../shared/text/fit-text.ts';
import { font } from './font.ts';

/** Space between a note's edge and its text, in board units. */
export const NOTE_PADDING = 12;

/** Stage and lane names: bold, set a little tighter than note text, as headings are. */
const HEADER_SIZES: TextSizes = { max: 24, min: 10, lineHeight: 1.15 };

/**
 * A character's width as a share of the font size, used only where no 2D canvas can measure:
 * about the average of a sans face, bold a little wider.
 */
const FALLBACK_CHAR_WIDTH = { regular: 0.55, bold: 0.6 } as const;

/**
 * Layouts kept of each kind before starting again: ten per note of a 5,000-note map (sizes and
 * texts it had), while memory stays bounded however much text passes through.
 */
const CACHE_LIMIT = 50_000;

type Box = Pick<NoteRecord, 'text' | 'w' | 'h'>;

/** What measuring needs of a 2D context: the window's canvas and a worker's OffscreenCanvas both have it. */
type MeasuringContext = Pick<CanvasRenderingContext2D, 'font' | 'measureText'>;

/** A context to measure with, on the window's thread or in a worker (which has no document). */
const measuringContext = (): MeasuringContext | null => {
  if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(1, 1).getContext('2d');
  if (typeof document === 'object') return document.createElement('canvas').getContext('2d');
  return null;
};

const noteKey = (box: Box): string => `${box.w}x${box.h}\u0000${box.text}`;

/**
 * Laid-out texts by what decides the layout (text and box), so a text is measured once per
 * change, not once per frame, and a note moved within its cell keeps its layout. Measures with
 * the shipped font, so it is cleared once that has loaded.
 */
export class TextLayouts {
  private context: MeasuringContext | null | undefined;
  /** The font last set on the context. */
  private font = '';
  private readonly notes = new Map<string, FittedText>();
  private readonly headers = new Map<string, FittedText>();

  /** Whether a note's text is laid out already: drawing it costs no measuring. */
  hasNote(box: Box): boolean {
    return this.notes.has(noteKey(box));
  }

  /** A note's text fitted to its box, less the padding. */
  note(box: Box): FittedText {
    const key = noteKey(box);
    let layout = this.notes.get(key);
    if (!layout) {
      const inside = { width: box.w - 2 * NOTE_PADDING, height: box.h - 2 * NOTE_PADDING };
      layout = fitText(box.text, inside, this.measure);
      remember(this.notes, key, layout);
    }
    return layout;
  }

  /** A stage or lane name, bold, fitted to its header box. */
  header(text: string, width: number, height: number): FittedText {
    const key = `${width}x${height}\u0000${text}`;
    let layout = this.headers.get(key);
    if (!layout) {
      layout = fitText(text, { width, height }, this.measureBold, HEADER_SIZES);
      remember(this.headers, key, layout);
    }
    return layout;
  }

  /** Forgets every layout: text metrics change when the shipped font finishes loading. */
  clear(): void {
    this.notes.clear();
    this.headers.clear();
  }

  // Bound once, not per layout: fitText calls them for every line it tries.
  private readonly measure: MeasureText = (text, size) => this.textWidth(text, size, 400);
  private readonly measureBold: MeasureText = (text, size) => this.textWidth(text, size, 700);

  private textWidth(text: string, size: number, weight: 400 | 700): number {
    if (this.context === undefined) this.context = measuringContext();
    if (!this.context) {
      const share = weight === 700 ? FALLBACK_CHAR_WIDTH.bold : FALLBACK_CHAR_WIDTH.regular;
      return text.length * size * share;
    }
    // Setting a context's font parses it each time: a layout measures many lines at one size.
    const wanted = font(size, weight);
    if (wanted !== this.font) {
      this.context.font = wanted;
      this.font = wanted;
    }
    return this.context.measureText(text).width;
  }
}

const remember = (cache: Map<string, FittedText>, key: string, layout: FittedText): void => {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, layout);
};

/**
 * The layouts of this thread. One for the thread, not one per user, because a layout depends
 * only on text, box and font: in the window, the selection's layer, present mode, the legend and
 * the poster draw the same texts (main.tsx clears it once the shipped font has loaded); in the
 * board painter's worker, its drawings and their warm-up (cleared once the worker's font has).
 */
export const textLayouts = new TextLayouts();
