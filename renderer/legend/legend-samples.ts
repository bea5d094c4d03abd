import { KIND_STYLES } from '../../shared/journey/note-kinds.ts';
import { addNote, type NewNote } from '../../shared/model/edits.ts';
import type { NoteKind } from '../../shared/model/journey-records.ts';
import { NOTE_PALETTE } from '../../shared/model/palette.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import { drawKindGlyph, GLYPH_SIZE } from '../drawing/note-marks.ts';

/**
 * What the legend draws: the same glyphs and marks the board draws, from the same functions,
 * so the legend always matches what the room sees.
 */

/** The glyph of each kind in words, for the black-and-white print and for screen readers. */
export const GLYPH_NAMES: Readonly<Record<NoteKind, string>> = {
  note: 'no mark',
  touchpoint: 'target',
  breakdown: 'warning triangle',
  opportunity: 'upward arrow',
  idea: 'star',
  question: 'question mark',
  quote: 'quotation marks',
};

export const KIND_SAMPLE_SIZE = { w: 56, h: 44 } as const;

/** The kind's colour as a small note (fill and top edge, as on the board) with its glyph in the middle. */
export const drawKindSample = (ctx: CanvasRenderingContext2D, kind: NoteKind): void => {
  const { w, h } = KIND_SAMPLE_SIZE;
  const palette = NOTE_PALETTE[KIND_STYLES[kind].color];
  ctx.fillStyle = palette.fill;
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = palette.edge;
  ctx.fillRect(0, 0, w, 4);
  drawKindGlyph(ctx, kind, w / 2, h / 2 + 2, GLYPH_SIZE);
};

/** A note as the board makes one, with the app's own defaults, placed in its sample canvas. */
const sampleNote = ({ conflictOf, ...note }: NewNote & Pick<NoteRecord, 'conflictOf'>): NoteRecord => {
  const made = addNote({ id: 'legend', records: {} }, { scenarioId: 'legend', ...note }, 0, 0);
  return conflictOf ? { ...made, conflictOf } : made;
};

export interface MarkSample {
  readonly id: 'stamp' | 'footer' | 'breakdown-edge' | 'conflict';
  readonly label: string;
  readonly description: string;
  /** Canvas size in CSS pixels, room for marks that reach outside the note. */
  readonly w: number;
  readonly h: number;
  /** A note drawn with the board's own drawNote. */
  readonly note: NoteRecord;
}

export const MARK_SAMPLES: readonly MarkSample[] = [
  {
    id: 'stamp',
    label: 'Stamp of authenticity',
    description:
      'Red WOW starburst on a touchpoint: a "wow" moment that sets the business apart. Keep them few.',
    w: 120,
    h: 86,
    note: sampleNote({ x: 26, y: 24, w: 90, h: 58, kind: 'touchpoint', color: 'blue', wow: true }),
  },
  {
    id: 'footer',
    label: 'Channel and ratings',
    description:
      "Strip along a touchpoint's foot: its channel, then its ratings 1–5: Effortless, Productive, " +
      'Painless (Eff., Prod., Painl. on a narrow note).',
    w: 164,
    h: 70,
    note: sampleNote({
      x: 2,
      y: 2,
      w: 160,
      h: 64,
      kind: 'touchpoint',
      color: 'blue',
      channel: 'web',
      ratings: { effortless: 4, productive: 3, painless: 2 },
    }),
  },
  {
    id: 'breakdown-edge',
    label: 'Jagged edge',
    description: 'A breakdown point: where the experience fails or could fail.',
    w: 120,
    h: 70,
    note: sampleNote({ x: 2, y: 2, w: 110, h: 62, kind: 'breakdown', color: 'pink' }),
  },
  {
    id: 'conflict',
    label: 'Red dashed frame',
    description: 'A conflict from merging copies: both changed this note. Choose which version to keep.',
    w: 120,
    h: 76,
    note: sampleNote({ x: 9, y: 9, w: 100, h: 56, conflictOf: 'legend-local' }),
  },
];
