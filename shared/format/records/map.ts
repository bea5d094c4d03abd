import { z } from 'zod';
import { CONNECTED_TYPES, DEFAULT_INSIGHT_SETTINGS, EMOTION_RANGE } from '../../model/journey-records.ts';
import { FILE_LIMITS } from '../../model/limits.ts';
import type { MapRecord } from '../../model/records.ts';
import { bookkeepingShape, idSchema, nameSchema, referenceSchema } from './fields.ts';
import { clampFields, oneOf, type Range, shortenTo } from './repairs.ts';
import type { Assert, SameShape } from './same-shape.ts';
import { BOOKKEEPING_REPAIRS, BOOKKEEPING_WORDS, type RecordSpec } from './spec.ts';

/** What a facilitator may set each insight threshold to. */
const INSIGHT_RANGES = {
  maxTouchpoints: { min: 1, max: 1000, integer: true },
  maxStampShare: { min: 0, max: 1 },
  lowEmotion: { ...EMOTION_RANGE, integer: true },
} as const satisfies Record<keyof MapRecord['insightSettings'], Range>;

const insightSettingsSchema = z
  .object({
    maxTouchpoints: z
      .int()
      .min(INSIGHT_RANGES.maxTouchpoints.min)
      .max(INSIGHT_RANGES.maxTouchpoints.max)
      .describe(
        'More major touchpoints than this in a scenario describe the organisation, not the customer.',
      ),
    maxStampShare: z
      .number()
      .min(INSIGHT_RANGES.maxStampShare.min)
      .max(INSIGHT_RANGES.maxStampShare.max)
      .describe('Stamps of authenticity stop standing out above this share of the touchpoints (0 to 1).'),
    lowEmotion: z
      .int()
      .min(EMOTION_RANGE.min)
      .max(EMOTION_RANGE.max)
      .describe('Emotion scores at or below this are low points.'),
  })
  .default(DEFAULT_INSIGHT_SETTINGS)
  .describe('Thresholds of the insight rules. Left out while they are the defaults.');

export const mapSchema = z.object({
  id: idSchema.describe('The map id: stays the same in every copy of this map.'),
  type: z.literal('map'),
  name: nameSchema.describe('The map name shown in the library and the title bar.'),
  created: z.int().min(0).describe('When the map was made, in milliseconds since 1970-01-01 UTC.'),
  activePersonaId: referenceSchema.describe(
    'The persona the map is about: the id of one of its personas, or null. A persona that is deleted or missing counts as none.',
  ),
  connectedType: z
    .enum(CONNECTED_TYPES)
    .nullable()
    .default(null)
    .describe(
      'Where the map sits on the connected customer continuum, from customer-controlled to business-controlled; null if not chosen.',
    ),
  showCategories: z
    .boolean()
    .default(false)
    .describe('Whether the experience category bands are shown over the stage headers.'),
  insightSettings: insightSettingsSchema,
  ...bookkeepingShape,
});

export type MapRecordData = z.infer<typeof mapSchema>;

export type MapSchemaMatchesModel = Assert<SameShape<MapRecordData, MapRecord>>;

export const MAP_SPEC: RecordSpec<MapRecord> = {
  type: 'map',
  noun: 'map',
  schema: mapSchema,
  validate: (candidate) => mapSchema.safeParse(candidate),
  repairs: {
    ...BOOKKEEPING_REPAIRS,
    name: shortenTo(FILE_LIMITS.maxNameLength, 'name-shortened', () => {
      return `Shortened the map name to ${FILE_LIMITS.maxNameLength} characters.`;
    }),
    connectedType: oneOf(
      [...CONNECTED_TYPES, null],
      null,
      'connected-type-cleared',
      () => 'Cleared the connected customer type of the map, which this version does not know.',
      true,
    ),
    insightSettings: clampFields(
      { fields: INSIGHT_RANGES },
      'insight-settings-clamped',
      () => 'Brought the insight thresholds of the map back into their ranges.',
    ),
  },
  fieldWords: {
    ...BOOKKEEPING_WORDS,
    name: 'name',
    created: 'creation time',
    activePersonaId: 'active persona',
    connectedType: 'connected customer type',
    showCategories: 'category setting',
    insightSettings: 'insight threshold',
  },
};
