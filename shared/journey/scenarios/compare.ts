import type { JourneyDocument } from '../../model/document.ts';
import type { Channel, NoteKind, ScenarioRecord, TouchpointRatings } from '../../model/journey-records.ts';
import type { NoteRecord } from '../../model/records.ts';
import { recordsOfType } from '../../model/records-by-type.ts';
import { lanesOf, stagesOf } from '../layout.ts';
import { counterpartsIn } from './counterparts.ts';
import { RATING_KEYS } from './labels.ts';
import { liveScenario } from './scenario-edits.ts';

/**
 * Current and ideal compared stage by stage: the gaps a workshop turns into its action list.
 * Notes are paired through their origin (see counterparts.ts); only live notes count.
 */
export interface PlaceRef {
  readonly id: string;
  readonly name: string;
}

interface FieldChange<F extends string, V> {
  readonly field: F;
  readonly current: V;
  readonly ideal: V;
}

/** What differs between a current note and its ideal version. `stage` null is outside the grid. */
export type NoteChange =
  | FieldChange<'text', string>
  | FieldChange<'kind', NoteKind>
  | FieldChange<'channel', Channel | null>
  | FieldChange<'wow', boolean>
  | FieldChange<'ratings', TouchpointRatings | null>
  | FieldChange<'stage', PlaceRef | null>
  | FieldChange<'lane', PlaceRef | null>;

export interface ChangedNote {
  readonly current: NoteRecord;
  readonly ideal: NoteRecord;
  readonly changes: readonly NoteChange[];
}

/** A current breakdown point the ideal no longer has: removed (ideal null) or turned into another kind. */
export interface ResolvedBreakdown {
  readonly current: NoteRecord;
  readonly ideal: NoteRecord | null;
}

/**
 * A breakdown point in the ideal: carried over from current with the same text ('unchanged',
 * which the insight panel warns about), carried over and reworded, or new in the ideal (`current`
 * is then null).
 */
export interface OpenBreakdown {
  readonly ideal: NoteRecord;
  readonly current: NoteRecord | null;
  readonly status: 'unchanged' | 'reworded' | 'new';
}

/** Emotion scores of a stage; delta (ideal − current) is null unless both are scored. */
export interface EmotionChange {
  readonly current: number | null;
  readonly ideal: number | null;
  readonly delta: number | null;
}

export interface StageGap {
  /** null: the notes outside the grid (or between stages). */
  readonly stage: PlaceRef | null;
  readonly touchpoints: {
    /** In the ideal with no counterpart in current. */
    readonly added: readonly NoteRecord[];
    /** In current with no version in the ideal. */
    readonly removed: readonly NoteRecord[];
    /** Pairs where either side is a touchpoint and something differs. */
    readonly changed: readonly ChangedNote[];
  };
  readonly breakdowns: {
    readonly resolved: readonly ResolvedBreakdown[];
    readonly open: readonly OpenBreakdown[];
  };
  /** null for the bucket outside the grid, which has no score. */
  readonly emotion: EmotionChange | null;
}

export interface ComparisonTotals {
  readonly touchpointsAdded: number;
  readonly touchpointsRemoved: number;
  readonly touchpointsChanged: number;
  readonly breakdownsResolved: number;
  readonly breakdownsOpen: number;
  /** Of the open ones, those carried over unchanged. */
  readonly breakdownsUnchanged: number;
  /** Stages whose emotion score rose or fell (both scored). */
  readonly emotionBetter: number;
  readonly emotionWorse: number;
}

export interface Comparison {
  readonly currentId: string;
  readonly idealId: string;
  /** Every stage in order, then the bucket outside the grid when it holds any gap. */
  readonly stages: readonly StageGap[];
  readonly totals: ComparisonTotals;
}

interface Bucket {
  readonly added: NoteRecord[];
  readonly removed: NoteRecord[];
  readonly changed: ChangedNote[];
  readonly resolved: ResolvedBreakdown[];
  readonly open: OpenBreakdown[];
}

const emptyBucket = (): Bucket => ({ added: [], removed: [], changed: [], resolved: [], open: [] });

export const compareScenarios = (doc: JourneyDocument, currentId: string, idealId: string): Comparison => {
  if (currentId === idealId) throw new Error('compare needs two different scenarios');
  const current = liveScenario(doc, currentId);
  const ideal = liveScenario(doc, idealId);
  const places = placesOf(doc);
  const currentNotes = notesOf(doc, currentId, places);
  const idealNotes = notesOf(doc, idealId, places);

  const originals = new Map<string, NoteRecord>();
  const versions = new Map<string, NoteRecord[]>();
  const counterpartOf = counterpartsIn(doc, currentId);
  for (const note of idealNotes) {
    const original = counterpartOf(note);
    if (!original) continue;
    originals.set(note.id, original);
    const earlier = versions.get(original.id);
    if (earlier) earlier.push(note);
    else versions.set(original.id, [note]);
  }

  const buckets = new Map<string | null, Bucket>();
  const bucketOf = (note: NoteRecord): Bucket => {
    const key = places.stageIdOf(note);
    const bucket = buckets.get(key) ?? emptyBucket();
    buckets.set(key, bucket);
    return bucket;
  };

  for (const note of currentNotes) {
    const later = versions.get(note.id) ?? [];
    if (note.kind === 'touchpoint' && later.length === 0) bucketOf(note).removed.push(note);
    if (note.kind === 'breakdown' && !later.some((version) => version.kind === 'breakdown'))
      bucketOf(note).resolved.push({ current: note, ideal: later[0] ?? null });
  }
  for (const note of idealNotes) {
    const original = originals.get(note.id) ?? null;
    if (note.kind === 'touchpoint' && !original) bucketOf(note).added.push(note);
    if (original && (note.kind === 'touchpoint' || original.kind === 'touchpoint')) {
      const changes = changesBetween(original, note, places);
      if (changes.length > 0) bucketOf(note).changed.push({ current: original, ideal: note, changes });
    }
    if (note.kind === 'breakdown') bucketOf(note).open.push(openBreakdown(note, original));
  }

  const stages: StageGap[] = places.stages.map((stage) => ({
    ...gapOf(buckets.get(stage.id) ?? emptyBucket(), stage),
    emotion: emotionChange(current, ideal, stage.id),
  }));
  const outside = buckets.get(null);
  if (outside) stages.push({ ...gapOf(outside, null), emotion: null });
  return { currentId, idealId, stages, totals: totalsOf(stages) };
};

const gapOf = (bucket: Bucket, stage: PlaceRef | null): Omit<StageGap, 'emotion'> => ({
  stage,
  touchpoints: { added: bucket.added, removed: bucket.removed, changed: bucket.changed },
  breakdowns: { resolved: bucket.resolved, open: bucket.open },
});

const openBreakdown = (ideal: NoteRecord, original: NoteRecord | null): OpenBreakdown => {
  if (original?.kind !== 'breakdown') return { ideal, current: null, status: 'new' };
  return { ideal, current: original, status: sameText(original.text, ideal.text) ? 'unchanged' : 'reworded' };
};

/** Stages and lanes by id, and where a note sits among them. */
interface Places {
  readonly stages: readonly PlaceRef[];
  readonly stageById: ReadonlyMap<string, PlaceRef>;
  readonly laneById: ReadonlyMap<string, PlaceRef & { readonly index: number }>;
  /** The stage a note is in, or null outside the grid (no cell, or its stage or lane deleted). */
  stageIdOf(note: NoteRecord): string | null;
}

const placesOf = (doc: JourneyDocument): Places => {
  const stages = stagesOf(doc).map(({ id, name }) => ({ id, name }));
  const stageById = new Map(stages.map((stage) => [stage.id, stage]));
  const laneById = new Map(lanesOf(doc).map(({ id, name }, index) => [id, { id, name, index }]));
  return {
    stages,
    stageById,
    laneById,
    stageIdOf: (note) =>
      note.stageId !== null &&
      note.laneId !== null &&
      stageById.has(note.stageId) &&
      laneById.has(note.laneId)
        ? note.stageId
        : null,
  };
};

/** A scenario's live notes in reading order: lane by lane, then slot; free notes top to bottom. */
const notesOf = (doc: JourneyDocument, scenarioId: string, places: Places): NoteRecord[] => {
  const laneIndex = (note: NoteRecord) =>
    places.stageIdOf(note) === null
      ? Number.POSITIVE_INFINITY
      : (places.laneById.get(note.laneId ?? '')?.index ?? Number.POSITIVE_INFINITY);
  return recordsOfType(doc, 'note')
    .filter((note) => !note.isDeleted && note.scenarioId === scenarioId)
    .sort(
      (a, b) =>
        laneIndex(a) - laneIndex(b) ||
        a.slot - b.slot ||
        a.y - b.y ||
        a.x - b.x ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
};

/** Spacing is not a change worth an action item. */
const sameText = (a: string, b: string): boolean => normalize(a) === normalize(b);
const normalize = (text: string) => text.trim().replace(/\s+/g, ' ');

/** No ratings and three unrated values read the same on the note. */
const sameRatings = (a: TouchpointRatings | null, b: TouchpointRatings | null): boolean =>
  RATING_KEYS.every((key) => (a?.[key] ?? null) === (b?.[key] ?? null));

const changesBetween = (current: NoteRecord, ideal: NoteRecord, places: Places): NoteChange[] => {
  const changes: NoteChange[] = [];
  if (!sameText(current.text, ideal.text))
    changes.push({ field: 'text', current: current.text, ideal: ideal.text });
  if (current.kind !== ideal.kind) changes.push({ field: 'kind', current: current.kind, ideal: ideal.kind });
  if (current.channel !== ideal.channel)
    changes.push({ field: 'channel', current: current.channel, ideal: ideal.channel });
  if (current.wow !== ideal.wow) changes.push({ field: 'wow', current: current.wow, ideal: ideal.wow });
  if (!sameRatings(current.ratings, ideal.ratings))
    changes.push({ field: 'ratings', current: current.ratings, ideal: ideal.ratings });
  const fromStage = places.stageIdOf(current);
  const toStage = places.stageIdOf(ideal);
  if (fromStage !== toStage)
    changes.push({
      field: 'stage',
      current: places.stageById.get(fromStage ?? '') ?? null,
      ideal: places.stageById.get(toStage ?? '') ?? null,
    });
  if (fromStage !== null && toStage !== null && current.laneId !== ideal.laneId)
    changes.push({
      field: 'lane',
      current: laneRef(places, current.laneId),
      ideal: laneRef(places, ideal.laneId),
    });
  return changes;
};

const laneRef = (places: Places, laneId: string | null): PlaceRef | null => {
  const lane = places.laneById.get(laneId ?? '');
  return lane ? { id: lane.id, name: lane.name } : null;
};

const scoreOf = (scenario: ScenarioRecord, stageId: string): number | null => {
  const score = Object.hasOwn(scenario.emotions, stageId) ? scenario.emotions[stageId] : undefined;
  return typeof score === 'number' && Number.isFinite(score) ? score : null;
};

const emotionChange = (current: ScenarioRecord, ideal: ScenarioRecord, stageId: string): EmotionChange => {
  const from = scoreOf(current, stageId);
  const to = scoreOf(ideal, stageId);
  return { current: from, ideal: to, delta: from !== null && to !== null ? to - from : null };
};

const totalsOf = (stages: readonly StageGap[]): ComparisonTotals => {
  const count = (pick: (gap: StageGap) => number) => stages.reduce((sum, gap) => sum + pick(gap), 0);
  return {
    touchpointsAdded: count((gap) => gap.touchpoints.added.length),
    touchpointsRemoved: count((gap) => gap.touchpoints.removed.length),
    touchpointsChanged: count((gap) => gap.touchpoints.changed.length),
    breakdownsResolved: count((gap) => gap.breakdowns.resolved.length),
    breakdownsOpen: count((gap) => gap.breakdowns.open.length),
    breakdownsUnchanged: count(
      (gap) => gap.breakdowns.open.filter((breakdown) => breakdown.status === 'unchanged').length,
    ),
    emotionBetter: count((gap) => ((gap.emotion?.delta ?? 0) > 0 ? 1 : 0)),
    emotionWorse: count((gap) => ((gap.emotion?.delta ?? 0) < 0 ? 1 : 0)),
  };
};
