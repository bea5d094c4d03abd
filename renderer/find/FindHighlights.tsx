import type Konva from 'konva';
import { Shape } from 'react-konva';
import type { GridLayout } from '../../shared/journey/layout.ts';
import { ShownLayer } from '../board/shown-layer.ts';
import { useFind } from './find-store.ts';
import { laneHeaderRect, stageHeaderRect } from './reveal.ts';

/** Marker colours: amber for every match, a deeper orange ring for the current one. */
export const FIND_COLORS = { match: 'rgba(250, 176, 5, 0.9)', current: '#E8590C' } as const;

interface FindHighlightsProps {
  readonly layout: GridLayout;
}

/**
 * Rings around the notes and headers that match the find query, drawn on a layer of their own
 * so typing a query never redraws the notes. The layer is hidden while nothing matches. The
 * rings' widths follow the zoom the stage is drawn at, read when they are drawn: a zoom while
 * the layer is hidden renders nothing (use-drawn-viewport.ts).
 */
export const FindHighlights = ({ layout }: FindHighlightsProps) => {
  const matchIds = useFind((state) => state.matchIds);
  const currentId = useFind((state) => state.currentId);
  const boxes = matchBoxes(layout, matchIds);
  return (
    <ShownLayer name="find" listening={false} visible={boxes.length > 0}>
      <Shape
        listening={false}
        sceneFunc={(context: Konva.Context, shape: Konva.Shape) => {
          const ctx = context._context;
          const pixel = 1 / shape.getAbsoluteScale().x;
          for (const { id, x, y, w, h } of boxes) {
            const current = id === currentId;
            const gap = (current ? 7 : 5) * pixel;
            ctx.strokeStyle = current ? FIND_COLORS.current : FIND_COLORS.match;
            ctx.lineWidth = (current ? 5 : 3.5) * pixel;
            ctx.strokeRect(x - gap, y - gap, w + 2 * gap, h + 2 * gap);
          }
        }}
      />
    </ShownLayer>
  );
};

/** O(notes + stages + lanes), however many of them match. */
const matchBoxes = (layout: GridLayout, ids: ReadonlySet<string>) => {
  if (ids.size === 0) return [];
  const boxes: { id: string; x: number; y: number; w: number; h: number }[] = [];
  for (const note of layout.notes) if (ids.has(note.id)) boxes.push(note);
  for (const column of layout.stages)
    if (ids.has(column.stage.id)) boxes.push({ id: column.stage.id, ...stageHeaderRect(column) });
  for (const row of layout.lanes)
    if (ids.has(row.lane.id)) boxes.push({ id: row.lane.id, ...laneHeaderRect(row) });
  return boxes;
};
