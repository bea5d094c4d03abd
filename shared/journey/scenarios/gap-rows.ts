import { type JourneyDocument, mapRecordOf } from '../../model/document.ts';
import type { NoteRecord } from '../../model/records.ts';
import type { ChangedNote, Comparison, ComparisonTotals, NoteChange, StageGap } from './compare.ts';
import { CHANNEL_LABELS, formatScore, KIND_LABELS, OUTSIDE_THE_GRID, RATING_KEYS } from './labels.ts';
import { liveScenario } from './scenario-edits.ts';

/**
 * The gap list, format-neutral: one section per stage, one row per action item. The text, CSV
 * and Markdown files are written from these rows. Every piece of text a person typed (notes,
 * stage, lane and scenario names) goes through `userText`, so each format escapes it its own
 * way and nothing else.
 */
export interface GapListNames {
  readonly map: string;
  readonly current: string;
  readonly ideal: string;
}

export interface GapRow {
  /** What happened: "Touchpoint added", "Breakdown point still open", "Emotion changed"... */
  readonly change: string;
  readonly kind: string;
  /** The current note's text (or emotion score); empty when it has none. */
  readonly current: string;
  readonly ideal: string;
  /** Channel, marks, what changed, whether a breakdown point is carried over... */
  readonly detail: string;
  /** The row's texts in one phrase: `"old" → "new"`, or the one note's text. */
  readonly subject: string;
  /**
   * The room's dots on the row's current note, when a vote feeds the list (see GapDots) and the
   * note could get dots in it; absent otherwise (an added touchpoint, an emotion score).
   */
  readonly dots?: number;
}

export interface GapSection {
  readonly stage: string;
  readonly rows: readonly GapRow[];
}

export type UserText = (text: string) => string;

/**
 * The kind to show beside a row's change where the change doesn't already name it: "Touchpoint
 * changed · Opportunity", never "Touchpoint added · Touchpoint". Empty when it would repeat.
 */
export const kindBesideChange = (row: Pick<GapRow, 'change' | 'kind'>): string =>
  row.kind === '' || row.change.toLowerCase().startsWith(row.kind.toLowerCase()) ? '' : row.kind;

/** The map and scenario names a comparison's gap list is headed with. */
export const gapListNames = (doc: JourneyDocument, comparison: Comparison): GapListNames => ({
  map: mapRecordOf(doc).name,
  current: liveScenario(doc, comparison.currentId).name,
  ideal: liveScenario(doc, comparison.idealId).name,
});

/** The room's dots on a current note (see GapDots.dotsOn). */
export type DotsOn = (note: NoteRecord) => number | undefined;

/** `dotsOn`: the dots of the vote feeding the list, if one does; each row then carries its note's. */
export const gapSections = (
  comparison: Comparison,
  names: GapListNames,
  userText: UserText,
  dotsOn?: DotsOn,
): GapSection[] =>
  comparison.stages.map((gap) => ({
    stage: gap.stage ? userText(gap.stage.name) : OUTSIDE_THE_GRID,
    rows: rowsOf(gap, names, userText, dotsOn),
  }));

const rowsOf = (gap: StageGap, names: GapListNames, userText: UserText, dotsOn?: DotsOn): GapRow[] => {
  const text = (note: NoteRecord | null) => (note === null ? '' : noteText(note, userText));
  /** `about`: the current note the row is about, whose dots it carries; null for none. */
  const row = (
    change: string,
    kind: string,
    about: NoteRecord | null,
    ideal: string,
    detail: string,
  ): GapRow => {
    const current = text(about);
    const dots = about && dotsOn ? dotsOn(about) : undefined;
    const base = { change, kind, current, ideal, detail, subject: quotedSubject(current, ideal) };
    return dots === undefined ? base : { ...base, dots };
  };
  const idealName = userText(names.ideal);
  const rows: GapRow[] = [];
  for (const note of gap.touchpoints.added)
    rows.push(row('Touchpoint added', KIND_LABELS[note.kind], null, text(note), marksOf(note)));
  for (const note of gap.touchpoints.removed)
    rows.push(row('Touchpoint removed', KIND_LABELS[note.kind], note, '', marksOf(note)));
  for (const pair of gap.touchpoints.changed)
    rows.push(
      row(
        'Touchpoint changed',
        KIND_LABELS[pair.ideal.kind],
        pair.current,
        text(pair.ideal),
        describeChanges(pair, userText),
      ),
    );
  for (const { current, ideal: after } of gap.breakdowns.resolved)
    rows.push(
      row(
        'Breakdown point resolved',
        KIND_LABELS.breakdown,
        current,
        text(after),
        after ? `changed to ${KIND_LABELS[after.kind]}` : `removed in ${idealName}`,
      ),
    );
  for (const open of gap.breakdowns.open)
    rows.push(
      row(
        'Breakdown point still open',
        KIND_LABELS.breakdown,
        open.current,
        text(open.ideal),
        open.status === 'unchanged'
          ? 'carried over unchanged'
          : open.status === 'reworded'
            ? 'carried over, reworded'
            : `new in ${idealName}`,
      ),
    );
  const emotion = gap.emotion;
  if (emotion && emotion.current !== emotion.ideal) {
    const current = formatScore(emotion.current);
    const after = formatScore(emotion.ideal);
    const detail =
      emotion.delta === null
        ? `not scored in ${emotion.current === null ? userText(names.current) : idealName}`
        : emotion.delta > 0
          ? `better by ${emotion.delta}`
          : `worse by ${-emotion.delta}`;
    rows.push({
      change: 'Emotion changed',
      kind: 'Emotion',
      current,
      ideal: after,
      detail,
      subject: `${current} → ${after}`,
    });
  }
  return rows;
};

const noteText = (note: NoteRecord, userText: UserText): string =>
  note.text.trim() === '' ? '(no text)' : userText(note.text);

const quotedSubject = (current: string, ideal: string): string => {
  if (current !== '' && ideal !== '' && current !== ideal) return `"${current}" → "${ideal}"`;
  return `"${current || ideal}"`;
};

/** A touchpoint's channel, stamp and ratings, as the note shows them. */
const marksOf = (note: NoteRecord): string => {
  const marks: string[] = [];
  if (note.channel) marks.push(CHANNEL_LABELS[note.channel]);
  if (note.wow) marks.push('stamp of authenticity');
  const rated = RATING_KEYS.flatMap((key) => {
    const value = note.ratings?.[key] ?? null;
    return value === null ? [] : [`${key} ${value}`];
  });
  if (rated.length > 0) marks.push(rated.join(', '));
  return marks.join('; ');
};

const describeChanges = (pair: ChangedNote, userText: UserText): string =>
  pair.changes.map((change) => describeChange(change, userText)).join('; ');

const describeChange = (change: NoteChange, userText: UserText): string => {
  switch (change.field) {
    case 'text':
      return 'text changed';
    case 'kind':
      return `kind: ${KIND_LABELS[change.current]} → ${KIND_LABELS[change.ideal]}`;
    case 'channel': {
      const label = (channel: typeof change.current) => (channel ? CHANNEL_LABELS[channel] : 'no channel');
      return `channel: ${label(change.current)} → ${label(change.ideal)}`;
    }
    case 'wow':
      return change.ideal ? 'now a stamp of authenticity' : 'no longer a stamp of authenticity';
    case 'ratings':
      return RATING_KEYS.flatMap((key) => {
        const from = change.current?.[key] ?? null;
        const to = change.ideal?.[key] ?? null;
        return from === to ? [] : [`${key} ${from ?? 'not rated'} → ${to ?? 'not rated'}`];
      }).join(', ');
    case 'stage':
      return `moved: ${placeName(change.current, userText)} → ${placeName(change.ideal, userText)}`;
    case 'lane':
      return `lane: ${placeName(change.current, userText)} → ${placeName(change.ideal, userText)}`;
  }
};

const placeName = (place: { readonly name: string } | null, userText: UserText): string =>
  place ? userText(place.name) : OUTSIDE_THE_GRID.toLowerCase();

const count = (n: number, one: string, many: string = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The totals, one line per subject. */
export const totalsLines = (totals: ComparisonTotals): string[] => [
  `Touchpoints: ${totals.touchpointsAdded} added, ${totals.touchpointsRemoved} removed, ${totals.touchpointsChanged} changed`,
  `Breakdown points: ${totals.breakdownsResolved} resolved, ${totals.breakdownsOpen} still open (${totals.breakdownsUnchanged} carried over unchanged)`,
  `Emotion: better in ${count(totals.emotionBetter, 'stage')}, worse in ${count(totals.emotionWorse, 'stage')}`,
];
