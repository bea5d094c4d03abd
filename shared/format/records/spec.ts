import type { z } from 'zod';
import { FILE_LIMITS } from '../../model/limits.ts';
import { type JourneyRecord, NOTE_COLORS } from '../../model/records.ts';
import { syncedSchema } from './fields.ts';
import { clampInto, counted, dropIfInvalid, type FieldRepair, oneOf, shortenTo } from './repairs.ts';

/**
 * Everything the format knows about one record type. Adding a record type to the file is
 * adding a schema and spec like this and one entry to COLLECTIONS (registry.ts).
 */
export interface RecordSpec<R extends JourneyRecord> {
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

export const BOOKKEEPING_WORDS = {
  id: 'id',
  version: 'version',
  versionNonce: 'version',
  updated: 'change time',
  isDeleted: 'deleted flag',
  synced: 'merge history',
};

/**
 * Merge bookkeeping can be forgotten safely: merging then finds more conflicts, never fewer. A
 * version past the limit (which the app never writes) is lowered to it, the same for everyone
 * who opens the file; only one below 1 or not whole is damage.
 */
export const BOOKKEEPING_REPAIRS = {
  version: clampInto(
    Number.NEGATIVE_INFINITY,
    FILE_LIMITS.maxVersion,
    'version-lowered',
    (count, noun) => `Lowered the impossibly high version of ${counted(count, noun)} to the limit.`,
  ),
  synced: dropIfInvalid(
    (value) => syncedSchema.safeParse(value).success,
    'history-dropped',
    (count, noun) =>
      `Forgot the unreadable merge history of ${counted(count, noun)}; merging an older copy may show more conflicts.`,
  ),
};

export const nameShortened = shortenTo(FILE_LIMITS.maxNameLength, 'name-shortened', (count, noun) => {
  return `Shortened the name of ${counted(count, noun)} to ${FILE_LIMITS.maxNameLength} characters.`;
});

export const textShortened = shortenTo(FILE_LIMITS.maxTextLength, 'text-shortened', (count, noun) => {
  return `Shortened the text of ${counted(count, noun)} to ${FILE_LIMITS.maxTextLength.toLocaleString('en-US')} characters.`;
});

/**
 * A width or height pulled back into its range; `outOfRange` says how in the record's words ("too
 * narrow or too wide"). One kind for every size field, so a note too wide and too high counts once.
 */
export const resizedInto = (min: number, max: number, outOfRange: string): FieldRepair =>
  clampInto(min, max, 'resized', (count, noun) => {
    return `Resized ${counted(count, noun)} that ${count === 1 ? 'was' : 'were'} ${outOfRange}.`;
  });

/**
 * A stage or lane header colour the palette lacks goes back to the map's default (null); a missing
 * one already is that default.
 */
export const headerRecoloured = oneOf(
  [...NOTE_COLORS, null],
  null,
  'recoloured',
  (count, noun) => {
    return `Gave ${counted(count, noun)} with an unknown colour the default colour.`;
  },
  true,
);
