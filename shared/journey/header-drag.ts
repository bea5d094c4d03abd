import { GRID } from './grid-geometry.ts';
import type { GridLayout } from './layout.ts';
import type { HeaderKind } from './structure-edits.ts';

/**
 * How close to a header's far edge (screen px, either side) a press resizes instead of moving:
 * the edge is a hairline no hand hits exactly, and in screen px the grip is as easy at any zoom.
 */
const EDGE_GRIP_PX = 8;

export type HeaderGrip =
  | {
      readonly action: 'resize';
      readonly kind: HeaderKind;
      readonly id: string;
      readonly start: number;
    }
  | { readonly action: 'move'; readonly kind: HeaderKind; readonly id: string };

/** What pressing on a header does: resize it by its right (stage) or bottom (lane) edge, or move it. */
export const gripAt = (
  layout: GridLayout,
  point: { x: number; y: number },
  scale: number,
): HeaderGrip | null => {
  const grip = EDGE_GRIP_PX / scale;
  if (point.y >= -GRID.headerHeight && point.y < 0) {
    const edge = layout.stages.find((column) => Math.abs(point.x - (column.x + column.w)) <= grip);
    if (edge) return { action: 'resize', kind: 'stage', id: edge.stage.id, start: edge.w };
    const column = layout.stages.find(
      (candidate) => point.x >= candidate.x && point.x < candidate.x + candidate.w,
    );
    if (column) return { action: 'move', kind: 'stage', id: column.stage.id };
  }
  if (point.x >= -GRID.laneHeaderWidth && point.x < 0) {
    const edge = layout.lanes.find((row) => Math.abs(point.y - (row.y + row.h)) <= grip);
    if (edge) return { action: 'resize', kind: 'lane', id: edge.lane.id, start: edge.lane.height };
    const row = layout.lanes.find(
      (candidate) => point.y >= candidate.y && point.y < candidate.y + candidate.h,
    );
    if (row) return { action: 'move', kind: 'lane', id: row.lane.id };
  }
  return null;
};

/**
 * Where a dragged stage or lane would go: before which shown stage or lane (null: after the
 * last), and the line (in board units) that shows the place while dragging. Hidden lanes are
 * not in the layout, so the place is named by a neighbour's id, not by a count.
 */
export const dropIndex = (
  layout: GridLayout,
  kind: HeaderKind,
  id: string,
  point: { x: number; y: number },
): { beforeId: string | null; line: { x1: number; y1: number; x2: number; y2: number } } => {
  if (kind === 'stage') {
    const others = layout.stages.filter((column) => column.stage.id !== id);
    const index = others.filter((column) => column.x + column.w / 2 < point.x).length;
    const before = others[index - 1];
    const edge = before ? before.x + before.w : (others[0]?.x ?? 0);
    return {
      beforeId: others[index]?.stage.id ?? null,
      line: { x1: edge, y1: -GRID.headerHeight, x2: edge, y2: layout.height },
    };
  }
  const others = layout.lanes.filter((row) => row.lane.id !== id);
  const index = others.filter((row) => row.y + row.h / 2 < point.y).length;
  const before = others[index - 1];
  const edge = index === 0 ? (others[0]?.y ?? 0) : (before?.y ?? 0) + (before?.h ?? 0);
  return {
    beforeId: others[index]?.lane.id ?? null,
    line: { x1: -GRID.laneHeaderWidth, y1: edge, x2: layout.width, y2: edge },
  };
};
