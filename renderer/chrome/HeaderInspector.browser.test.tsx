import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { testMap } from '../../shared/journey/scenarios/test-support.ts';
import type { LaneRecord } from '../../shared/model/journey-records.ts';
import { commitEditing, startNewNote } from '../board/commands.ts';
import { boardLayout, orderedNotes } from '../board/note-order.ts';
import { boardStore } from '../store/index.ts';
import { HeaderInspector } from './HeaderInspector.tsx';
import '../styles.css';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

it("a facilitator changes a lane's kind of new notes, and the next note typed there has it", async () => {
  const map = testMap('customer-experience', 'Lane kinds');
  act(() => boardStore.getState().loadDocument({ id: map.doc.id, records: { ...map.doc.records } }));
  const lane = Object.values(boardStore.getState().doc?.records ?? {}).find(
    (record): record is LaneRecord => record.type === 'lane' && record.role === 'channels',
  );
  if (!lane) throw new Error('no channels lane');
  act(() => boardStore.getState().selectHeader({ kind: 'lane', id: lane.id }));
  await act(async () => root.render(<HeaderInspector />));

  const select = page.getByRole('combobox', { name: 'Kind of new notes in the lane' });
  await expect.element(select).toHaveValue('note');
  await select.selectOptions('Idea');
  expect(boardStore.getState().doc?.records[lane.id]).toMatchObject({ noteKind: 'idea' });

  const layout = boardLayout(boardStore.getState().doc, boardStore.getState().scenarioId);
  const [stage] = layout.stages;
  const row = layout.lanes.find((candidate) => candidate.lane.id === lane.id);
  if (!stage || !row) throw new Error('no cell');
  act(() => {
    startNewNote(boardStore, { x: stage.x + stage.w / 2, y: row.y + row.h / 2 });
    commitEditing(boardStore, 'Text the delivery time', 'done');
  });
  const notes = orderedNotes(boardStore.getState().doc, boardStore.getState().scenarioId);
  expect(notes.map(({ text, kind, color }) => ({ text, kind, color }))).toEqual([
    { text: 'Text the delivery time', kind: 'idea', color: 'orange' },
  ]);

  // The emotion lane holds the curve, not notes: it has no kind to choose.
  const emotion = layout.lanes.find((candidate) => candidate.lane.role === 'emotion');
  act(() => boardStore.getState().selectHeader({ kind: 'lane', id: emotion?.lane.id ?? '' }));
  await expect.element(page.getByRole('group', { name: 'Selected lane' })).toBeVisible();
  await expect.element(select).not.toBeInTheDocument();
});
