import { type JourneyDocument, scenariosOf } from '../../model/document.ts';
import { type MutableDocument, newScenario } from '../../model/edits.ts';
import { newId } from '../../model/ids.ts';
import type { ScenarioKind, ScenarioRecord } from '../../model/journey-records.ts';
import { maxLiveOf } from '../../model/limits.ts';
import { MAP_NAME_MAX } from '../../model/records.ts';
import { recordsOfType } from '../../model/records-by-type.ts';
import { updateRecord } from '../../model/update.ts';

/**
 * Adding, renaming and deleting the scenarios of a map (Current, Ideal, more if wanted). Like
 * the model's edits, each mutates the records it is given and changes records through updateRecord.
 */
export interface ScenarioOptions {
  readonly name: string;
  readonly kind: ScenarioKind;
}

/** The name a scenario gets when it is given a blank one. */
const DEFAULT_NAMES: Readonly<Record<ScenarioKind, string>> = {
  current: 'Current',
  ideal: 'Ideal',
  other: 'Scenario',
};

/** Names share the map name's limit (the file format holds every name to it). */
const cleanName = (name: string): string => name.trim().slice(0, MAP_NAME_MAX);

export const scenarioName = (name: string, kind: ScenarioKind): string =>
  cleanName(name) || DEFAULT_NAMES[kind];

/** The live scenario with this id; anything else is a caller's mistake, reported plainly. */
export const liveScenario = (doc: JourneyDocument, id: string): ScenarioRecord => {
  const record = Object.hasOwn(doc.records, id) ? doc.records[id] : undefined;
  if (record?.type !== 'scenario' || record.isDeleted) throw new Error(`map ${doc.id} has no scenario ${id}`);
  return record;
};

/** The order that places a new scenario after the last one. */
export const nextScenarioOrder = (doc: JourneyDocument): number => {
  const last = scenariosOf(doc).at(-1);
  return last ? last.order + 1 : 0;
};

export const hasLiveNotes = (doc: JourneyDocument, scenarioId: string): boolean =>
  recordsOfType(doc, 'note').some((note) => !note.isDeleted && note.scenarioId === scenarioId);

/** How many live notes a scenario holds (what removing it takes with it). */
export const liveNoteCount = (doc: JourneyDocument, scenarioId: string): number =>
  recordsOfType(doc, 'note').filter((note) => !note.isDeleted && note.scenarioId === scenarioId).length;

/** "Scenario 3" for a map with two: the first such name no live scenario has yet. */
export const nextScenarioName = (doc: JourneyDocument): string => {
  const taken = new Set(scenariosOf(doc).map((scenario) => scenario.name));
  let number = scenariosOf(doc).length + 1;
  while (taken.has(`${DEFAULT_NAMES.other} ${number}`)) number += 1;
  return `${DEFAULT_NAMES.other} ${number}`;
};

/** A new empty scenario after the last one. Returns its id, or null when the map has as many as a map may. */
export const addScenario = (
  doc: MutableDocument,
  options: ScenarioOptions,
  now: number = Date.now(),
): string | null => {
  if (scenariosOf(doc).length >= maxLiveOf('scenario')) return null;
  const id = newId();
  doc.records[id] = newScenario(
    id,
    scenarioName(options.name, options.kind),
    options.kind,
    nextScenarioOrder(doc),
    now,
  );
  return id;
};

/** A blank name keeps the old one, as renaming the map does. */
export const renameScenario = (
  doc: MutableDocument,
  id: string,
  name: string,
  now: number = Date.now(),
): void => {
  const scenario = liveScenario(doc, id);
  doc.records[id] = updateRecord(scenario, { name: cleanName(name) || scenario.name }, now);
};

export type DeleteScenarioResult = 'deleted' | 'last-scenario' | 'missing';

/**
 * Tombstones the scenario, every note in it and every vote on its notes. Every map keeps at
 * least one scenario (notes and the board need one), so deleting the last is refused and
 * changes nothing. Other scenarios' basedOn and their notes' origins may still name what was
 * deleted: they record history, and compare only pairs live notes.
 */
export const deleteScenario = (
  doc: MutableDocument,
  id: string,
  now: number = Date.now(),
): DeleteScenarioResult => {
  const scenario = Object.hasOwn(doc.records, id) ? doc.records[id] : undefined;
  if (scenario?.type !== 'scenario' || scenario.isDeleted) return 'missing';
  if (scenariosOf(doc).length <= 1) return 'last-scenario';
  for (const record of Object.values(doc.records))
    if ((record.type === 'note' || record.type === 'vote') && !record.isDeleted && record.scenarioId === id)
      doc.records[record.id] = updateRecord(record, { isDeleted: true }, now);
  doc.records[id] = updateRecord(scenario, { isDeleted: true }, now);
  return 'deleted';
};
