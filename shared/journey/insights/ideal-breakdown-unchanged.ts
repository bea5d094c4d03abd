import { isLiveNote } from '../../model/document.ts';
import type { JourneyRecord, NoteRecord } from '../../model/records.ts';
import { type Insight, type InsightRule, insight } from './insight.ts';
import { notesOfKind, stageIdsHolding } from './note-queries.ts';
import { IDEAL_EXPERIENCE } from './sources.ts';
import { quoted } from './wording.ts';

const sameText = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Seed 001: the ideal experience is where the business prevents the breakdown points of the
 * current one; a breakdown copied into the ideal scenario and left as it was is still open.
 */
export const idealBreakdownUnchanged: InsightRule = (context) => {
  if (context.scenario.kind !== 'ideal') return [];
  const findings: Insight[] = [];
  for (const breakdown of notesOfKind(context, 'breakdown')) {
    const origin = breakdown.origin === null ? undefined : context.doc.records[breakdown.origin];
    if (!isUnchangedCopy(breakdown, origin, context.scenario.id)) continue;
    const from = context.doc.records[origin.scenarioId];
    const fromName = from?.type === 'scenario' ? from.name : 'another scenario';
    findings.push(
      insight(context, 'ideal-breakdown-unchanged', breakdown.id, {
        severity: 'warning',
        title: `Breakdown point ${quoted(breakdown.text)} carried over unchanged from ${fromName}`,
        detail:
          'The ideal experience is where the business designs out the breakdown points of the current ' +
          `one ${IDEAL_EXPERIENCE}: remove it once the ideal prevents it, or rewrite it as the risk that remains.`,
        noteIds: [breakdown.id],
        stageIds: stageIdsHolding(context, [breakdown]),
      }),
    );
  }
  return findings;
};

const isUnchangedCopy = (
  breakdown: NoteRecord,
  origin: JourneyRecord | undefined,
  scenarioId: string,
): origin is NoteRecord =>
  isLiveNote(origin) &&
  origin.kind === 'breakdown' &&
  origin.scenarioId !== scenarioId &&
  origin.stageId === breakdown.stageId &&
  sameText(origin.text, breakdown.text);
