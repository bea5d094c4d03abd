import { compareScenarios } from '../../shared/journey/scenarios/compare.ts';
import { type GapSection, gapListNames, gapSections } from '../../shared/journey/scenarios/gap-rows.ts';
import { KIND_LABELS } from '../../shared/journey/scenarios/labels.ts';
import { hasLiveNotes } from '../../shared/journey/scenarios/scenario-edits.ts';
import { gapDotsOf } from '../../shared/journey/votes/gap-dots-of.ts';
import {
  dotCount,
  placeOf,
  type ResultRow,
  resultsLine,
  voteResults,
} from '../../shared/journey/votes/vote-results.ts';
import { resultText } from '../../shared/journey/votes/vote-results-text.ts';
import { type JourneyDocument, scenariosOf } from '../../shared/model/document.ts';
import { shownVote } from '../board/vote-dots.ts';
import type { ChangeLog } from '../store/change-log.ts';
import { GAP_LINE_HEIGHT, gapPages } from './gap-pages.ts';
import { voteResultPages } from './vote-pages.ts';

/** A page of the gap list: the workshop's action list, read out at the end of the walk. */
export interface GapListStep {
  readonly kind: 'gaps';
  /** "Current → Ideal", the scenarios compared. */
  readonly title: string;
  /** 1-based. */
  readonly page: number;
  readonly pages: number;
  readonly sections: readonly GapSection[];
}

/** A page of a vote's results: the notes the room chose, ranked, read out after the gap list. */
export interface VoteResultsStep {
  readonly kind: 'votes';
  readonly question: string;
  /** "Current · 5 voters, 3 dots each · 15 dots". */
  readonly summary: string;
  /** 1-based. */
  readonly page: number;
  readonly pages: number;
  /** The page's rows, each as read out: "1. 5 dots: Which cartridge fits? (Pain point; Purchase, Actions)". */
  readonly rows: readonly { readonly noteId: string; readonly rank: number; readonly text: string }[];
}

/** The steps after the stages. Each kind has its view in FinalStepView (PresentView.tsx). */
export type FinalStep = GapListStep | VoteResultsStep;

/** Sizes of a final step's page, in projector text sizes (the font of its rows). */
export const FINAL_STEP_LAYOUT = {
  /** Space around the page. */
  margin: 1.5,
  /** The title's font size. */
  title: 1.5,
} as const;

/**
 * The steps that end the walk, for a screen (the map area, CSS pixels) and its projector text
 * size: the gap list's pages when the map has an ideal scenario, worked on (an ideal without
 * notes would list every note as removed), that differs from the current one; then the results
 * of the shown scenario's newest vote once revealed: while a vote runs, the room is voting and
 * no results show. `changes` (the store's change log) spares a walk of every record per edit.
 */
export const finalSteps = (
  doc: JourneyDocument,
  scenarioId: string | null,
  screen: { readonly width: number; readonly height: number },
  fontPx: number,
  changes?: ChangeLog,
): FinalStep[] => [
  ...gapListSteps(doc, screen, fontPx),
  ...voteResultsSteps(doc, scenarioId, screen, fontPx, changes),
];

/** A ranked row as present mode reads it out. */
export const resultRowText = (row: ResultRow): string =>
  `${row.rank}. ${dotCount(row.dots)}: ${resultText(row, (text) => text)} (${KIND_LABELS[row.kind]}; ${placeOf(row, (text) => text)})`;

const voteResultsSteps = (
  doc: JourneyDocument,
  scenarioId: string | null,
  screen: { readonly width: number; readonly height: number },
  fontPx: number,
  changes: ChangeLog | undefined,
): VoteResultsStep[] => {
  const vote = scenarioId ? shownVote(doc, scenarioId, true, changes) : null;
  if (!vote?.revealed) return [];
  const results = voteResults(doc, vote);
  const margin = FINAL_STEP_LAYOUT.margin * fontPx;
  // The question (title size) and the summary line head every page.
  const heading = (FINAL_STEP_LAYOUT.title + 1) * fontPx * GAP_LINE_HEIGHT;
  const pages = voteResultPages(
    results.rows,
    resultRowText,
    { width: screen.width - 2 * margin, height: screen.height - 2 * margin - heading },
    fontPx,
  );
  return pages.map((rows, index) => ({
    kind: 'votes',
    question: results.question,
    summary: resultsLine(results, (text) => text),
    page: index + 1,
    pages: pages.length,
    rows: rows.map((row) => ({ noteId: row.noteId, rank: row.rank, text: resultRowText(row) })),
  }));
};

const gapListSteps = (
  doc: JourneyDocument,
  screen: { readonly width: number; readonly height: number },
  fontPx: number,
): GapListStep[] => {
  // The scenarios the compare view compares: the first current one and the last ideal one.
  const scenarios = scenariosOf(doc);
  const current = scenarios.find((scenario) => scenario.kind === 'current');
  const ideal = [...scenarios].reverse().find((scenario) => scenario.kind === 'ideal');
  if (!current || !ideal || !hasLiveNotes(doc, ideal.id)) return [];
  const comparison = compareScenarios(doc, current.id, ideal.id);
  const names = gapListNames(doc, comparison);
  // A revealed vote on the current journey says which gaps the room chose: each row says its dots.
  const dots = gapDotsOf(doc, current.id);
  const sections = gapSections(comparison, names, (text) => text, dots?.dotsOn).filter(
    (section) => section.rows.length > 0,
  );
  if (sections.length === 0) return [];
  const margin = FINAL_STEP_LAYOUT.margin * fontPx;
  const titleHeight = FINAL_STEP_LAYOUT.title * fontPx * GAP_LINE_HEIGHT;
  const pages = gapPages(
    sections,
    { width: screen.width - 2 * margin, height: screen.height - 2 * margin - titleHeight },
    fontPx,
  );
  return pages.map((page, index) => ({
    kind: 'gaps',
    title: `${names.current} → ${names.ideal}`,
    page: index + 1,
    pages: pages.length,
    sections: page,
  }));
};
