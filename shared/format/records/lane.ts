import { z } from 'zod';
import { LANE_ROLES, type LaneRecord, NOTE_KINDS } from '../../model/journey-records.ts';
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

const { laneHeight } = FILE_LIMITS;

export const laneSchema = z.object({
  id: idSchema.describe('Stable id, unique in the map.'),
  type: z.literal('lane'),
  name: nameSchema.describe('The lane name shown in its row header.'),
  order: orderSchema.describe('Top-to-bottom order of the rows: lower is higher up.'),
  height: z
    .number()
    .min(laneHeight.min)
    .max(laneHeight.max)
    .describe('Smallest height of the row in board units; the row grows to fit its notes.'),
  role: z
    .enum(LANE_ROLES)
    .describe(
      'What the lane is for. Insights read it (touchpoints, customer service); the emotion lane holds the emotion curve instead of notes.',
    ),
  hidden: z.boolean().default(false).describe('A hidden lane keeps its notes but is not shown.'),
  color: headerColorSchema.describe("Header colour from the palette; null for the map's default."),
  noteKind: z
    .enum(NOTE_KINDS)
    .nullable()
    .default(null)
    .describe(
      'The kind a note typed into the lane gets; null (or left out) for the kind its role suggests: touchpoint in a touchpoints lane, breakdown in a breakdowns lane, opportunity in an opportunities lane, note elsewhere.',
    ),
  ...bookkeepingShape,
});

export type LaneRecordData = z.infer<typeof laneSchema>;

export type LaneSchemaMatchesModel = Assert<SameShape<LaneRecordData, LaneRecord>>;

export const LANE_SPEC: RecordSpec<LaneRecord> = {
  type: 'lane',
  noun: 'lane',
  schema: laneSchema,
  validate: (candidate) => laneSchema.safeParse(candidate),
  repairs: {
    ...BOOKKEEPING_REPAIRS,
    name: nameShortened,
    height: resizedInto(laneHeight.min, laneHeight.max, 'too low or too high'),
    role: oneOf(LANE_ROLES, 'custom', 'role-unknown', (count, noun) => {
      return `Made ${counted(count, noun)} of a role this version does not know custom lanes.`;
    }),
    color: headerRecoloured,
    noteKind: oneOf(
      [...NOTE_KINDS, null],
      null,
      'lane-kind-unknown',
      (count, noun) =>
        `Gave ${counted(count, noun)} whose kind of new notes this version does not know the kind its role suggests.`,
      true,
    ),
  },
  fieldWords: {
    ...BOOKKEEPING_WORDS,
    name: 'name',
    order: 'order',
    height: 'height',
    role: 'role',
    hidden: 'hidden flag',
    color: 'colour',
    noteKind: 'kind of new notes',
  },
};
