import { GRID } from './grid-geometry.ts';
import type { GridLayout } from './layout.ts';

/** The grid's rectangle with its headers (and category band), or null for a map without a grid. */
export const gridBounds = (layout: GridLayout, showCategories: boolean) => {
  if (layout.stages.length === 0 && layout.lanes.length === 0) return null;
  const top = GRID.headerHeight + (showCategories ? GRID.categoryHeight : 0);
  return {
    x: -GRID.laneHeaderWidth,
    y: -top,
    w: GRID.laneHeaderWidth + Math.max(layout.width, GRID.minStageWidth),
    h: top + Math.max(layout.height, GRID.minLaneHeight),
  };
};
