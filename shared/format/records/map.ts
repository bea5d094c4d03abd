import { z } from 'zod';
import type { MapRecord } from '../../model/records.ts';
import { FILE_LIMITS } from '../limits.ts';
import { bookkeepingShape, idSchema } from './fields.ts';
import type { Assert, SameShape } from './same-shape.ts';

export const mapSchema = z.object({
  id: idSchema.describe('The map id: stays the same in every copy of this map.'),
  type: z.literal('map'),
  name: z
    .string()
    .max(FILE_LIMITS.maxNameLength)
    .describe('The map name shown in the library and the title bar.'),
  created: z.int().min(0).describe('When the map was made, in milliseconds since 1970-01-01 UTC.'),
  ...bookkeepingShape,
});

export type MapRecordData = z.infer<typeof mapSchema>;

/** The model's map record; its merge bookkeeping (`synced`) is part of the model. */
export type SyncedMapRecord = MapRecord;

export type MapSchemaMatchesModel = Assert<SameShape<MapRecordData, SyncedMapRecord>>;
