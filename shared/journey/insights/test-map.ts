import { mapRecordOf, scenariosOf } from '../../model/document.ts';
import { addNote, deleteRecords, type MutableDocument, type NewNote } from '../../model/edits.ts';
import type { InsightSettings, LaneRole, NoteKind } from '../../model/journey-records.ts';
import { updateRecord } from '../../model/update.ts';
import { newMapFromTemplate } from '../create-map.ts';
import { lanesOf, stagesOf } from '../layout.ts';
import { templateById } from '../templates.ts';
import { insightContext } from './context.ts';
import type { Insight, InsightRule } from './insight.ts';

/**
 * A map built the way a facilitator builds one, for the rules' tests: a template, then notes
 * typed into cells by stage name and lane role.
 */
export const testMap = (templateId = 'customer-experience') => {
  const template = templateById(templateId);
  if (!template) throw new Error(`no template ${templateId}`);
  const created = newMapFromTemplate(template, 'Home printer toner');
  const doc: MutableDocument = { id: created.id, records: { ...created.records } };
  const scenarioOfKind = (kind: 'current' | 'ideal') => {
    const scenario = scenariosOf(doc).find((candidate) => candidate.kind === kind);
    if (!scenario) throw new Error(`no ${kind} scenario`);
    return scenario.id;
  };
  const current = scenarioOfKind('current');
  const ideal = scenarioOfKind('ideal');

  const stage = (name: string): string => {
    const found = stagesOf(doc).find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no stage ${name}`);
    return found.id;
  };
  const lane = (role: LaneRole): string => {
    const found = lanesOf(doc).find((candidate) => candidate.role === role);
    if (!found) throw new Error(`no lane ${role}`);
    return found.id;
  };
  const laneFor: Partial<Record<NoteKind, LaneRole>> = {
    touchpoint: 'touchpoints',
    breakdown: 'breakdowns',
    opportunity: 'opportunities',
  };

  /** Types a note of a kind into a stage, in the lane for that kind unless told otherwise. */
  const note = (
    kind: NoteKind,
    stageName: string | null,
    extra: Partial<NewNote> & { lane?: LaneRole } = {},
  ) => {
    const { lane: role, ...rest } = extra;
    const stageId = stageName === null ? null : stage(stageName);
    const laneId = stageName === null ? null : lane(role ?? laneFor[kind] ?? 'actions');
    return addNote(doc, { x: 0, y: 0, kind, stageId, laneId, scenarioId: current, ...rest }).id;
  };

  const setEmotion = (stageName: string, score: number, scenarioId = current) => {
    const scenario = doc.records[scenarioId];
    if (scenario?.type !== 'scenario') throw new Error(`no scenario ${scenarioId}`);
    doc.records[scenarioId] = updateRecord(scenario, {
      emotions: { ...scenario.emotions, [stage(stageName)]: score },
    });
  };

  const setSettings = (changes: Partial<InsightSettings>) => {
    const map = mapRecordOf(doc);
    doc.records[doc.id] = updateRecord(map, { insightSettings: { ...map.insightSettings, ...changes } });
  };

  const hideLane = (role: LaneRole) => {
    const record = doc.records[lane(role)];
    if (record?.type === 'lane') doc.records[record.id] = updateRecord(record, { hidden: true });
  };

  /** What one rule says about a scenario. */
  const check = (rule: InsightRule, scenarioId = current): Insight[] => {
    const scenario = doc.records[scenarioId];
    if (scenario?.type !== 'scenario') throw new Error(`no scenario ${scenarioId}`);
    return rule(insightContext(doc, scenario));
  };

  return {
    doc,
    current,
    ideal,
    stage,
    lane,
    note,
    setEmotion,
    setSettings,
    hideLane,
    check,
    remove: (...ids: string[]) => deleteRecords(doc, ids),
  };
};
