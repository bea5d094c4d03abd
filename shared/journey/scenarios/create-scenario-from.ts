import { isLiveNote, type JourneyDocument, liveNotesByZ, scenariosOf, topZ } from '../../model/document.ts';
import { addNote, type MutableDocument, newScenario } from '../../model/edits.ts';
import { newId } from '../../model/ids.ts';
import type { ScenarioKind, ScenarioRecord } from '../../model/journey-records.ts';
import { updateRecord } from '../../model/update.ts';
import {
  hasLiveNotes,
  liveScenario,
  nextScenarioOrder,
  type ScenarioOptions,
  scenarioName,
} from './scenario-edits.ts';

/**
 * "Create ideal from current": a scenario that starts as a copy of another, every note and
 * emotion score of it, each copied note remembering its original (origin) so compare can pair
 * them.
 *
 * Where the copy goes: a new map comes with an empty Ideal, so asking for an ideal fills the
 * first untouched ideal scenario (no live notes, no emotion scores) instead of leaving it empty
 * beside a second one; it is renamed to the name asked for. Otherwise, and for any other kind,
 * a new scenario is added after the last. A scenario someone has worked on is never
 * overwritten: asking again once the Ideal holds notes adds another scenario.
 *
 * Returns the id of the scenario that received the copy.
 */
export const createScenarioFrom = (
  doc: MutableDocument,
  sourceScenarioId: string,
  options: ScenarioOptions,
  now: number = Date.now(),
): string => {
  const source = liveScenario(doc, sourceScenarioId);
  const name = scenarioName(options.name, options.kind);
  const emotions = { ...source.emotions };
  const reusable = options.kind === 'ideal' ? untouchedScenario(doc, 'ideal', source.id) : undefined;
  const targetId = reusable?.id ?? newId();
  doc.records[targetId] = reusable
    ? updateRecord(reusable, { name, emotions, basedOn: source.id }, now)
    : {
        ...newScenario(targetId, name, options.kind, nextScenarioOrder(doc), now),
        emotions,
        basedOn: source.id,
      };
  copyNotes(doc, source.id, targetId, now);
  return targetId;
};

/**
 * "New ideal from current" once the Ideal has been worked on, when the facilitator chose to
 * start it over: the target's notes are deleted and replaced by copies of the source's, and it
 * takes the source's emotion scores. The target keeps its name, kind and place.
 */
export const refillScenarioFrom = (
  doc: MutableDocument,
  sourceScenarioId: string,
  targetScenarioId: string,
  now: number = Date.now(),
): void => {
  const source = liveScenario(doc, sourceScenarioId);
  const target = liveScenario(doc, targetScenarioId);
  if (source.id === target.id) throw new Error(`scenario ${source.id} cannot be refilled from itself`);
  for (const record of Object.values(doc.records))
    if (isLiveNote(record) && record.scenarioId === target.id)
      doc.records[record.id] = updateRecord(record, { isDeleted: true }, now);
  doc.records[target.id] = updateRecord(
    target,
    { emotions: { ...source.emotions }, basedOn: source.id },
    now,
  );
  copyNotes(doc, source.id, target.id, now);
};

/** True once someone has worked on the scenario: it holds notes or emotion scores. */
export const isTouched = (doc: JourneyDocument, scenario: ScenarioRecord): boolean =>
  Object.keys(scenario.emotions).length > 0 || hasLiveNotes(doc, scenario.id);

const untouchedScenario = (
  doc: MutableDocument,
  kind: ScenarioKind,
  exceptId: string,
): ScenarioRecord | undefined =>
  scenariosOf(doc).find(
    (scenario) => scenario.kind === kind && scenario.id !== exceptId && !isTouched(doc, scenario),
  );

/** Copies go on top of every note, bottom to top as the originals are stacked. */
const copyNotes = (doc: MutableDocument, fromId: string, toId: string, now: number): void => {
  const originals = liveNotesByZ(doc).filter((note) => note.scenarioId === fromId);
  const top = topZ(doc);
  originals.forEach((note, index) => {
    addNote(
      doc,
      {
        scenarioId: toId,
        x: note.x,
        y: note.y,
        w: note.w,
        h: note.h,
        text: note.text,
        color: note.color,
        kind: note.kind,
        stageId: note.stageId,
        laneId: note.laneId,
        slot: note.slot,
        channel: note.channel,
        wow: note.wow,
        ratings: note.ratings ? { ...note.ratings } : null,
        origin: note.id,
      },
      now,
      top + 1 + index,
    );
  });
};
