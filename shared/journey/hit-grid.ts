import { EMOTION_RANGE } from '../model/journey-records.ts';
import { GRID } from './grid-geometry.ts';
import type { GridLayout, LaneRow, StageColumn } from './layout.ts';

/** What of the grid (other than a note) is under a board point. */
export type GridHit =
  | { readonly kind: 'stage-header'; readonly id: string }
  | { readonly kind: 'lane-header'; readonly id: string }
  | { readonly kind: 'emotion'; readonly stageId: string; readonly score: number };

const EMOTION_MARGIN = 20;

/** The emotion score a point at `y` of the emotion lane stands for (the inverse of the curve's y). */
export const emotionAt = (row: LaneRow, y: number): number => {
  const span = EMOTION_RANGE.max - EMOTION_RANGE.min;
  const fraction = (y - row.y - EMOTION_MARGIN) / (row.h - 2 * EMOTION_MARGIN);
  return Math.max(
    EMOTION_RANGE.min,
    Math.min(EMOTION_RANGE.max, Math.round(EMOTION_RANGE.max - fraction * span)),
  );
};

export const hitGrid = (layout: GridLayout, point: { x: number; y: number }): GridHit | null => {
  const column: StageColumn | undefined = layout.stages.find((c) => point.x >= c.x && point.x < c.x + c.w);
  if (column && point.y >= -GRID.headerHeight && point.y < 0)
    return { kind: 'stage-header', id: column.stage.id };
  const row = layout.lanes.find((r) => point.y >= r.y && point.y < r.y + r.h);
  if (row && point.x >= -GRID.laneHeaderWidth && point.x < 0) return { kind: 'lane-header', id: row.lane.id };
  if (row?.lane.role === 'emotion' && column)
    return { kind: 'emotion', stageId: column.stage.id, score: emotionAt(row, point.y) };
  return null;
};
