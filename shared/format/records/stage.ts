import { z } from 'zod';
import { EXPERIENCE_CATEGORIES, type StageRecord } from '../../model/journey-records.ts';
import { FILE_LIMITS } from '../../model/limits.ts';
import { bookkeepingShape, headerColorSchema, idSchema, nameSchema, orderSchema } from './fields.ts';
import { counted, oneOf } from './repairs.ts';
import type { Assert, SameShape } from './same-shape.ts';
import {
  BOOKKEEPING_REPAIRS,
  BOOKKEEPING_WORDS,
  headerRecoloured,
  nameShortened,
  type RecordSpec,
  resizedInto,
} from './spec.ts';

const { stageWidth } = FILE_LIMITS;

export const stageSchema = z.object({
  id: idSchema.describe('Stable id, unique in the map.'),
  type: z.literal('stage'),
  name: nameSchema.describe('The stage name shown in its column header.'),
  order: orderSchema.describe('Left-to-right order of the columns: lower is further left.'),
  width: z.number().min(stageWidth.min).max(stageWidth.max).describe('Width of the column in board units.'),
  color: headerColorSchema.describe("Header colour from the palette; null for the map's default."),
  category: z
    .enum(EXPERIENCE_CATEGORIES)
    .nullable()
    .default(null)
    .describe('The experience category band the stage sits under, or null.'),
  ...bookkeepingShape,
});

export type StageRecordData = z.infer<typeof stageSchema>;

export type StageSchemaMatchesModel = Assert<SameShape<StageRecordData, StageRecord>>;

export const STAGE_SPEC: RecordSpec<StageRecord> = {
  type: 'stage',
  noun: 'stage',
  schema: stageSchema,
  validate: (candidate) => stageSchema.safeParse(candidate),
  repairs: {
    ...BOOKKEEPING_REPAIRS,
    name: nameShortened,
    width: resizedInto(stageWidth.min, stageWidth.max, 'too narrow or too wide'),
    color: headerRecoloured,
    category: oneOf(
      [...EXPERIENCE_CATEGORIES, null],
      null,
      'category-unknown',
      (count, noun) => {
        return `Took ${counted(count, noun)} out of an experience category this version does not know.`;
      },
      true,
    ),
  },
  fieldWords: {
    ...BOOKKEEPING_WORDS,
    name: 'name',
    order: 'order',
    width: 'width',
    color: 'colour',
    category: 'experience category',
  },
};
