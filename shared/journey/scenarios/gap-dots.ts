import type { NoteRecord } from '../../model/records.ts';
import type { GapRow, GapSection, UserText } from './gap-rows.ts';

/**
 * The room's dots in the gap list: a revealed vote on the current scenario says which gaps the
 * room chose to fix first, and the action list can be read in that order. Built by gapDotsOf
 * (votes/gap-dots-of.ts); the list's formats only read it.
 */
export interface GapDots {
  readonly question: string;
  /** The voters who had their turn. */
  readonly voters: number;
  /** When the vote was started, in milliseconds since the epoch. */
  readonly startedAt: number;
  /** The dots on a current note; undefined when the note could not get dots in the vote. */
  dotsOn(note: NoteRecord): number | undefined;
}

/** 'dots': most dots first, ties in stage order; 'stage': stage by stage, as with no vote. */
export type GapOrder = 'dots' | 'stage';

/** What a vote adds to the gap list: its dots, and the order the list is read in. */
export interface GapFeed {
  readonly dots: GapDots;
  readonly order: GapOrder;
}

/** A gap with the name of its stage, for a list read across stages. */
export interface PlacedGap {
  readonly stage: string;
  readonly row: GapRow;
}

/** Every gap, stage by stage. */
const inStageOrder = (sections: readonly GapSection[]): PlacedGap[] =>
  sections.flatMap((section) => section.rows.map((row) => ({ stage: section.stage, row })));

/**
 * Every gap, most dots first; gaps with as many dots (or none: an added touchpoint, an emotion
 * score) keep their stage order, as the sort is stable.
 */
export const byDots = (sections: readonly GapSection[]): PlacedGap[] =>
  inStageOrder(sections).sort((a, b) => (b.row.dots ?? 0) - (a.row.dots ?? 0));

export const placedGaps = (sections: readonly GapSection[], order: GapOrder): PlacedGap[] =>
  order === 'dots' ? byDots(sections) : inStageOrder(sections);

const voterCount = (n: number): string => `${n} ${n === 1 ? 'voter' : 'voters'}`;

/**
 * Which vote the dots are from: "Dots from the vote “Which breakdowns hurt most?”, 5 voters",
 * with `when` (a date) after it where given.
 */
export const dotsSource = (dots: GapDots, userText: UserText, when?: string): string =>
  [`Dots from the vote “${userText(dots.question)}”`, voterCount(dots.voters), ...(when ? [when] : [])].join(
    ', ',
  );

/** The heading of the list read by dots. */
export const BY_DOTS_HEADING = 'By the room’s dots';
