import { z } from 'zod';
import type { PersonaRecord } from '../../model/journey-records.ts';
import { FILE_LIMITS } from '../../model/limits.ts';
import { bookkeepingShape, idSchema, nameSchema } from './fields.ts';
import type { Assert, SameShape } from './same-shape.ts';
import {
  BOOKKEEPING_REPAIRS,
  BOOKKEEPING_WORDS,
  nameShortened,
  type RecordSpec,
  textShortened,
} from './spec.ts';

/** Free text of a persona card; left out of the file when empty. */
const personaText = (meaning: string) =>
  z.string().max(FILE_LIMITS.maxTextLength).default('').describe(`${meaning} Plain text.`);

export const personaSchema = z.object({
  id: idSchema.describe('Stable id, unique in the map.'),
  type: z.literal('persona'),
  name: nameSchema.describe('Who the customer is, as the persona card titles them.'),
  role: personaText('Their role or situation.'),
  goals: personaText('What they want to achieve.'),
  needs: personaText('What they need from the business.'),
  frustrations: personaText('What gets in their way.'),
  quote: personaText('Something they said, in their own words.'),
  ...bookkeepingShape,
});

export type PersonaRecordData = z.infer<typeof personaSchema>;

export type PersonaSchemaMatchesModel = Assert<SameShape<PersonaRecordData, PersonaRecord>>;

export const PERSONA_SPEC: RecordSpec<PersonaRecord> = {
  type: 'persona',
  noun: 'persona',
  schema: personaSchema,
  validate: (candidate) => personaSchema.safeParse(candidate),
  repairs: {
    ...BOOKKEEPING_REPAIRS,
    name: nameShortened,
    role: textShortened,
    goals: textShortened,
    needs: textShortened,
    frustrations: textShortened,
    quote: textShortened,
  },
  fieldWords: {
    ...BOOKKEEPING_WORDS,
    name: 'name',
    role: 'role',
    goals: 'description of goals',
    needs: 'description of needs',
    frustrations: 'description of frustrations',
    quote: 'quote',
  },
};
