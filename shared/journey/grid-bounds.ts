import type { MapRecord } from '../model/records.ts';
import { GRID } from './grid-geometry.ts';
import type { GridLayout } from './layout.ts';

/**
 * Whether a band is drawn over the stage headers: the experience categories, or the map's place
 * on the connected-experience continuum.
 */
export const hasBandAbove = (map: Pick<MapRecord, 'showCategories' | 'connectedType'>): boolean =>
  map.showCategories || map.connectedType !== null;

/** The grid's rectangle with its headers (and the band above them), or null for a map without a grid. */
export const gridBounds = (layout: GridLayout, bandAbove: boolean) => {
  if (layout.stages.length === 0 && layout.lanes.length === 0) return null;
  const top = GRID.headerHeight + (bandAbove ? GRID.categoryHeight : 0);
  return {
    x: -GRID.laneHeaderWidth,
    y: -top,
    w: GRID.laneHeaderWidth + Math.max(layout.width, GRID.minStageWidth),
    h: top + Math.max(layout.height, GRID.minLaneHeight),
  };
};
