import { cellCentre, neighbourCell } from '../../shared/journey/cell-navigation.ts';
import type { BoardStore } from '../store/index.ts';
import { startNewNote } from './commands.ts';
import { boardLayout } from './note-order.ts';

const ARROWS = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' } as const;

/**
 * With a cell selected, the keyboard works on the grid: typing a character starts a note there
 * with that character, Enter starts an empty one, the arrow keys move to the next cell.
 * Returns whether the key was used.
 */
export const typeIntoSelectedCell = (store: BoardStore, event: KeyboardEvent): boolean => {
  const { selectedCell, doc, scenarioId } = store.getState();
  if (!selectedCell || !doc || event.ctrlKey || event.metaKey || event.altKey) return false;
  const layout = boardLayout(doc, scenarioId);
  const direction = ARROWS[event.key as keyof typeof ARROWS];
  if (direction) {
    store.getState().selectCell(neighbourCell(layout, selectedCell, direction));
    return true;
  }
  const printable = event.key.length === 1 && event.key !== ' ';
  if (!printable && event.key !== 'Enter') return false;
  const centre = cellCentre(layout, selectedCell);
  if (!centre) return false;
  store.getState().selectCell(null);
  startNewNote(store, centre, 0, printable ? event.key : undefined);
  return true;
};
