import { useRef } from 'react';
import type { GridLayout } from '../../shared/journey/layout.ts';

/**
 * Keeps a drawing's input the same object while what it draws is the same, so nothing that
 * depends on it renders or redraws: moving or editing the selection (on the active layer) then
 * leaves the paper of a 5,000-note map alone (its grid, the unselected notes' dots).
 */
export const useStable = <T>(value: T, same: (a: T, b: T) => boolean): T => {
  const kept = useRef(value);
  if (kept.current !== value && !same(kept.current, value)) kept.current = value;
  return kept.current;
};

/** The same records in the same order (the board's notes keep their objects while unchanged). */
export const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/** The same grid: the same stages and lanes, at the same places and sizes. Notes are not compared. */
export const sameGrid = (a: GridLayout, b: GridLayout): boolean =>
  a.width === b.width &&
  a.height === b.height &&
  a.stages.length === b.stages.length &&
  a.lanes.length === b.lanes.length &&
  a.stages.every((column, index) => {
    const other = b.stages[index];
    return (
      other !== undefined && column.stage === other.stage && column.x === other.x && column.w === other.w
    );
  }) &&
  a.lanes.every((row, index) => {
    const other = b.lanes[index];
    return other !== undefined && row.lane === other.lane && row.y === other.y && row.h === other.h;
  });
