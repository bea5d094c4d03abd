import { beforeEach, describe, expect, it } from 'vitest';
import { addHeader } from '../../shared/journey/structure-edits.ts';
import { firstScenarioId } from '../../shared/model/document.ts';
import { addNote, newMapDocument, updateNote } from '../../shared/model/edits.ts';
import { FILE_LIMITS } from '../../shared/model/limits.ts';
import { noticeStore } from '../ui/notice-store.ts';
import { type BoardStore, createBoardStore } from './index.ts';

let store: BoardStore;
let cell: { scenarioId: string; stageId: string; laneId: string };
let nextCell: { scenarioId: string; stageId: string; laneId: string };

const notesIn = (where: typeof cell): number =>
  Object.values(store.getState().doc?.records ?? {}).filter(
    (record) =>
      record.type === 'note' &&
      !record.isDeleted &&
      record.scenarioId === where.scenarioId &&
      record.stageId === where.stageId &&
      record.laneId === where.laneId,
  ).length;

const fill = (where: typeof cell, count: number, label = 'Paste') =>
  store.getState().edit(label, (draft) => {
    for (let slot = 0; slot < count; slot++) addNote(draft, { x: 0, y: 0, text: `n${slot}`, slot, ...where });
  });

beforeEach(() => {
  store = createBoardStore();
  const doc = newMapDocument('Limits');
  store.getState().loadDocument(doc);
  store.getState().edit('Structure', (draft) => {
    const stageId = addHeader(draft, 'stage', 'Request') ?? '';
    const nextStageId = addHeader(draft, 'stage', 'Respond') ?? '';
    const laneId = addHeader(draft, 'lane', 'Touchpoints') ?? '';
    cell = { scenarioId: firstScenarioId(doc), stageId, laneId };
    nextCell = { ...cell, stageId: nextStageId };
  });
  noticeStore.getState().dismiss();
});

describe('a cell holds at most the notes a map file may hold in one cell', () => {
  it('a paste that would overfill a cell is refused whole, with a message; the cell is as it was', () => {
    fill(cell, FILE_LIMITS.maxNotesPerCell - 1);
    const before = store.getState().doc;
    fill(cell, 2);
    expect(store.getState().doc).toBe(before);
    expect(notesIn(cell)).toBe(FILE_LIMITS.maxNotesPerCell - 1);
    expect(noticeStore.getState().message).toBe(
      'That would put 1,001 notes in one cell, past the 1,000 a cell can hold, so nothing was changed. Put them in another cell or outside the grid.',
    );
    fill(cell, 1);
    expect(notesIn(cell)).toBe(FILE_LIMITS.maxNotesPerCell);
  });

  it('dragging a note into a full cell is refused; editing the text of a note in a full cell is not', () => {
    fill(cell, FILE_LIMITS.maxNotesPerCell);
    fill(nextCell, 1);
    const [outside] = Object.values(store.getState().doc?.records ?? {}).filter(
      (record) => record.type === 'note' && record.stageId === nextCell.stageId,
    );
    if (!outside) throw new Error('no note in the next cell');
    store.getState().edit('Move', (draft) => updateNote(draft, outside.id, { stageId: cell.stageId }));
    expect(notesIn(cell)).toBe(FILE_LIMITS.maxNotesPerCell);
    expect(notesIn(nextCell)).toBe(1);

    noticeStore.getState().dismiss();
    const [inside] = Object.values(store.getState().doc?.records ?? {}).filter(
      (record) => record.type === 'note' && record.stageId === cell.stageId,
    );
    if (!inside) throw new Error('no note in the full cell');
    store.getState().edit('Edit text', (draft) => updateNote(draft, inside.id, { text: 'still editable' }));
    expect(store.getState().doc?.records[inside.id]).toMatchObject({ text: 'still editable' });
    expect(noticeStore.getState().message).toBeNull();
  });
});
