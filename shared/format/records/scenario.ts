import { z } from 'zod';
import { EMOTION_RANGE, SCENARIO_KINDS, type ScenarioRecord } from '../../model/journey-records.ts';
import { FILE_LIMITS } from '../../model/limits.ts';
import { bookkeepingShape, idSchema, nameSchema, orderSchema, referenceSchema } from './fields.ts';
import { clampFields, counted, oneOf } from './repairs.ts';
import type { Assert, SameShape } from './same-shape.ts';
import { BOOKKEEPING_REPAIRS, BOOKKEEPING_WORDS, nameShortened, type RecordSpec } from './spec.ts';

export const scenarioSchema = z.object({
  id: idSchema.describe('Stable id, unique in the map.'),
  type: z.literal('scenario'),
  name: nameSchema.describe('The scenario name, such as "Current" or "Ideal".'),
  order: orderSchema.describe('Order of the scenarios: the lowest is shown first.'),
  kind: z
    .enum(SCENARIO_KINDS)
    .describe('The current experience, the ideal one the business wants, or another.'),
  emotions: z
    .record(
      idSchema,
      z.int().min(EMOTION_RANGE.min).max(EMOTION_RANGE.max).describe('From -3 (pain) to 3 (delight).'),
    )
    .refine((scores) => Object.keys(scores).length <= FILE_LIMITS.maxEmotions)
    .meta({ maxProperties: FILE_LIMITS.maxEmotions })
    .default({})
    .describe('Emotion score per stage id; a stage without a score is not scored.'),
  basedOn: referenceSchema.describe(
    'The scenario this one was copied from ("Create ideal from current"), or null.',
  ),
  ...bookkeepingShape,
});

export type ScenarioRecordData = z.infer<typeof scenarioSchema>;

export type ScenarioSchemaMatchesModel = Assert<SameShape<ScenarioRecordData, ScenarioRecord>>;

export const SCENARIO_SPEC: RecordSpec<ScenarioRecord> = {
  type: 'scenario',
  noun: 'scenario',
  schema: scenarioSchema,
  validate: (candidate) => scenarioSchema.safeParse(candidate),
  repairs: {
    ...BOOKKEEPING_REPAIRS,
    name: nameShortened,
    kind: oneOf(SCENARIO_KINDS, 'other', 'kind-unknown', (count, noun) => {
      return `Made ${counted(count, noun)} of a kind this version does not know "other" scenarios.`;
    }),
    emotions: clampFields(
      { each: { ...EMOTION_RANGE, integer: true } },
      'emotions-clamped',
      (count, noun) =>
        `Brought the emotion scores of ${counted(count, noun)} back to whole numbers from ${EMOTION_RANGE.min} to ${EMOTION_RANGE.max}.`,
    ),
  },
  fieldWords: {
    ...BOOKKEEPING_WORDS,
    name: 'name',
    order: 'order',
    kind: 'kind',
    emotions: 'emotion score',
    basedOn: 'original scenario',
  },
};
