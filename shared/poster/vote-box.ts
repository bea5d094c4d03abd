/**
 * A poster's vote results box: which vote a scenario's block shows (its newest revealed one;
 * a vote not yet revealed, hidden or open, never reaches a poster), the box's lines of text,
 * how many fit, and how large the box is on the paper. Pure, so the drawing, the estimate and
 * the layout agree on it.
 */

import { oneLine } from '../journey/list-export.ts';
import { votesOf } from '../journey/votes/vote-queries.ts';
import { dotCount, resultsLine, type VoteResults } from '../journey/votes/vote-results.ts';
import type { JourneyDocument } from '../model/document.ts';
import type { VoteRecord } from '../model/journey-records.ts';

/** The scenario's newest revealed vote, or null: the one whose dots and results a poster shows. */
export const posterVoteOf = (doc: JourneyDocument, scenarioId: string): VoteRecord | null =>
  votesOf(doc).find((vote) => vote.scenarioId === scenarioId && vote.revealed) ?? null;

/** One vote in the box: its question, who voted, and its notes ranked (ties share a rank). */
export interface VoteBoxSection {
  readonly question: string;
  /** "Current · 5 voters, 3 dots each · 15 dots". */
  readonly facts: string;
  /** "1. (5 dots) Which cartridge fits?", most dots first. */
  readonly rows: readonly string[];
}

/** Characters a line keeps: about what a column of the box holds (VOTE_BOX.columnEms). */
const LINE_CHARACTERS = 64;

const short = (text: string): string => {
  const characters = Array.from(text);
  return characters.length > LINE_CHARACTERS ? `${characters.slice(0, LINE_CHARACTERS - 1).join('')}…` : text;
};

export const voteBoxSection = (results: VoteResults): VoteBoxSection => ({
  question: short(oneLine(results.question) || 'Vote'),
  facts: short(resultsLine(results, oneLine)),
  rows: results.rows.map((row) =>
    short(`${row.rank}. (${dotCount(row.dots)}) ${oneLine(row.text) || '(no text)'}`),
  ),
});

export type VoteBoxLine = { readonly style: 'question' | 'facts' | 'row'; readonly text: string };

/**
 * The lines of the box when `slots` lines fit: each vote's question and facts, then as many of
 * its top rows as its share of the room allows, and "and 3 more" for the rows left out. A vote
 * with fewer rows than its share leaves the rest to the votes after it.
 */
export const voteBoxLines = (sections: readonly VoteBoxSection[], slots: number): VoteBoxLine[] => {
  const lines: VoteBoxLine[] = [];
  let free = slots - 2 * sections.length;
  sections.forEach((section, index) => {
    lines.push({ style: 'question', text: section.question }, { style: 'facts', text: section.facts });
    const share = Math.max(0, Math.floor(free / (sections.length - index)));
    if (share === 0) return;
    if (section.rows.length === 0) {
      lines.push({ style: 'row', text: 'No dots.' });
      free -= 1;
      return;
    }
    const shown = section.rows.length <= share ? section.rows.length : share - 1;
    for (const row of section.rows.slice(0, shown)) lines.push({ style: 'row', text: row });
    if (shown < section.rows.length)
      lines.push({ style: 'row', text: `and ${section.rows.length - shown} more` });
    free -= Math.min(share, section.rows.length);
  });
  return lines.slice(0, Math.max(0, slots));
};

/**
 * The box's proportions in units of its text size: lines 1.35 apart, a padding of 0.8 around,
 * 7 lines (a question, its facts and five rows) in a strip at the bottom and columns 36 wide.
 */
export const VOTE_BOX = { lineHeight: 1.35, padding: 0.8, linesAtBottom: 7, columnEms: 36 } as const;

const BOTTOM_EMS = VOTE_BOX.linesAtBottom * VOTE_BOX.lineHeight + 2 * VOTE_BOX.padding;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * The strip the box takes, mm, at the bottom or the right of paper whose short side is this
 * long: its text grows with the paper like the title block's (6.5 mm high on A1).
 */
export const voteBoxSizeFor = (shortSideMm: number): { bottom: number; right: number } => {
  const text = clamp(shortSideMm * 0.011, 2, 20);
  return { bottom: text * BOTTOM_EMS, right: text * VOTE_BOX.columnEms };
};

/** Where each line goes in a box of this size (page pixels, from its top left), and its text size. */
export interface VoteBoxGrid {
  readonly text: number;
  readonly columns: number;
  readonly rowsPerColumn: number;
  readonly columnWidth: number;
}

export const voteBoxGrid = (width: number, height: number): VoteBoxGrid => {
  // The strip is as high as 7 lines at the bottom, and as wide as a column at the right.
  const text = Math.min(height / BOTTOM_EMS, width / VOTE_BOX.columnEms);
  const columnWidth = text * VOTE_BOX.columnEms;
  return {
    text,
    columns: Math.max(1, Math.floor(width / columnWidth + 1e-9)),
    rowsPerColumn: Math.max(
      0,
      Math.floor((height / text - 2 * VOTE_BOX.padding) / VOTE_BOX.lineHeight + 1e-9),
    ),
    columnWidth,
  };
};

/**
 * The frame's height around `lines` lines, the strip's at most: a short list is not framed in a
 * tall strip.
 */
export const voteBoxFrameHeight = (grid: VoteBoxGrid, lines: number, stripHeight: number): number =>
  Math.min(
    stripHeight,
    (2 * VOTE_BOX.padding + Math.min(lines, grid.rowsPerColumn) * VOTE_BOX.lineHeight) * grid.text,
  );
