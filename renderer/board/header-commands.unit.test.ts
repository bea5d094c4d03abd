import { beforeEach, describe, expect, it } from 'vitest';
import { newMapFromTemplate } from '../../shared/journey/create-map.ts';
import { setEmotion } from '../../shared/journey/structure-edits.ts';
import { templateById } from '../../shared/journey/templates.ts';
import { firstScenarioId } from '../../shared/model/document.ts';
import type { LaneRecord, StageRecord } from '../../shared/model/journey-records.ts';
import { type BoardStore, createBoardStore } from '../store/index.ts';
import { promptStore } from '../ui/prompt-store.ts';
import { removeSelectedHeader } from './header-commands.ts';

let store: BoardStore;
let emotionLane: LaneRecord;
let firstStage: StageRecord;

/** Answers the next question as the user would, and gives back what it asked. */
const answerNextPrompt = (value: string) =>
  new Promise<string>((resolve) => {
    const unsubscribe = promptStore.subscribe((state) => {
      if (!state.prompt || !state.answer) return;
      unsubscribe();
      const { message } = state.prompt;
      state.answer(value);
      resolve(message);
    });
  });

const liveLane = (id: string) => store.getState().doc?.records[id]?.isDeleted === false;

beforeEach(() => {
  const template = templateById('customer-experience');
  if (!template) throw new Error('no customer-experience template');
  const doc = newMapFromTemplate(template, 'Toner');
  store = createBoardStore();
  store.getState().loadDocument(doc);
  const records = Object.values(doc.records);
  emotionLane = records.find((r): r is LaneRecord => r.type === 'lane' && r.role === 'emotion') as LaneRecord;
  firstStage = records.find((r): r is StageRecord => r.type === 'stage' && r.order === 0) as StageRecord;
  const scenarioId = firstScenarioId(doc);
  store.getState().edit('Score', (draft) => setEmotion(draft, scenarioId, firstStage.id, -2));
});

describe('removing a stage or lane that shows emotion scores asks first', () => {
  it('the emotion lane, selected and Delete pressed: Cancel keeps it and its scores', async () => {
    store.getState().selectHeader({ kind: 'lane', id: emotionLane.id });
    const asked = answerNextPrompt('cancel');
    await removeSelectedHeader(store);
    expect(await asked).toContain('It shows 1 emotion score');
    expect(liveLane(emotionLane.id)).toBe(true);
  });

  it('confirmed, it is removed as one undo step, and Undo brings it back', async () => {
    store.getState().selectHeader({ kind: 'lane', id: emotionLane.id });
    const asked = answerNextPrompt('remove');
    await removeSelectedHeader(store);
    await asked;
    expect(liveLane(emotionLane.id)).toBe(false);
    store.getState().undo();
    expect(liveLane(emotionLane.id)).toBe(true);
  });

  it('a stage scored in a scenario asks too', async () => {
    store.getState().selectHeader({ kind: 'stage', id: firstStage.id });
    const asked = answerNextPrompt('cancel');
    await removeSelectedHeader(store);
    expect(await asked).toContain('It shows 1 emotion score');
    expect(liveLane(firstStage.id)).toBe(true);
  });
});
