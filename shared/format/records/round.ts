import { z } from 'zod';
import { NOTE_KINDS, type RoundRecord } from '../../model/journey-records.ts';
import { FILE_LIMITS } from '../../model/limits.ts';
import { bookkeepingShape, idSchema, referenceSchema } from './fields.ts';
import { counted, shortenTo } from './repairs.ts';
import type { Assert, SameShape } from './same-shape.ts';
import { BOOKKEEPING_REPAIRS, BOOKKEEPING_WORDS, type RecordSpec } from './spec.ts';

/** Ids a phone makes (its device, each note it writes). */
const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const inboxNoteSchema = z.object({
  id: clientIdSchema.describe("The phone's id for the note: a resend carries it again and counts once."),
  participantId: clientIdSchema.describe("The phone's device id: who wrote it, as the room knew them."),
  author: z
    .string()
    .max(FILE_LIMITS.maxNameLength)
    .default('')
    .describe('The name the participant gave; empty (or left out) when anonymous.'),
  text: z.string().max(FILE_LIMITS.maxTextLength).describe('Plain text, never interpreted as markup.'),
  kind: z.enum(NOTE_KINDS).default('note').describe('The kind of note the participant chose.'),
  stageId: referenceSchema.describe('The stage the participant chose, or null.'),
  laneId: referenceSchema.describe('The lane the participant chose, or null.'),
  received: z.int().min(0).describe('When the laptop stored it, in milliseconds since 1970-01-01 UTC.'),
  noteId: referenceSchema.describe(
    'The note it became on the board when revealed (exact duplicates share one); null while it waits in the inbox.',
  ),
});

export const roundSchema = z.object({
  id: idSchema.describe('Stable id, unique in the map.'),
  type: z.literal('round'),
  prompt: z
    .string()
    .max(FILE_LIMITS.maxNameLength)
    .describe('What the room is asked to write about, such as "What happens before they call us?".'),
  scenarioId: idSchema.describe('The scenario the revealed notes go to.'),
  stageId: referenceSchema.describe('The one stage the round is about; null (or left out) for every stage.'),
  laneId: referenceSchema.describe('The one lane the round is about; null (or left out) for every lane.'),
  kinds: z
    .array(z.enum(NOTE_KINDS))
    .min(1)
    .max(NOTE_KINDS.length)
    .default(['note'])
    .describe('The kinds of note a participant can choose from.'),
  startedAt: z.int().min(0).describe('When the round was opened, in milliseconds since 1970-01-01 UTC.'),
  endsAt: z
    .int()
    .min(0)
    .nullable()
    .default(null)
    .describe('When its time runs out, or null (or left out) without a time limit.'),
  ended: z
    .boolean()
    .default(false)
    .describe(
      'Phones stop offering an ended round; notes written in time on a phone that was offline are still kept.',
    ),
  inbox: z
    .array(inboxNoteSchema)
    .max(FILE_LIMITS.maxInboxNotes)
    .default([])
    .describe(
      'The notes participants sent from their phones, in the order they arrived; the facilitator reveals them into their cells.',
    ),
  ...bookkeepingShape,
});

export type RoundRecordData = z.infer<typeof roundSchema>;

export type RoundSchemaMatchesModel = Assert<SameShape<RoundRecordData, RoundRecord>>;

export const ROUND_SPEC: RecordSpec<RoundRecord> = {
  type: 'round',
  noun: 'writing round',
  schema: roundSchema,
  validate: (candidate) => roundSchema.safeParse(candidate),
  repairs: {
    ...BOOKKEEPING_REPAIRS,
    prompt: shortenTo(FILE_LIMITS.maxNameLength, 'prompt-shortened', (count, noun) => {
      return `Shortened the prompt of ${counted(count, noun)} to ${FILE_LIMITS.maxNameLength} characters.`;
    }),
  },
  fieldWords: {
    ...BOOKKEEPING_WORDS,
    prompt: 'prompt',
    scenarioId: 'scenario',
    stageId: 'stage',
    laneId: 'lane',
    kinds: 'kinds of note',
    startedAt: 'start time',
    endsAt: 'end time',
    ended: 'ended flag',
    inbox: 'inbox',
  },
};
