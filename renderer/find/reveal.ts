import { GRID } from '../../shared/journey/grid-geometry.ts';
import type { GridLayout, LaneRow, StageColumn } from '../../shared/journey/layout.ts';
import type { PersonaField } from '../../shared/journey/personas/persona-fields.ts';
import type { SearchMatch } from '../../shared/journey/search.ts';
import type { HeaderKind } from '../../shared/journey/structure-edits.ts';
import { showNotes } from '../board/commands.ts';
import { boardLayout } from '../board/note-order.ts';
import { type Rect, viewportShowing } from '../board/viewport.ts';
import type { BoardStore } from '../store/index.ts';

/** Bringing one thing of the map into view on the board: a note, a header, a cell. */

/** Where a stage or lane header is drawn in a layout, in board units; null when it is not shown. */
export const headerRect = (layout: GridLayout, kind: HeaderKind, id: string): Rect | null => {
  if (kind === 'stage') {
    const column = layout.stages.find((candidate) => candidate.stage.id === id);
    return column ? stageHeaderRect(column) : null;
  }
  const row = layout.lanes.find((candidate) => candidate.lane.id === id);
  return row ? laneHeaderRect(row) : null;
};

/** A stage's header, for a column already in hand (highlighting every match stays linear). */
export const stageHeaderRect = (column: StageColumn): Rect => ({
  x: column.x,
  y: -GRID.headerHeight,
  w: column.w,
  h: GRID.headerHeight,
});

export const laneHeaderRect = (row: LaneRow): Rect => ({
  x: -GRID.laneHeaderWidth,
  y: row.y,
  w: GRID.laneHeaderWidth,
  h: Math.min(row.h, GRID.headerHeight),
});

/** Where a stage or lane header is drawn on the board now. */
export const headerBox = (store: BoardStore, kind: HeaderKind, id: string): Rect | null => {
  const { doc, scenarioId } = store.getState();
  return headerRect(boardLayout(doc, scenarioId), kind, id);
};

/** Where the cell of a stage and a lane is drawn; null when either is not shown. */
export const cellBox = (store: BoardStore, stageId: string, laneId: string): Rect | null => {
  const { doc, scenarioId } = store.getState();
  const layout = boardLayout(doc, scenarioId);
  const column = layout.stages.find((candidate) => candidate.stage.id === stageId);
  const row = layout.lanes.find((candidate) => candidate.lane.id === laneId);
  return column && row ? { x: column.x, y: row.y, w: column.w, h: row.h } : null;
};

/**
 * Centres a board rectangle on the screen, zooming out only if it does not fit and zooming in
 * to 50% at most, as showNotes does, so stepping through matches does not jump in scale.
 */
export const centreOn = (store: BoardStore, rect: Rect): void => {
  const { canvasSize, viewport, covered } = store.getState();
  store.getState().setViewport(viewportShowing(rect, canvasSize, covered, viewport.scale));
};

/** Selects a stage or lane header (as a click on it does) and pans to it. */
export const revealHeader = (store: BoardStore, kind: HeaderKind, id: string): void => {
  const box = headerBox(store, kind, id);
  if (!box) return;
  store.getState().selectHeader({ kind, id });
  centreOn(store, box);
};

/** Selects a lane (a cell has no selection of its own) and pans to its cell in a stage. */
export const revealCell = (store: BoardStore, stageId: string, laneId: string): void => {
  const box = cellBox(store, stageId, laneId);
  if (!box) return;
  store.getState().selectHeader({ kind: 'lane', id: laneId });
  centreOn(store, box);
};

export type PersonaMatchHandler = (personaId: string, field: PersonaField) => void;

/** Shows one find match: a note or header on the board; a persona field is the card's to show. */
export const revealMatch = (
  store: BoardStore,
  match: SearchMatch,
  onPersonaMatch: PersonaMatchHandler | undefined,
): void => {
  if (match.kind === 'note') showNotes(store, [match.id]);
  else if (match.kind === 'persona') onPersonaMatch?.(match.id, match.field);
  else revealHeader(store, match.kind, match.id);
};
