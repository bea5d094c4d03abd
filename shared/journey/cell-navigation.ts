import type { Cell, GridLayout } from './layout.ts';

/**
 * The cell next to `cell` in a direction: left and right across stages, up and down across the
 * visible note lanes (the emotion lane holds no notes, so it is skipped). Stays put at an edge.
 */
export const neighbourCell = (
  layout: GridLayout,
  cell: Cell,
  direction: 'left' | 'right' | 'up' | 'down',
): Cell => {
  const stages = layout.stages.map((column) => column.stage.id);
  const lanes = layout.lanes.filter((row) => row.lane.role !== 'emotion').map((row) => row.lane.id);
  const stage = stages.indexOf(cell.stageId);
  const lane = lanes.indexOf(cell.laneId);
  if (stage < 0 || lane < 0) return cell;
  const step = direction === 'left' || direction === 'up' ? -1 : 1;
  if (direction === 'left' || direction === 'right') {
    return {
      ...cell,
      stageId: stages[Math.max(0, Math.min(stages.length - 1, stage + step))] ?? cell.stageId,
    };
  }
  return { ...cell, laneId: lanes[Math.max(0, Math.min(lanes.length - 1, lane + step))] ?? cell.laneId };
};

/** The centre of a cell in board units, or null when it is not shown. */
export const cellCentre = (layout: GridLayout, cell: Cell): { x: number; y: number } | null => {
  const column = layout.stages.find((candidate) => candidate.stage.id === cell.stageId);
  const row = layout.lanes.find((candidate) => candidate.lane.id === cell.laneId);
  return column && row ? { x: column.x + column.w / 2, y: row.y + row.h / 2 } : null;
};
