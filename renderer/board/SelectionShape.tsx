import type Konva from 'konva';
import { Shape } from 'react-konva';
import type { NoteRecord } from '../../shared/model/records.ts';
import { handleRects } from './resize-handles.ts';

interface SelectionShapeProps {
  readonly notes: readonly NoteRecord[];
  readonly scale: number;
}

export const SELECTION_COLOR = '#1C7ED6';

/** Outlines of the selected notes, and resize handles when exactly one is selected. */
export const SelectionShape = ({ notes, scale }: SelectionShapeProps) => (
  <Shape
    listening={false}
    sceneFunc={(context: Konva.Context) => {
      const ctx = context._context;
      const pixel = 1 / scale;
      ctx.strokeStyle = SELECTION_COLOR;
      ctx.lineWidth = 2.5 * pixel;
      for (const note of notes)
        ctx.strokeRect(note.x - 3 * pixel, note.y - 3 * pixel, note.w + 6 * pixel, note.h + 6 * pixel);
      const [single] = notes;
      if (notes.length !== 1 || !single) return;
      ctx.fillStyle = '#FFFFFF';
      ctx.lineWidth = 1.5 * pixel;
      for (const handle of handleRects(single, scale)) {
        ctx.fillRect(handle.x, handle.y, handle.w, handle.h);
        ctx.strokeRect(handle.x, handle.y, handle.w, handle.h);
      }
    }}
  />
);
