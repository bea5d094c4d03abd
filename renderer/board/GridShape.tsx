import type Konva from 'konva';
import { memo } from 'react';
import { Shape } from 'react-konva';
import type { Cell, GridLayout } from '../../shared/journey/layout.ts';
import type { ConnectedType, ScenarioRecord } from '../../shared/model/journey-records.ts';
import { drawGrid } from '../drawing/grid.ts';

interface GridShapeProps {
  readonly layout: GridLayout;
  readonly showCategories: boolean;
  readonly connectedType: ConnectedType | null;
  readonly scenario: ScenarioRecord | null;
  readonly lowEmotion: number;
  readonly scale: number;
  readonly selectedHeader: string | null;
  readonly selectedCell: Cell | null;
}

/**
 * The journey grid under the notes: one shape, redrawn only when the grid or zoom changes
 * (memoised: a render with the same props would hand Konva a new draw function and redraw).
 */
export const GridShape = memo(function GridShape({
  layout,
  showCategories,
  connectedType,
  scenario,
  lowEmotion,
  scale,
  selectedHeader,
  selectedCell,
}: GridShapeProps) {
  return (
    <Shape
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(context: Konva.Context) => {
        drawGrid(context._context, {
          layout,
          showCategories,
          connectedType,
          scenario,
          lowEmotion,
          pixel: 1 / scale,
          selectedHeader,
          selectedCell,
        });
      }}
    />
  );
});
