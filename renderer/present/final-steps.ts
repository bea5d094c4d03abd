import { compareScenarios } from '../../shared/journey/scenarios/compare.ts';
import { type GapSection, gapListNames, gapSections } from '../../shared/journey/scenarios/gap-rows.ts';
import { hasLiveNotes } from '../../shared/journey/scenarios/scenario-edits.ts';
import { type JourneyDocument, scenariosOf } from '../../shared/model/document.ts';
import { GAP_LINE_HEIGHT, gapPages } from './gap-pages.ts';

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

/**
 * The steps after the stages. Each kind has its view in FinalStepView (PresentView.tsx); the
 * vote results join them here: a member of this union, and their steps in finalSteps.
 */
export type FinalStep = GapListStep;

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
 * notes would list every note as removed), that differs from the current one.
 */
export const finalSteps = (
  doc: JourneyDocument,
  screen: { readonly width: number; readonly height: number },
  fontPx: number,
): FinalStep[] => [...gapListSteps(doc, screen, fontPx)];

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
  const sections = gapSections(comparison, names, (text) => text).filter(
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
