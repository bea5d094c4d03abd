import { cellCentre, neighbourCell } from '../../shared/journey/cell-navigation.ts';
import type { BoardStore } from '../store/index.ts';
import { startNewNote } from './commands.ts';
import { CELL_KEYS } from './key-bindings.ts';
import { boardLayout } from './note-order.ts';
import type { KeyPress } from './shortcuts.ts';

const DIRECTIONS = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' } as const;

/**
 * With a cell selected, the keyboard works on the grid (CELL_KEYS): typing a character starts a
 * note there with that character, Enter starts an empty one, the arrow keys move to the next
 * cell. Returns whether the key was used.
 */
export const typeIntoSelectedCell = (store: BoardStore, event: KeyPress): boolean => {
  const { selectedCell, doc, scenarioId } = store.getState();
  if (!selectedCell || !doc) return false;
  const layout = boardLayout(doc, scenarioId);
  if (CELL_KEYS.move.matches(event)) {
    const direction = DIRECTIONS[event.key as keyof typeof DIRECTIONS];
    store.getState().selectCell(neighbourCell(layout, selectedCell, direction));
    return true;
  }
  const typed = CELL_KEYS.type.matches(event);
  if (!typed && !CELL_KEYS.empty.matches(event)) return false;
  const centre = cellCentre(layout, selectedCell);
  if (!centre) return false;
  store.getState().selectCell(null);
  startNewNote(store, centre, 0, typed ? event.key : undefined);
  return true;
};
