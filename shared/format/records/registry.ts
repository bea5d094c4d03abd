import type { z } from 'zod';
import { NOTE_COLORS, NOTE_MAX_SIZE, NOTE_MIN_SIZE, type RecordType } from '../../model/records.ts';
import { FILE_LIMITS } from '../limits.ts';
import { idSchema, syncedSchema } from './fields.ts';
import { mapSchema, type SyncedMapRecord } from './map.ts';
import { noteSchema, type SyncedNoteRecord } from './note.ts';
import { clampInto, counted, dropIfInvalid, type FieldRepair, oneOf, shortenTo } from './repairs.ts';
import type { Assert, SameShape } from './same-shape.ts';

/**
 * Everything the format knows about one record type. Adding a record type to the file is
 * adding its schema and one entry to COLLECTIONS.
 */
export interface RecordSpec<R extends { readonly type: RecordType }> {
  readonly type: R['type'];
  /** What a user calls one record of this type, in messages. */
  readonly noun: string;
  readonly schema: z.ZodObject<{ type: z.ZodLiteral<R['type']> } & z.core.$ZodLooseShape>;
  /** The schema's safeParse, typed with the model's record (the schema files assert they match). */
  readonly validate: (candidate: unknown) => z.ZodSafeParseResult<R>;
  readonly repairs: Readonly<Record<string, FieldRepair>>;
  /** Field names in the words of a message: "note 3 has an invalid width". */
  readonly fieldWords: Readonly<Record<string, string>>;
}

const BOOKKEEPING_WORDS = {
  id: 'id',
  version: 'version',
  versionNonce: 'version',
  updated: 'change time',
  isDeleted: 'deleted flag',
  synced: 'merge history',
};

/** Merge bookkeeping can be forgotten safely: merging then finds more conflicts, never fewer. */
const BOOKKEEPING_REPAIRS = {
  synced: dropIfInvalid(
    (value) => syncedSchema.safeParse(value).success,
    'history-dropped',
    (count, noun) =>
      `Forgot the unreadable merge history of ${counted(count, noun)}; merging an older copy may show more conflicts.`,
  ),
};

const moved = clampInto(-FILE_LIMITS.maxCoordinate, FILE_LIMITS.maxCoordinate, 'moved', (count, noun) => {
  return `Moved ${counted(count, noun)} placed impossibly far away to the edge of the board.`;
});
const resized = (axis: 'w' | 'h') =>
  clampInto(NOTE_MIN_SIZE[axis], NOTE_MAX_SIZE[axis], 'resized', (count, noun) => {
    return `Resized ${counted(count, noun)} that ${count === 1 ? 'was' : 'were'} too small or too large.`;
  });

export const MAP_SPEC: RecordSpec<SyncedMapRecord> = {
  type: 'map',
  noun: 'map',
  schema: mapSchema,
  validate: (candidate) => mapSchema.safeParse(candidate),
  repairs: {
    ...BOOKKEEPING_REPAIRS,
    name: shortenTo(FILE_LIMITS.maxNameLength, 'name-shortened', () => {
      return `Shortened the map name to ${FILE_LIMITS.maxNameLength} characters.`;
    }),
  },
  fieldWords: { ...BOOKKEEPING_WORDS, name: 'name', created: 'creation time' },
};

const NOTE_SPEC: RecordSpec<SyncedNoteRecord> = {
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
    x: moved,
    y: moved,
    w: resized('w'),
    h: resized('h'),
    color: oneOf(NOTE_COLORS, 'yellow', 'recoloured', (count, noun) => {
      return `Made ${counted(count, noun)} with an unknown colour yellow.`;
    }),
    text: shortenTo(FILE_LIMITS.maxTextLength, 'text-shortened', (count, noun) => {
      return `Shortened the text of ${counted(count, noun)} to ${FILE_LIMITS.maxTextLength.toLocaleString('en-US')} characters.`;
    }),
  },
  fieldWords: {
    ...BOOKKEEPING_WORDS,
    color: 'colour',
    x: 'position',
    y: 'position',
    w: 'width',
    h: 'height',
    z: 'stacking order',
    text: 'text',
    conflictOf: 'conflict mark',
  },
};

/** The arrays of a file beside its map record, in the order they are written. */
export const COLLECTIONS = [{ key: 'notes', spec: NOTE_SPEC }] as const;

/** Fails to compile when the model gains a record type the file cannot hold. */
export type CollectionsCoverModel = Assert<
  SameShape<(typeof COLLECTIONS)[number]['spec']['type'], Exclude<RecordType, 'map'>>
>;
