import { z } from 'zod';
import { NOTE_KINDS, type VoteRecord } from '../../model/journey-records.ts';
import { FILE_LIMITS } from '../../model/limits.ts';
import { bookkeepingShape, idSchema } from './fields.ts';
import { clampInto, counted, shortenTo } from './repairs.ts';
import type { Assert, SameShape } from './same-shape.ts';
import { BOOKKEEPING_REPAIRS, BOOKKEEPING_WORDS, type RecordSpec } from './spec.ts';

const { maxVoters, maxDotsPerVoter } = FILE_LIMITS;

const dotsIn = (ballot: Readonly<Record<string, number>>): number =>
  Object.values(ballot).reduce((sum, dots) => sum + dots, 0);

/** One voter's dots; no voter holds more than a vote may give (the reader checks the vote's own number). */
const ballotSchema = z
  .record(idSchema, z.int().min(1).max(maxDotsPerVoter).describe('The dots on that note.'))
  .refine((ballot) => dotsIn(ballot) <= maxDotsPerVoter)
  .meta({ maxProperties: maxDotsPerVoter })
  .describe(`One voter's dots by note id: ${maxDotsPerVoter} at most in all.`);

/** Which notes can get dots: a list of ids or kinds, empty (or left out) for any. */
const eligibility = <T extends z.ZodType>(item: T, max: number, meaning: string) =>
  z
    .array(item)
    .max(max)
    .default([])
    .describe(`${meaning} Empty (or left out) for any; a note must pass every list that is not empty.`);

export const voteSchema = z.object({
  id: idSchema.describe('Stable id, unique in the map.'),
  type: z.literal('vote'),
  question: z
    .string()
    .max(FILE_LIMITS.maxNameLength)
    .describe('What the room is asked, such as "Which breakdowns hurt most?".'),
  scenarioId: idSchema.describe('The scenario whose notes are voted on.'),
  kinds: eligibility(z.enum(NOTE_KINDS), NOTE_KINDS.length, 'The kinds of note that can get dots.'),
  stageIds: eligibility(idSchema, FILE_LIMITS.maxStages, 'The stages whose notes can get dots.'),
  laneIds: eligibility(idSchema, FILE_LIMITS.maxLanes, 'The lanes whose notes can get dots.'),
  noteIds: eligibility(idSchema, FILE_LIMITS.maxRecords, 'The notes that can get dots (a selection).'),
  voters: z
    .int()
    .min(1)
    .max(maxVoters)
    .describe('How many people vote, one after another at the same computer.'),
  dotsPerVoter: z.int().min(1).max(maxDotsPerVoter).describe('The dots each voter has (typically 3 to 5).'),
  stacking: z.boolean().default(false).describe('Whether a voter may put several dots on one note.'),
  hidden: z
    .boolean()
    .default(false)
    .describe('Whether the running totals stay hidden until the vote is revealed.'),
  revealed: z
    .boolean()
    .default(false)
    .describe('A revealed vote takes no more dots: it is a past vote with its results.'),
  startedAt: z.int().min(0).describe('When the vote was started, in milliseconds since 1970-01-01 UTC.'),
  ballots: z
    .array(ballotSchema)
    .max(maxVoters)
    .default([])
    .describe(
      "One ballot per voter who has started, in order; the last is the current voter's. No more ballots than voters, no ballot with more dots than each voter has, and one dot per note unless stacking: a reader raises the settings of a vote that breaks this to fit its dots.",
    ),
  onPhones: z
    .boolean()
    .default(false)
    .describe('A vote the room gives on their phones, all at once; nobody votes at the laptop.'),
  voterIds: z
    .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/))
    .max(maxVoters)
    .default([])
    .describe("In a vote on phones, the phone each ballot is from, in the ballots' order."),
  ...bookkeepingShape,
});

export type VoteRecordData = z.infer<typeof voteSchema>;

export type VoteSchemaMatchesModel = Assert<SameShape<VoteRecordData, VoteRecord>>;

/** Voters and dots per voter pulled into their ranges; one kind for both, so a vote counts once. */
const countsClamped = (max: number) =>
  clampInto(
    1,
    max,
    'vote-counts-clamped',
    (count, noun) =>
      `Brought the number of voters or dots of ${counted(count, noun)} back to whole numbers from 1 to ${maxVoters} voters and ${maxDotsPerVoter} dots.`,
    true,
  );

export const VOTE_SPEC: RecordSpec<VoteRecord> = {
  type: 'vote',
  noun: 'vote',
  schema: voteSchema,
  validate: (candidate) => voteSchema.safeParse(candidate),
  repairs: {
    ...BOOKKEEPING_REPAIRS,
    question: shortenTo(FILE_LIMITS.maxNameLength, 'question-shortened', (count, noun) => {
      return `Shortened the question of ${counted(count, noun)} to ${FILE_LIMITS.maxNameLength} characters.`;
    }),
    voters: countsClamped(maxVoters),
    dotsPerVoter: countsClamped(maxDotsPerVoter),
  },
  fieldWords: {
    ...BOOKKEEPING_WORDS,
    question: 'question',
    scenarioId: 'scenario',
    kinds: 'kinds of note',
    stageIds: 'stages',
    laneIds: 'lanes',
    noteIds: 'selection of notes',
    voters: 'number of voters',
    dotsPerVoter: 'dots per voter',
    stacking: 'setting for several dots on one note',
    hidden: 'setting for hidden totals',
    revealed: 'revealed flag',
    startedAt: 'start time',
    ballots: 'ballot',
    onPhones: 'setting for voting on phones',
    voterIds: 'phones of the ballots',
  },
};
