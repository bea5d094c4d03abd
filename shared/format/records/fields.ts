import { z } from 'zod';
import { FILE_LIMITS, ID_PATTERN } from '../../model/limits.ts';
import { NOTE_COLORS } from '../../model/records.ts';
import { MAX_SYNC_MARKS_IN_FILE } from '../sync-marks.ts';

/** Field schemas several record types share. */

export const idSchema = z.string().regex(ID_PATTERN);

/** An id naming another record of the map, or null for none. Left out of the file when null. */
export const referenceSchema = idSchema.nullable().default(null);

/** Board units (one unit is one CSS pixel at 100% zoom). */
export const coordinateSchema = z.number().min(-FILE_LIMITS.maxCoordinate).max(FILE_LIMITS.maxCoordinate);

export const nameSchema = z.string().max(FILE_LIMITS.maxNameLength);

/** Left-to-right or top-to-bottom place among records of the same type; fractional in between. */
export const orderSchema = z.number();

/** A header colour from the palette, or null for the map's default. Left out of the file when null. */
export const headerColorSchema = z.enum(NOTE_COLORS).nullable().default(null);

/** A record's version; a file's beyond the limit is lowered to it (see BOOKKEEPING_REPAIRS). */
const versionSchema = z.int().min(1).max(FILE_LIMITS.maxVersion);

const syncMarkSchema = z.tuple([
  versionSchema.describe('The version the record had.'),
  z.int().min(0).describe('The versionNonce the record had.'),
]);

export const syncedSchema = z
  .array(syncMarkSchema)
  .max(MAX_SYNC_MARKS_IN_FILE)
  .optional()
  .describe(
    'Earlier states of this record ([version, versionNonce], oldest first) that were saved to or opened from a file. The current state is implied. Merging uses them to tell "one copy changed it" from "both changed it".',
  );

/**
 * The bookkeeping merge and autosave compare, placed after each type's own fields so a line of
 * the file reads content first.
 */
export const bookkeepingShape = {
  version: versionSchema.describe('Incremented on every change; starts at 1.'),
  versionNonce: z
    .int()
    .min(0)
    .describe('Random number drawn on every change: tells apart two copies that reached the same version.'),
  updated: z.int().min(0).describe('Time of the last change, in milliseconds since 1970-01-01 UTC.'),
  isDeleted: z
    .boolean()
    .default(false)
    .describe('A deleted record stays as a tombstone so merging can tell "deleted" from "never had it".'),
  synced: syncedSchema,
};
