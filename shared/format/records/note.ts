import { z } from 'zod';
import { NOTE_COLORS, NOTE_MAX_SIZE, NOTE_MIN_SIZE, type NoteRecord } from '../../model/records.ts';
import { FILE_LIMITS } from '../limits.ts';
import { bookkeepingShape, coordinateSchema, idSchema } from './fields.ts';
import type { Assert, SameShape } from './same-shape.ts';

export const noteSchema = z.object({
  id: idSchema.describe('Stable id, unique in the map.'),
  type: z.literal('note'),
  color: z.enum(NOTE_COLORS).describe('Fill colour from the palette.'),
  x: coordinateSchema.describe('Left edge in board units (one unit is one CSS pixel at 100% zoom).'),
  y: coordinateSchema.describe('Top edge in board units.'),
  w: z.number().min(NOTE_MIN_SIZE.w).max(NOTE_MAX_SIZE.w).describe('Width in board units.'),
  h: z.number().min(NOTE_MIN_SIZE.h).max(NOTE_MAX_SIZE.h).describe('Height in board units.'),
  z: z.number().describe('Stacking order: higher is drawn on top.'),
  text: z.string().max(FILE_LIMITS.maxTextLength).describe('Plain text, never interpreted as markup.'),
  conflictOf: idSchema
    .optional()
    .describe('Set on the copy a merge placed beside a note both copies changed: the id of that note.'),
  ...bookkeepingShape,
});

export type NoteRecordData = z.infer<typeof noteSchema>;

/** The model's note record; `conflictOf` and `synced` are part of the model. */
export type SyncedNoteRecord = NoteRecord;

export type NoteSchemaMatchesModel = Assert<SameShape<NoteRecordData, SyncedNoteRecord>>;
