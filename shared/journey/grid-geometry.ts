/** Sizes of the journey grid, in board units. */
export const GRID = {
  /** Height of the stage header row. */
  headerHeight: 72,
  /** Height of the experience category band above the stage headers. */
  categoryHeight: 32,
  /** Width of the lane header column, left of the first stage. */
  laneHeaderWidth: 220,
  /** Space between a cell's edge and its notes. */
  cellPadding: 16,
  /** Space between notes in a cell. */
  noteGap: 12,
  defaultStageWidth: 440,
  defaultLaneHeight: 152,
  minStageWidth: 80,
  maxStageWidth: 2000,
  minLaneHeight: 40,
  maxLaneHeight: 4000,
} as const;
