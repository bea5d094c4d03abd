import type { NoteColor, RecordBase } from './records.ts';

/**
 * The journey structure of a map, from the articles in the design material: stages (columns),
 * lanes (rows), scenarios (current, ideal...) with their emotion scores, and personas.
 */

/** The four experience categories (seed 001), shown as bands over the stage headers. */
export const EXPERIENCE_CATEGORIES = ['discovery', 'relationship', 'purchase', 'follow-up'] as const;
export type ExperienceCategory = (typeof EXPERIENCE_CATEGORIES)[number];

/** A column of the map: one stage of the customer's journey. */
export interface StageRecord extends RecordBase {
  readonly type: 'stage';
  readonly name: string;
  /** Left-to-right order; fractional so a stage can be placed between two others. */
  readonly order: number;
  /** Width of the column in board units. */
  readonly width: number;
  /** Header colour; null for the map's default. */
  readonly color: NoteColor | null;
  /** The experience category band this stage sits under, if the map shows them. */
  readonly category: ExperienceCategory | null;
}

/**
 * What a lane is for. Insights read it (the touchpoints lane, the customer service lane); the
 * emotion lane holds the emotion curve instead of notes.
 */
export const LANE_ROLES = [
  'actions',
  'touchpoints',
  'channels',
  'thoughts',
  'emotion',
  'breakdowns',
  'opportunities',
  'backstage',
  'metrics',
  'customer-service',
  'custom',
] as const;
export type LaneRole = (typeof LANE_ROLES)[number];

/** A row of the map, crossing every stage. */
export interface LaneRecord extends RecordBase {
  readonly type: 'lane';
  readonly name: string;
  /** Top-to-bottom order; fractional like a stage's. */
  readonly order: number;
  /** Smallest height in board units; the lane grows to fit its notes. */
  readonly height: number;
  readonly role: LaneRole;
  /** Hidden lanes keep their notes but are not shown (a facilitator hides what the client won't use). */
  readonly hidden: boolean;
  readonly color: NoteColor | null;
  /**
   * The kind a note typed into this lane gets; null for the kind its role suggests (see
   * laneNoteKind), set when a facilitator chooses another.
   */
  readonly noteKind: NoteKind | null;
}

export const SCENARIO_KINDS = ['current', 'ideal', 'other'] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

export const EMOTION_RANGE = { min: -3, max: 3 } as const;

/**
 * One version of the journey over the same stages and lanes: the current experience, the ideal
 * one, or another. Each note belongs to one scenario.
 */
export interface ScenarioRecord extends RecordBase {
  readonly type: 'scenario';
  readonly name: string;
  readonly order: number;
  readonly kind: ScenarioKind;
  /** Emotion score per stage id, from EMOTION_RANGE.min (pain) to max (delight); absent = not scored. */
  readonly emotions: Readonly<Record<string, number>>;
  /** The scenario this one was copied from ("Create ideal from current"), if any. */
  readonly basedOn: string | null;
}

/** Who the customer is. A map can hold several; the map record names the active one. */
export interface PersonaRecord extends RecordBase {
  readonly type: 'persona';
  readonly name: string;
  readonly role: string;
  readonly goals: string;
  readonly needs: string;
  readonly frustrations: string;
  readonly quote: string;
}

/**
 * A dot vote: the room chooses among one scenario's notes by putting dots on them, one voter
 * after another at the facilitator's laptop. Eligibility is given as lists, each empty for "any";
 * a note must pass every list that is not empty.
 */
export interface VoteRecord extends RecordBase {
  readonly type: 'vote';
  /** What the room is asked, such as "Which breakdowns hurt most?". */
  readonly question: string;
  /** The scenario whose notes are voted on. */
  readonly scenarioId: string;
  /** The kinds of note that can get dots; empty for any kind. */
  readonly kinds: readonly NoteKind[];
  /** The stages whose notes can get dots; empty for any stage (and notes outside the grid). */
  readonly stageIds: readonly string[];
  /** The lanes whose notes can get dots; empty for any lane (and notes outside the grid). */
  readonly laneIds: readonly string[];
  /** The notes that can get dots (a selection); empty for any note. */
  readonly noteIds: readonly string[];
  /** How many people vote, one after another. */
  readonly voters: number;
  /** The dots each voter has. */
  readonly dotsPerVoter: number;
  /** Whether a voter may put several dots on one note. */
  readonly stacking: boolean;
  /** Whether the running totals stay hidden until the vote is revealed. */
  readonly hidden: boolean;
  /** A revealed vote takes no more dots: it is a past vote with its results. */
  readonly revealed: boolean;
  /** When the vote was started, in milliseconds since the epoch. */
  readonly startedAt: number;
  /**
   * One ballot per voter who has started, in order: dots by note id. The last is the current
   * voter's.
   */
  readonly ballots: readonly Readonly<Record<string, number>>[];
  /**
   * A vote the room gives on their phones, all at once, each with their own dots: nobody votes at
   * the laptop, and `voters` is only the most ballots it can hold.
   */
  readonly onPhones: boolean;
  /** In a vote on phones, the phone (participant) each ballot is from, in the ballots' order. */
  readonly voterIds: readonly string[];
}

/** A note a participant wrote on their phone in a writing round, kept in the round's inbox. */
export interface InboxNote {
  /** Made by the phone when the note was written: a resend carries it again and counts once. */
  readonly id: string;
  /** The phone's own device id: the participant. */
  readonly participantId: string;
  /** The name the participant gave; empty when they gave none or the round was revealed anonymously. */
  readonly author: string;
  readonly text: string;
  readonly kind: NoteKind;
  /** The cell the participant chose: stage and lane, either null when the map has none to choose. */
  readonly stageId: string | null;
  readonly laneId: string | null;
  /** When the laptop stored it, in milliseconds since the epoch. */
  readonly received: number;
  /** The note it became on the board when revealed (exact duplicates share one), or null while hidden. */
  readonly noteId: string | null;
}

/**
 * A writing round: the room writes notes silently on their phones in answer to a prompt; the
 * notes wait in the round's inbox, hidden from the projector, until the facilitator reveals them
 * into their cells.
 */
export interface RoundRecord extends RecordBase {
  readonly type: 'round';
  /** What the room is asked to write about, such as "What happens before they call us?". */
  readonly prompt: string;
  /** The scenario the revealed notes go to. */
  readonly scenarioId: string;
  /** The one stage the round is about, or null for every stage. */
  readonly stageId: string | null;
  /** The one lane the round is about, or null for every lane. */
  readonly laneId: string | null;
  /** The kinds of note a participant can choose from (at least one). */
  readonly kinds: readonly NoteKind[];
  /** When the round was opened, in milliseconds since the epoch. */
  readonly startedAt: number;
  /** When its time runs out, or null without a time limit. Notes sent later are still kept. */
  readonly endsAt: number | null;
  /** Phones stop offering an ended round; notes written in time on a phone that was offline still arrive. */
  readonly ended: boolean;
  /** Its notes in the order they arrived. */
  readonly inbox: readonly InboxNote[];
}

/** The connected customer experience continuum (seed 000), customer-controlled to business-controlled. */
export const CONNECTED_TYPES = [
  'respond-to-desire',
  'curated-offering',
  'coach-behaviour',
  'automatic-execution',
] as const;
export type ConnectedType = (typeof CONNECTED_TYPES)[number];

/** What a note is: each kind has its own colour and glyph, so it reads across the room and in print. */
export const NOTE_KINDS = [
  'note',
  'touchpoint',
  'breakdown',
  'opportunity',
  'idea',
  'question',
  'quote',
] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** Where a touchpoint happens. */
export const CHANNELS = ['in-person', 'phone', 'web', 'email', 'chat', 'social', 'ad', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Effortless, productive, painless (seed 004): each rated 1–5, or not rated. */
export interface TouchpointRatings {
  readonly effortless: number | null;
  readonly productive: number | null;
  readonly painless: number | null;
}

export const RATING_RANGE = { min: 1, max: 5 } as const;

/** Thresholds of the insight rules, which a facilitator can change per map. */
export interface InsightSettings {
  /** More major touchpoints than this describe the organisation's processes (seed 002: 8–10). */
  readonly maxTouchpoints: number;
  /** Stamps of authenticity stop standing out above this share of touchpoints. */
  readonly maxStampShare: number;
  /** Emotion scores at or below this are low points. */
  readonly lowEmotion: number;
}

export const DEFAULT_INSIGHT_SETTINGS: InsightSettings = {
  maxTouchpoints: 10,
  maxStampShare: 0.34,
  lowEmotion: -1,
};
