import { liveNotesByZ, scenariosOf, topZ } from '../../model/document.ts';
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

const untouchedScenario = (
  doc: MutableDocument,
  kind: ScenarioKind,
  exceptId: string,
): ScenarioRecord | undefined =>
  scenariosOf(doc).find(
    (scenario) =>
      scenario.kind === kind &&
      scenario.id !== exceptId &&
      Object.keys(scenario.emotions).length === 0 &&
      !hasLiveNotes(doc, scenario.id),
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
