import { addHeader, type HeaderKind, notesIn, removeHeader } from '../../shared/journey/structure-edits.ts';
import { type JourneyDocument, scenariosOf } from '../../shared/model/document.ts';
import type { LaneRecord, StageRecord } from '../../shared/model/journey-records.ts';
import { atLimitMessage } from '../../shared/model/limits.ts';
import type { BoardStore } from '../store/index.ts';
import { showNotice } from '../ui/notice-store.ts';
import { ask } from '../ui/prompt-store.ts';
import { shownNotesById } from './note-order.ts';

/**
 * Adds a stage after the selected one (or at the end), or a lane below; then renames it in place.
 * A map that has as many as a map may says so instead.
 */
export const addHeaderNear = (store: BoardStore, kind: HeaderKind): void => {
  const { selectedHeader } = store.getState();
  const afterId = selectedHeader?.kind === kind ? selectedHeader.id : undefined;
  let id: string | null = null;
  store.getState().edit(kind === 'stage' ? 'Add stage' : 'Add lane', (draft) => {
    id = addHeader(draft, kind, kind === 'stage' ? 'New stage' : 'New lane', afterId);
  });
  if (id === null) {
    showNotice(atLimitMessage(kind));
    return;
  }
  store.getState().selectHeader({ kind, id });
  store.getState().startRenaming({ kind, id });
};

/**
 * Removes the selected stage or lane, as one undo step. One that holds notes asks first whether
 * its notes go with it or move out of the grid, where they stay on the board; one that shows
 * emotion scores (the emotion lane, or a stage scored in some scenario) asks first too, so a
 * Delete pressed with the header selected by something else never takes content unasked.
 */
export const removeSelectedHeader = async (store: BoardStore): Promise<void> => {
  const header = store.getState().selectedHeader;
  const doc = store.getState().doc;
  if (!header || !doc) return;
  const record = doc.records[header.id];
  if (record?.type !== 'stage' && record?.type !== 'lane') return;
  const count = notesIn(doc, header.id).length;
  const scores = scoresShownBy(doc, record);
  const scored = scores > 0 ? ` and shows ${scores} emotion ${scores === 1 ? 'score' : 'scores'}` : '';
  let mode: 'delete' | 'move-out' = 'delete';
  if (count > 0) {
    const choice = await ask({
      title: `Remove the ${header.kind} “${record.name}”?`,
      message: `It holds ${count} ${count === 1 ? 'note' : 'notes'}${scored} (in every scenario). Delete them with it, or keep them on the board outside the grid?`,
      choices: [
        { value: 'move-out', label: 'Keep the notes', primary: true },
        { value: 'delete', label: 'Delete the notes too' },
        { value: 'cancel', label: 'Cancel' },
      ],
    });
    if (choice !== 'move-out' && choice !== 'delete') return;
    mode = choice;
  } else if (scores > 0) {
    const choice = await ask({
      title: `Remove the ${header.kind} “${record.name}”?`,
      message: `It shows ${scores} emotion ${scores === 1 ? 'score' : 'scores'} (in every scenario). Remove it? Undo brings it back.`,
      choices: [
        { value: 'remove', label: `Remove the ${header.kind}` },
        { value: 'cancel', label: 'Cancel', primary: true },
      ],
    });
    if (choice !== 'remove') return;
  }
  // Kept notes stay where they are drawn in their own scenario, not only in the shown one.
  const before = store.getState().doc;
  store.getState().edit(header.kind === 'stage' ? 'Remove stage' : 'Remove lane', (draft) =>
    removeHeader(draft, header.id, mode, (note) => {
      const at = shownNotesById(before, note.scenarioId).get(note.id);
      return at ? { x: at.x, y: at.y } : undefined;
    }),
  );
  store.getState().selectHeader(null);
};

/** Emotion scores a stage or lane shows: the emotion lane shows them all, a stage its own. */
const scoresShownBy = (doc: JourneyDocument, record: StageRecord | LaneRecord): number => {
  let count = 0;
  for (const scenario of scenariosOf(doc)) {
    if (record.type === 'stage') {
      if (Object.hasOwn(scenario.emotions, record.id)) count++;
    } else if (record.role === 'emotion')
      for (const stageId of Object.keys(scenario.emotions)) {
        const stage = doc.records[stageId];
        if (stage?.type === 'stage' && !stage.isDeleted) count++;
      }
  }
  return count;
};
