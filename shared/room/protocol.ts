/**
 * The room's messages: what a participant's phone sends the facilitator's laptop over the local
 * network, and what the laptop sends back. Every frame is one JSON object. The laptop parses
 * each phone frame with PHONE_MESSAGE before anything reads it: a phone is a stranger on the
 * network, like a file from email. The phone parses the laptop's frames too, so a page left
 * open across an app update fails plainly instead of showing half a round.
 */
import { z } from 'zod';
import { NOTE_KINDS } from '../model/journey-records.ts';
import { ID_PATTERN } from '../model/limits.ts';

export const ROOM_LIMITS = {
  /** Phones in one room; a workshop is 5 to 30 people, so a full room is a mistake or an attack. */
  maxParticipants: 60,
  /** Largest frame a phone may send: a full note in UTF-8 with its fields fits several times. */
  maxFrameBytes: 8 * 1024,
  /** A phone note is a sticky note: a few words, not a page. */
  noteTextLength: 500,
  nameLength: 40,
  /** Notes one phone may send per minute: fast writers manage 6 to 10. */
  notesPerMinute: 30,
  /** Ballots one phone may send per minute: a phone sends its whole ballot after each change. */
  ballotsPerMinute: 60,
  /** Notes a vote on phones offers: more than a room reads through on a phone. */
  voteNotes: 1000,
  /** The text of each of them, as the phone shows it. */
  voteNoteText: 300,
  /** Notes the map on phones shows: a 5,000-note map is read on the laptop's screen, not a phone. */
  mapNotes: 3000,
  /** Bytes one phone may send per second, averaged over 10 s. */
  bytesPerSecond: 4 * 1024,
  /** Bytes of randomness in the join address's token: 128 bits. */
  tokenBytes: 16,
  /** The prompt of a writing round, as the phone shows it. */
  promptLength: 300,
} as const;

/** Ids a phone makes itself (its device, each note): random, URL-safe. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const clientIdSchema = z.string().regex(CLIENT_ID_PATTERN);
const recordIdSchema = z.string().regex(ID_PATTERN);

/** The token in the join address: 128 bits as base64url (22 characters). */
export const ROOM_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** The room code people read off the screen: six letters and digits that cannot be misread. */
export const ROOM_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const ROOM_CODE_PATTERN = /^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/;

/** A participant's name as typed: trimmed, may be empty (anonymous). */
const participantNameSchema = z.string().max(ROOM_LIMITS.nameLength);

/** The first frame of every connection: who this phone is. */
export const helloSchema = z.strictObject({
  type: z.literal('hello'),
  /** Made once per phone and kept in its storage, so a reconnect is the same participant. */
  device: clientIdSchema,
  name: participantNameSchema,
});

/** A note written on a phone during a writing round. */
export const noteSubmissionSchema = z.strictObject({
  type: z.literal('note'),
  /** Made by the phone when the note is written: a resend carries the same id, so it counts once. */
  id: clientIdSchema,
  roundId: recordIdSchema,
  text: z
    .string()
    .max(ROOM_LIMITS.noteTextLength)
    .refine((text) => text.trim().length > 0, 'an empty note'),
  stageId: recordIdSchema.nullable(),
  laneId: recordIdSchema.nullable(),
  kind: z.enum(NOTE_KINDS),
});

/** The most dots one voter may have (FILE_LIMITS.maxDotsPerVoter), stated here for the phone's page. */
const MAX_DOTS = 20;

/**
 * A phone's whole ballot in a vote on phones, sent after each change: the newest (highest `seq`)
 * replaces what the laptop had, so resends and reorderings never count a dot twice.
 */
export const ballotSubmissionSchema = z.strictObject({
  type: z.literal('ballot'),
  /** Made by the phone for this send: the ack names it. */
  id: clientIdSchema,
  voteId: recordIdSchema,
  /** Rises with each change the phone makes to its ballot in this vote. */
  seq: z.int().min(1),
  dots: z
    .record(recordIdSchema, z.int().min(1).max(MAX_DOTS))
    .refine((dots) => Object.keys(dots).length <= MAX_DOTS, 'more notes than dots'),
});

export const PHONE_MESSAGE = z.discriminatedUnion('type', [
  helloSchema,
  noteSubmissionSchema,
  ballotSubmissionSchema,
]);
export type PhoneMessage = z.infer<typeof PHONE_MESSAGE>;
export type Hello = z.infer<typeof helloSchema>;
export type NoteSubmission = z.infer<typeof noteSubmissionSchema>;
export type BallotSubmission = z.infer<typeof ballotSubmissionSchema>;

const choiceSchema = z.strictObject({ id: recordIdSchema, name: z.string() });

/** What a phone shows of an open writing round. */
export const roundViewSchema = z.strictObject({
  id: recordIdSchema,
  prompt: z.string().max(ROOM_LIMITS.promptLength),
  /** The stages a note can go to, in the map's order; one when the round is for one stage. */
  stages: z.array(choiceSchema),
  /** The lanes a note can go to; one when the round is for one lane. */
  lanes: z.array(choiceSchema),
  kinds: z.array(z.enum(NOTE_KINDS)).min(1),
  /** When the round's timer runs out (ms since the epoch), or null without a timer. */
  endsAt: z.number().nullable(),
});
export type RoundView = z.infer<typeof roundViewSchema>;

/** A note a phone can put dots on. */
const voteNoteSchema = z.strictObject({
  id: recordIdSchema,
  text: z.string().max(ROOM_LIMITS.voteNoteText),
  kind: z.enum(NOTE_KINDS),
  /** The names of its stage and lane, or null outside the grid. */
  stage: z.string().nullable(),
  lane: z.string().nullable(),
});

/** What a phone shows of a vote running on phones: the question, the dots and the notes. */
export const voteViewSchema = z.strictObject({
  id: recordIdSchema,
  question: z.string(),
  dotsPerVoter: z.int().min(1).max(MAX_DOTS),
  stacking: z.boolean(),
  /** In the map's reading order: stage by stage, lane by lane. */
  notes: z.array(voteNoteSchema).max(ROOM_LIMITS.voteNotes),
});
export type VoteView = z.infer<typeof voteViewSchema>;

/** The map as phones show it: stage by stage, lane by lane, the notes' words and kinds. */
export const mapViewSchema = z.strictObject({
  name: z.string(),
  /** The scenario shown, such as "Current". */
  scenario: z.string(),
  stages: z.array(
    z.strictObject({
      id: recordIdSchema,
      name: z.string(),
      lanes: z.array(
        z.strictObject({
          name: z.string(),
          notes: z.array(
            z.strictObject({
              id: recordIdSchema,
              text: z.string().max(ROOM_LIMITS.voteNoteText),
              kind: z.enum(NOTE_KINDS),
            }),
          ),
        }),
      ),
    }),
  ),
});
export type MapView = z.infer<typeof mapViewSchema>;

/** The workshop timer as phones show it: counting down to an end, paused, or run out. */
export const timerViewSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('running'), endsAt: z.number() }),
  z.strictObject({ status: z.literal('paused'), remainingMs: z.number().min(0) }),
  z.strictObject({ status: z.literal('finished') }),
]);
export type TimerView = z.infer<typeof timerViewSchema>;

/** What the room's screen shows that phones follow: the workshop timer, and the stage present mode shows. */
export const screenViewSchema = z.strictObject({
  timer: timerViewSchema.nullable(),
  /** The stage present mode shows when the facilitator lets phones follow it, else null. */
  follow: recordIdSchema.nullable(),
});
export type ScreenView = z.infer<typeof screenViewSchema>;

export const LAPTOP_MESSAGE = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('welcome'),
    roomCode: z.string().regex(ROOM_CODE_PATTERN),
    name: z.string(),
  }),
  /**
   * The round the phone writes for, or null between rounds, with the laptop's clock when sent:
   * an offline laptop's clock may be minutes off the phone's, and the countdown must not be.
   */
  z.strictObject({ type: z.literal('round'), round: roundViewSchema.nullable(), now: z.number() }),
  /** The vote running on phones, or null when there is none (or it was revealed). */
  z.strictObject({ type: z.literal('vote'), vote: voteViewSchema.nullable() }),
  /** The map to read on the phone, or null when the facilitator does not share it. */
  z.strictObject({ type: z.literal('map'), map: mapViewSchema.nullable() }),
  /** The timer and the stage shown, with the laptop's clock when sent (see round). */
  z.strictObject({ type: z.literal('screen'), screen: screenViewSchema, now: z.number() }),
  /** Notes (and ballots) stored on the laptop: the phone may forget them. */
  z.strictObject({ type: z.literal('ack'), ids: z.array(clientIdSchema) }),
  /** The facilitator removed this phone from the room. */
  z.strictObject({ type: z.literal('removed') }),
  /** Why the laptop will not take this phone: the room is full. */
  z.strictObject({ type: z.literal('full') }),
]);
export type LaptopMessage = z.infer<typeof LAPTOP_MESSAGE>;

/** Close codes the laptop ends a connection with, so a phone knows whether to reconnect. */
export const ROOM_CLOSE = {
  /** The facilitator closed the room or quit: try again later, the room may reopen. */
  closed: 4000,
  /** The facilitator removed this phone: do not come back. */
  removed: 4001,
  /** The room is full. */
  full: 4002,
  /** The phone broke the protocol (bad frame, too big, too fast). */
  violation: 4003,
  /** The same phone connected again (another tab, a reload): this older connection is done. */
  replaced: 4004,
} as const;
