import { type HeaderKind, resizeHeader } from '../../../shared/journey/structure-edits.ts';
import type { Point } from '../viewport.ts';
import type { Gesture, GestureContext, PointerAt } from './gesture.ts';

/**
 * A press on a header's far edge (a stage's right, a lane's bottom) selects the header; a drag
 * resizes the stage's width or the lane's height, shown through the preview and set on release.
 */
export const enterHeaderResize = (
  { store, preview }: GestureContext,
  at: PointerAt,
  hit: { readonly id: string; readonly headerKind: HeaderKind; readonly start: number },
): Gesture => {
  store.getState().selectHeader({ kind: hit.headerKind, id: hit.id });
  const startPoint = at.board;
  const along = (point: Point): number =>
    hit.headerKind === 'stage' ? point.x - startPoint.x : point.y - startPoint.y;
  let size: number | null = null;
  return {
    move: ({ board }) => {
      size = Math.round(hit.start + along(board));
      preview.setState({ headerSize: { id: hit.id, size } });
    },
    up: () => {
      if (size === null) return;
      const resized = size;
      store.getState().edit('Resize', (d) => resizeHeader(d, hit.id, resized));
    },
  };
};
