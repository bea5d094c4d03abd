import {
  createScenarioFrom,
  isTouched,
  refillScenarioFrom,
} from '../../shared/journey/scenarios/create-scenario-from.ts';
import {
  addScenario,
  deleteScenario,
  liveNoteCount,
  nextScenarioName,
  renameScenario,
} from '../../shared/journey/scenarios/scenario-edits.ts';
import { scenariosOf } from '../../shared/model/document.ts';
import type { ScenarioRecord } from '../../shared/model/journey-records.ts';
import { atLimitMessage, maxLiveOf } from '../../shared/model/limits.ts';
import type { BoardStore } from '../store/index.ts';
import { showNotice } from '../ui/notice-store.ts';
import { ask } from '../ui/prompt-store.ts';

/** What the scenario bar does to the map, each as one undo step; the scenario shown is session state. */

/** Adds an empty "Scenario N" and shows it. Returns its id; null, said in a notice, when the map is full. */
export const addScenarioToMap = (store: BoardStore): string | null => {
  let id: string | null = null;
  store.getState().edit('Add scenario', (draft) => {
    id = addScenario(draft, { name: nextScenarioName(draft), kind: 'other' });
  });
  if (id) store.getState().setScenario(id);
  else showNotice(atLimitMessage('scenario'));
  return id;
};

export const renameScenarioInMap = (store: BoardStore, id: string, name: string): void =>
  store.getState().edit('Rename scenario', (draft) => renameScenario(draft, id, name));

/** Asks first (the scenario's notes go with it), then deletes it and shows its neighbour. */
export const removeScenarioFromMap = async (store: BoardStore, scenario: ScenarioRecord): Promise<void> => {
  const { doc } = store.getState();
  if (!doc || scenariosOf(doc).length <= 1) return;
  const notes = liveNoteCount(doc, scenario.id);
  const answer = await ask({
    title: 'Remove scenario?',
    message: `Remove the ${scenario.name} scenario${notes > 0 ? ` and its ${notes} ${notes === 1 ? 'note' : 'notes'}` : ''}? Undo brings it back.`,
    choices: [
      { value: 'keep', label: 'Keep' },
      { value: 'remove', label: 'Remove', primary: true },
    ],
  });
  if (answer !== 'remove') return;
  const before = scenariosOf(store.getState().doc ?? doc);
  const index = before.findIndex((candidate) => candidate.id === scenario.id);
  const neighbour = before[index + 1] ?? before[index - 1];
  store.getState().edit('Remove scenario', (draft) => {
    deleteScenario(draft, scenario.id);
  });
  if (neighbour && store.getState().scenarioId === scenario.id) store.getState().setScenario(neighbour.id);
};

/**
 * "Create ideal from current". Once the Ideal has been worked on, a second scenario named
 * "Ideal" would be ambiguous (which one does Compare show?), so the facilitator chooses to start
 * the Ideal over from Current, or to keep it.
 */
export const createIdealFromCurrent = async (
  store: BoardStore,
  current: ScenarioRecord,
  ideal: ScenarioRecord | undefined,
): Promise<void> => {
  const { doc } = store.getState();
  if (!doc) return;
  if (ideal && isTouched(doc, ideal)) {
    const answer = await ask({
      title: `Start ${ideal.name} over?`,
      message: `Replace the notes and emotion scores of ${ideal.name} with a copy of ${current.name}? Undo brings them back.`,
      choices: [
        { value: 'cancel', label: 'Cancel' },
        { value: 'replace', label: 'Replace', primary: true },
      ],
    });
    if (answer !== 'replace') return;
    store
      .getState()
      .edit(`Replace ${ideal.name} with ${current.name}`, (draft) =>
        refillScenarioFrom(draft, current.id, ideal.id),
      );
    store.getState().setScenario(ideal.id);
    return;
  }
  // createScenarioFrom adds a scenario without asking the limit.
  if (scenariosOf(doc).length >= maxLiveOf('scenario')) {
    showNotice(atLimitMessage('scenario'));
    return;
  }
  let target = '';
  store.getState().edit('Create ideal from current', (draft) => {
    target = createScenarioFrom(draft, current.id, { name: 'Ideal', kind: 'ideal' });
  });
  if (target) store.getState().setScenario(target);
};
