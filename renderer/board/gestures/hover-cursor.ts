import { gripAt } from '../../../shared/journey/header-drag.ts';
import type { BoardState } from '../../store/index.ts';
import { boardLayout, orderedNotes } from '../note-order.ts';
import { CORNER_CURSORS } from '../resize-handles.ts';
import { noteAt, type Point } from '../viewport.ts';
import { badgeNoteAt } from './badge-click.ts';
import { selectedCornerAt } from './hit.ts';

/** The cursor over `point` while no gesture runs: it tells what a press there would do. */
export const hoverCursor = (state: BoardState, point: Point): string => {
  if (badgeNoteAt(state, point)) return 'pointer';
  const handle = selectedCornerAt(state, point);
  if (handle) return CORNER_CURSORS[handle.corner];
  const grip = gripAt(boardLayout(state.doc, state.scenarioId), point, state.viewport.scale);
  if (grip?.action === 'resize') return grip.kind === 'stage' ? 'ew-resize' : 'ns-resize';
  if (grip) return 'grab';
  return noteAt(orderedNotes(state.doc, state.scenarioId), point) ? 'move' : 'default';
};
