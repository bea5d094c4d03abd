import { hitGrid } from '../../../shared/journey/hit-grid.ts';
import type { BoardStore } from '../../store/index.ts';
import { editSelected, startNewNote } from '../commands.ts';
import { boardLayout, orderedNotes } from '../note-order.ts';
import { noteAt, type Point } from '../viewport.ts';

/** A double click edits the note under it, renames the header under it, or starts a note in empty board. */
export const doubleClickAt = (store: BoardStore, point: Point): void => {
  const state = store.getState();
  if (state.editing) return;
  const note = noteAt(orderedNotes(state.doc, state.scenarioId), point);
  const gridHit = hitGrid(boardLayout(state.doc, state.scenarioId), point);
  if (note) {
    state.select([note.id]);
    editSelected(store);
  } else if (gridHit?.kind === 'stage-header' || gridHit?.kind === 'lane-header') {
    state.startRenaming({ kind: gridHit.kind === 'stage-header' ? 'stage' : 'lane', id: gridHit.id });
  } else if (!gridHit) {
    startNewNote(store, point);
  }
};
