import type { JourneyDocument } from '../../model/document.ts';
import type {
  InsightSettings,
  LaneRecord,
  NoteKind,
  ScenarioRecord,
  StageRecord,
} from '../../model/journey-records.ts';
import type { NoteRecord } from '../../model/records.ts';
import type { RuleId } from './rules.ts';

/** One thing the map's rules say about a scenario, with what to highlight when it is clicked. */
export interface Insight {
  /** Stable while the finding stands: rule, scenario and subject, so the panel keeps its place. */
  readonly id: string;
  readonly rule: RuleId;
  readonly severity: 'warning' | 'info' | 'ok';
  /** A short sentence in the product's words. */
  readonly title: string;
  /** Why it matters, citing the article the rule comes from. */
  readonly detail: string;
  readonly noteIds: readonly string[];
  readonly stageIds: readonly string[];
  readonly laneIds: readonly string[];
}

/** What every rule reads, computed once per check. */
export interface InsightContext {
  readonly doc: JourneyDocument;
  readonly scenario: ScenarioRecord;
  readonly settings: InsightSettings;
  /** Stages in left-to-right order. */
  readonly stages: readonly StageRecord[];
  /** Lanes in top-to-bottom order, hidden ones included. */
  readonly lanes: readonly LaneRecord[];
  /** The scenario's notes a facilitator can see (not deleted, not in a hidden lane), by kind. */
  readonly notesByKind: ReadonlyMap<NoteKind, readonly NoteRecord[]>;
  /** The scenario's notes in the cells of each stage, by stage id; a stage with none is absent. */
  readonly notesByStage: ReadonlyMap<string, readonly NoteRecord[]>;
  /** The scenario's notes in the cells of each lane, by lane id; a lane with none is absent. */
  readonly notesByLane: ReadonlyMap<string, readonly NoteRecord[]>;
  /** The stage whose cell a note sits in, or null for a note outside the grid. */
  readonly stageOf: (note: NoteRecord) => string | null;
}

export type InsightRule = (context: InsightContext) => Insight[];

/** Builds an insight whose id is made of its rule, its scenario and its subject. */
export const insight = (
  context: InsightContext,
  rule: RuleId,
  subject: string,
  finding: Omit<Insight, 'id' | 'rule' | 'noteIds' | 'stageIds' | 'laneIds'> &
    Partial<Pick<Insight, 'noteIds' | 'stageIds' | 'laneIds'>>,
): Insight => ({
  id: `${rule}:${context.scenario.id}:${subject}`,
  rule,
  noteIds: [],
  stageIds: [],
  laneIds: [],
  ...finding,
});
