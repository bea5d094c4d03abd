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
  | { readonly kind: 'draw'; readonly id: number; readonly view: PaintView }
  /** Where drawings go from now on: a board presenter's port, or the window (null). */
  | { readonly kind: 'present-to'; readonly port: MessagePort | null };

/** A finished drawing, sent to the board's presenter or, where there is none, to the window. */
export interface Drawn {
  readonly kind: 'drawn';
  /** The draw asked for. */
  readonly id: number;
  /** The drawn board: a copy of the painter's canvas, transferred. */
  readonly bitmap: ImageBitmap;
  readonly view: PaintView;
  /** The scene version drawn. */
  readonly version: number;
  /** Some texts were sketched to keep the draw short: the next draw shows them in full. */
  readonly deferred: boolean;
}

/** What the painter's worker tells the window. */
export type PainterReply = Drawn | { readonly kind: 'failed'; readonly message: string };

/** What the board's presenter (board-presenter.worker.ts) is sent: drawings, and the live view to show them at. */
export type ToPresenter =
  | Drawn
  /**
   * `seq`: the window's count of views sent, echoed once the view is on screen, if `echo` (else
   * only with the next drawing shown: a zoom waiting for its drawing needs no word before that).
   */
  | { readonly kind: 'view'; readonly view: PaintView; readonly seq: number; readonly echo: boolean };

export type PresenterRequest =
  | ToPresenter
  | {
      readonly kind: 'canvas';
      /** The board's paper, handed over by transferControlToOffscreen. */
      readonly canvas: OffscreenCanvas;
      /** Where the painter's worker sends its drawings. */
      readonly drawings: MessagePort;
      /** The board's first draw: drawings of earlier draws are an earlier board's. */
      readonly firstDraw: number;
    };

/**
 * What the presenter tells the window: it is loaded; a frame is on screen, showing the live view
 * numbered `seq` (told for a view sent with `echo`, or a frame with a new drawing); and, with
 * `drawn`, that the frame shows that drawing for the first time.
 */
export type PresenterReply =
  | { readonly kind: 'ready' }
  | {
      readonly kind: 'placed';
      readonly seq: number;
      readonly drawn: {
        readonly id: number;
        readonly view: PaintView;
        readonly version: number;
        readonly deferred: boolean;
      } | null;
    };
