import { cellCentre, neighbourCell } from '../../shared/journey/cell-navigation.ts';
import type { Cell } from '../../shared/journey/layout.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import type { BoardStore } from '../store/index.ts';
import { startNewNote } from './commands.ts';
import { CELL_KEYS } from './key-bindings.ts';
import { boardLayout, shownNotesById } from './note-order.ts';
import type { KeyPress } from './shortcuts.ts';

const DIRECTIONS = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' } as const;

/** The notes of a cell in the order they are drawn there. */
const notesOfCell = (store: BoardStore, cell: Cell): NoteRecord[] => {
  const { doc, scenarioId } = store.getState();
  return boardLayout(doc, scenarioId)
    .notes.filter((note) => note.stageId === cell.stageId && note.laneId === cell.laneId)
    .sort((a, b) => a.slot - b.slot);
};

/** The one selected note, when it sits in a cell. */
const selectedNoteInCell = (store: BoardStore): NoteRecord | null => {
  const { doc, scenarioId, selection } = store.getState();
  if (selection.size !== 1) return null;
  const [id = ''] = selection;
  const note = shownNotesById(doc, scenarioId).get(id);
  return note?.stageId && note.laneId ? note : null;
};

/**
 * The cell cursor (CELL_KEYS). With a cell selected: typing a character starts a note there with
 * that character, Enter starts an empty one, the arrow keys move to the next cell, Tab goes to
 * the cell's first note (Shift+Tab its last). With a note of a cell selected: Tab goes to the next
 * note of the cell and past the last back to the cell, the arrow keys to the next cell. Returns
 * whether the key was used.
 */
export const typeIntoSelectedCell = (store: BoardStore, event: KeyPress): boolean => {
  const { selectedCell, doc, scenarioId } = store.getState();
  if (!doc) return false;
  const note = selectedCell ? null : selectedNoteInCell(store);
  const cell: Cell | null =
    selectedCell ?? (note?.stageId && note.laneId ? { stageId: note.stageId, laneId: note.laneId } : null);
  if (!cell) return false;
  const layout = boardLayout(doc, scenarioId);
  if (CELL_KEYS.move.matches(event)) {
    const direction = DIRECTIONS[event.key as keyof typeof DIRECTIONS];
    store.getState().selectCell(neighbourCell(layout, cell, direction));
    return true;
  }
  if (CELL_KEYS.notes.matches(event)) {
    const notes = notesOfCell(store, cell);
    const step = event.shiftKey ? -1 : 1;
    const at = note
      ? notes.findIndex((candidate) => candidate.id === note.id)
      : event.shiftKey
        ? notes.length
        : -1;
    const next = notes[at + step];
    if (next) store.getState().select([next.id]);
    else store.getState().selectCell(cell);
    return true;
  }
  if (note) return false;
  const typed = CELL_KEYS.type.matches(event);
  if (!typed && !CELL_KEYS.empty.matches(event)) return false;
  const centre = cellCentre(layout, cell);
  if (!centre) return false;
  store.getState().selectCell(null);
  startNewNote(store, centre, 0, typed ? event.key : undefined);
  return true;
};
