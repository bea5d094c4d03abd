import { z } from 'zod';
import { CHANNELS, NOTE_KINDS, RATING_RANGE } from '../../model/journey-records.ts';
import { FILE_LIMITS } from '../../model/limits.ts';
import {
  NOTE_COLORS,
  NOTE_MAX_SIZE,
  NOTE_MIN_SIZE,
  NOTE_SIZE,
  type NoteRecord,
} from '../../model/records.ts';
import { bookkeepingShape, coordinateSchema, idSchema, referenceSchema } from './fields.ts';
import { clampFields, clampInto, counted, dropIfInvalid, oneOf } from './repairs.ts';
import type { Assert, SameShape } from './same-shape.ts';
import {
  BOOKKEEPING_REPAIRS,
  BOOKKEEPING_WORDS,
  type RecordSpec,
  resizedInto,
  textShortened,
} from './spec.ts';

const ratingSchema = z.int().min(RATING_RANGE.min).max(RATING_RANGE.max).nullable();

export const noteSchema = z.object({
  id: idSchema.describe('Stable id, unique in the map.'),
  type: z.literal('note'),
  kind: z
    .enum(NOTE_KINDS)
    .default('note')
    .describe('What the note is: each kind has its own colour and glyph. Left out for a plain note.'),
  scenarioId: idSchema.describe('The scenario the note belongs to.'),
  stageId: referenceSchema.describe(
    'The stage (column) of the cell the note sits in; null, with laneId, for a note outside the grid.',
  ),
  laneId: referenceSchema.describe(
    'The lane (row) of the cell the note sits in; null, with stageId, for a note outside the grid.',
  ),
  slot: z
    .number()
    .min(-FILE_LIMITS.maxSlot)
    .max(FILE_LIMITS.maxSlot)
    .default(0)
    .describe('Order of the note within its cell.'),
  color: z.enum(NOTE_COLORS).describe('Fill colour from the palette.'),
  x: coordinateSchema.describe(
    'Left edge in board units (one unit is one CSS pixel at 100% zoom). A note in a cell is laid out by the grid instead.',
  ),
  y: coordinateSchema.describe('Top edge in board units.'),
  w: z
    .number()
    .min(NOTE_MIN_SIZE.w)
    .max(NOTE_MAX_SIZE.w)
    .default(NOTE_SIZE.w)
    .describe('Width in board units. Left out for the standard size.'),
  h: z
    .number()
    .min(NOTE_MIN_SIZE.h)
    .max(NOTE_MAX_SIZE.h)
    .default(NOTE_SIZE.h)
    .describe('Height in board units. Left out for the standard size.'),
  z: z.number().describe('Stacking order: higher is drawn on top.'),
  text: z.string().max(FILE_LIMITS.maxTextLength).describe('Plain text, never interpreted as markup.'),
  channel: z.enum(CHANNELS).nullable().default(null).describe("A touchpoint's channel, or null."),
  wow: z.boolean().default(false).describe('A touchpoint marked as a stamp of authenticity: a "wow" moment.'),
  ratings: z
    .object({
      effortless: ratingSchema.describe('How effortless the touchpoint is, 1 to 5, or null.'),
      productive: ratingSchema.describe('How productive, 1 to 5, or null.'),
      painless: ratingSchema.describe('How painless, 1 to 5, or null.'),
    })
    .nullable()
    .default(null)
    .describe("A touchpoint's effortless / productive / painless ratings, or null when not rated."),
  origin: referenceSchema.describe(
    'The note this one was copied from when its scenario was created from another: pairs a current note with its ideal version.',
  ),
  conflictOf: idSchema
    .optional()
    .describe('Set on the copy a merge placed beside a note both copies changed: the id of that note.'),
  ...bookkeepingShape,
});

export type NoteRecordData = z.infer<typeof noteSchema>;

export type NoteSchemaMatchesModel = Assert<SameShape<NoteRecordData, NoteRecord>>;

const moved = clampInto(-FILE_LIMITS.maxCoordinate, FILE_LIMITS.maxCoordinate, 'moved', (count, noun) => {
  return `Moved ${counted(count, noun)} placed impossibly far away to the edge of the board.`;
});
const resized = (axis: 'w' | 'h') =>
  resizedInto(NOTE_MIN_SIZE[axis], NOTE_MAX_SIZE[axis], 'too small or too large');
const rating = { ...RATING_RANGE, integer: true };

export const NOTE_SPEC: RecordSpec<NoteRecord> = {
  type: 'note',
  noun: 'note',
  schema: noteSchema,
  validate: (candidate) => noteSchema.safeParse(candidate),
  repairs: {
    ...BOOKKEEPING_REPAIRS,
    conflictOf: dropIfInvalid(
      (value) => idSchema.safeParse(value).success,
      'conflict-mark-dropped',
      (count, noun) => `Cleared an unreadable conflict mark on ${counted(count, noun)}.`,
    ),
    origin: dropIfInvalid(
      (value) => value === null || idSchema.safeParse(value).success,
      'origin-dropped',
      (count, noun) =>
        `Forgot which note ${counted(count, noun)} ${count === 1 ? 'was' : 'were'} copied from.`,
    ),
    kind: oneOf(
      NOTE_KINDS,
      'note',
      'kind-unknown',
      (count, noun) => `Made ${counted(count, noun)} of a kind this version does not know plain notes.`,
      true,
    ),
    channel: oneOf(
      [...CHANNELS, null],
      null,
      'channel-unknown',
      (count, noun) => `Cleared a channel this version does not know on ${counted(count, noun)}.`,
      true,
    ),
    ratings: clampFields(
      { fields: { effortless: rating, productive: rating, painless: rating } },
      'ratings-clamped',
      (count, noun) => `Brought the ratings of ${counted(count, noun)} back to 1 to 5.`,
    ),
    slot: clampInto(-FILE_LIMITS.maxSlot, FILE_LIMITS.maxSlot, 'slot-clamped', (count, noun) => {
      return `Renumbered the place in the cell of ${counted(count, noun)}, which was beyond ±${FILE_LIMITS.maxSlot.toLocaleString('en-US')}.`;
    }),
    x: moved,
    y: moved,
    w: resized('w'),
    h: resized('h'),
    color: oneOf(NOTE_COLORS, 'yellow', 'recoloured', (count, noun) => {
      return `Made ${counted(count, noun)} with an unknown colour yellow.`;
    }),
    text: textShortened,
  },
  fieldWords: {
    ...BOOKKEEPING_WORDS,
    kind: 'kind',
    scenarioId: 'scenario',
    stageId: 'stage',
    laneId: 'lane',
    slot: 'place in its cell',
    color: 'colour',
    x: 'position',
    y: 'position',
    w: 'width',
    h: 'height',
    z: 'stacking order',
    text: 'text',
    channel: 'channel',
    wow: 'stamp of authenticity',
    ratings: 'rating',
    origin: 'original note',
    conflictOf: 'conflict mark',
  },
};
