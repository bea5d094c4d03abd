import { scenariosOf } from '../../model/document.ts';
import { addNote, type MutableDocument, type NewNote } from '../../model/edits.ts';
import type { NoteRecord } from '../../model/records.ts';
import { newMapFromTemplate } from '../create-map.ts';
import { lanesOf, stagesOf } from '../layout.ts';
import { templateById } from '../templates.ts';

/** A map from a template, with its Current and Ideal scenarios and notes placed by stage and lane name. */
export interface TestMap {
  readonly doc: MutableDocument;
  readonly currentId: string;
  readonly idealId: string;
  stageId(name: string): string;
  laneId(name: string): string;
  /** A note in the cell of that stage and lane, in the given scenario (Current when not given). */
  put(stage: string, lane: string, note: Omit<NewNote, 'x' | 'y'>): NoteRecord;
  note(id: string): NoteRecord;
}

export const testMap = (templateId = 'customer-experience', name = 'Home printer toner'): TestMap => {
  const template = templateById(templateId);
  if (!template) throw new Error(`no template ${templateId}`);
  const created = newMapFromTemplate(template, name, { now: 1000 });
  const doc: MutableDocument = { id: created.id, records: { ...created.records } };
  const [current, ideal] = scenariosOf(doc);
  if (!current || !ideal) throw new Error('a new map has Current and Ideal');
  const byName = (records: readonly { id: string; name: string }[], wanted: string) => {
    const found = records.find((record) => record.name === wanted);
    if (!found) throw new Error(`no ${wanted}`);
    return found.id;
  };
  const stageId = (wanted: string) => byName(stagesOf(doc), wanted);
  const laneId = (wanted: string) => byName(lanesOf(doc), wanted);
  return {
    doc,
    currentId: current.id,
    idealId: ideal.id,
    stageId,
    laneId,
    put: (stage, lane, note) =>
      addNote(doc, {
        scenarioId: current.id,
        ...note,
        x: 0,
        y: 0,
        stageId: stageId(stage),
        laneId: laneId(lane),
      }),
    note: (id) => {
      const record = doc.records[id];
      if (record?.type !== 'note') throw new Error(`no note ${id}`);
      return record;
    },
  };
};
