import { isLiveNote, type JourneyDocument } from './document.ts';
import type { ScenarioRecord } from './journey-records.ts';
import type { JourneyRecord } from './records.ts';

/** The live notes of a map, in all and per scenario id. */
export interface NoteCounts {
  readonly total: number;
  readonly byScenario: Readonly<Record<string, number>>;
}

/** Counts the live notes of every scenario in one walk over the records. */
export const countNotes = (records: JourneyDocument['records']): NoteCounts => {
  const byScenario: Record<string, number> = {};
  let total = 0;
  for (const record of Object.values(records)) {
    if (!isLiveNote(record)) continue;
    total++;
    byScenario[record.scenarioId] = (byScenario[record.scenarioId] ?? 0) + 1;
  }
  return { total, byScenario };
};

/**
 * The counts after some records changed, from the counts before and each changed record as it
 * was and is (undefined where it did not or no longer exists): no walk over the map.
 */
export const recountNotes = (
  counts: NoteCounts,
  changes: Iterable<readonly [before: JourneyRecord | undefined, after: JourneyRecord | undefined]>,
): NoteCounts => {
  const byScenario: Record<string, number> = { ...counts.byScenario };
  let total = counts.total;
  for (const [before, after] of changes) {
    if (isLiveNote(before)) {
      total--;
      byScenario[before.scenarioId] = (byScenario[before.scenarioId] ?? 0) - 1;
    }
    if (isLiveNote(after)) {
      total++;
      byScenario[after.scenarioId] = (byScenario[after.scenarioId] ?? 0) + 1;
    }
  }
  for (const [id, count] of Object.entries(byScenario)) if (count <= 0) delete byScenario[id];
  return { total, byScenario };
};

/** The scenarios that hold notes, in their order, with their names: what a library card lists. */
export const notesPerScenario = (
  doc: JourneyDocument,
  counts: NoteCounts,
): { readonly name: string; readonly notes: number }[] => {
  const listed: { readonly scenario: ScenarioRecord; readonly notes: number }[] = [];
  for (const [id, notes] of Object.entries(counts.byScenario)) {
    const scenario = doc.records[id];
    if (scenario?.type === 'scenario' && !scenario.isDeleted) listed.push({ scenario, notes });
  }
  return listed
    .sort((a, b) => a.scenario.order - b.scenario.order || (a.scenario.id < b.scenario.id ? -1 : 1))
    .map(({ scenario, notes }) => ({ name: scenario.name, notes }));
};
