import { z } from 'zod';
import { COLLECTIONS, type Collection, groupByOf, groupSchemasOf, MAP_SPEC } from './records/registry.ts';

/** The value of `type` that makes a JSON file a Journeywall map. */
export const FILE_TYPE = 'journeywall-map';

/** The format this build writes. Raising it needs a migration (see migrations/index.ts). */
export const CURRENT_FORMAT_VERSION = 4;

export const FILE_EXTENSION = '.cxmap';
export const FILE_MIME_TYPE = 'application/vnd.journeywall.map+json';

const appSchema = z
  .object({
    name: z.string().max(100).describe('The program that wrote the file.'),
    version: z.string().max(100).describe('Its version.'),
  })
  .describe('Which program wrote the file; shown to the user, never used to decide how to read it.');

/** The envelope around the records. */
export const headerSchema = z.object({
  type: z.literal(FILE_TYPE).describe('Always "journeywall-map".'),
  formatVersion: z
    .literal(CURRENT_FORMAT_VERSION)
    .describe('The version of this format. Readers refuse versions newer than they know.'),
  app: appSchema,
  savedAt: z.int().min(0).describe('When the file was written, in milliseconds since 1970-01-01 UTC.'),
});

/** A record as written in its array: the array names its type. */
const withoutType = <S extends z.ZodObject>(schema: S) => schema.omit({ type: true });

/** The array of one record type: its records, or for notes their groups by place. */
const collectionSchema = (collection: Collection) => {
  const { key, spec } = collection;
  if (groupByOf(collection).length === 0)
    return z
      .array(withoutType(spec.schema))
      .default([])
      .describe(`Every ${spec.noun} of the map, tombstones included, sorted by id.`);
  const { shared, own } = groupSchemasOf(collection);
  return z
    .array(
      shared
        .extend({
          [key]: z.array(own).describe(`The ${spec.noun}s of this place, tombstones included, sorted by id.`),
        })
        .describe(
          `A place and the ${spec.noun}s in it: a scenario, and a cell (stage and lane) or, when both are left out, no cell.`,
        ),
    )
    .default([])
    .describe(
      `Every ${spec.noun} of the map, tombstones included, grouped by place: the groups sorted by scenario, stage and lane (no cell first).`,
    );
};

/** The whole file; used to publish the JSON Schema (parse validates record by record). */
export const fileSchema = z
  .object({
    ...headerSchema.shape,
    map: withoutType(MAP_SPEC.schema).describe(
      'The map record: the map id, its name, creation time and journey settings.',
    ),
    ...Object.fromEntries(COLLECTIONS.map((collection) => [collection.key, collectionSchema(collection)])),
  })
  .meta({
    title: `Journeywall map (.cxmap), format ${CURRENT_FORMAT_VERSION}`,
    description: 'A Journeywall customer-journey map. Documented in docs/cxmap-format.md.',
  });

/** The JSON Schema of the current format, as published in docs/cxmap.schema.json. */
export const fileJsonSchema = (): unknown => z.toJSONSchema(fileSchema, { io: 'input' });
