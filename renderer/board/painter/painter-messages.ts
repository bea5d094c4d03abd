import type { NoteRecord } from '../../../shared/model/records.ts';
import type { VoteMarks } from '../vote-marks.ts';
import type { GridScene, PaintView } from './paint-board.ts';

/**
 * What the window tells the board painter's worker. The grid and the notes are kept there and
 * sent only when they change (each with the window's version of the scene); of the notes, only
 * those that changed, since copying 5,000 notes to the worker costs the window's thread tens of
 * milliseconds. A draw asks for the board at a view, drawn from the newest scene the worker holds.
 */
export type PainterRequest =
  | { readonly kind: 'grid'; readonly version: number; readonly grid: GridScene }
  | {
      readonly kind: 'notes';
      /** The scene version; null when nothing drawn changed (only hidden notes did): nothing to redraw. */
      readonly version: number | null;
      /** The notes new or changed since the last message (every note, in a board's first). */
      readonly changed: readonly NoteRecord[];
      /** Every note's id, bottom to top, when the notes or their order changed; null: as before. */
      readonly order: readonly string[] | null;
      readonly hidden: ReadonlySet<string>;
      readonly marks: VoteMarks;
    }
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
      /** Some texts were sketched to keep the draw short: the next draw shows them in full. */
      readonly deferred: boolean;
    }
  | { readonly kind: 'failed'; readonly message: string };
