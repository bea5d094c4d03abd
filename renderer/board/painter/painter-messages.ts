import type { GridScene, NotesScene, PaintView } from './paint-board.ts';

/**
 * What the window tells the board painter's worker. The grid and the notes are kept there and
 * sent only when they change (each with the window's version of the scene); a draw asks for
 * the board at a view, drawn from the newest scene the worker holds.
 */
export type PainterRequest =
  | { readonly kind: 'grid'; readonly version: number; readonly grid: GridScene }
  | { readonly kind: 'notes'; readonly version: number; readonly notes: NotesScene }
  | { readonly kind: 'draw'; readonly id: number; readonly view: PaintView };

/** What the worker answers a draw with. */
export type PainterReply =
  | {
      readonly kind: 'drawn';
      /** The draw asked for. */
      readonly id: number;
      /** The drawn board, handed over (transferred), not copied. */
      readonly bitmap: ImageBitmap;
      readonly view: PaintView;
      /** The scene version drawn. */
      readonly version: number;
      /** Both grid and notes were drawn: the map, not a blank before its scene arrived. */
      readonly complete: boolean;
      /** Some texts were sketched to keep the draw short: the next draw shows them in full. */
      readonly deferred: boolean;
      /** The worker's time drawing, in ms. */
      readonly drawMs: number;
    }
  | { readonly kind: 'failed'; readonly message: string };
