import { NOTE_MAX_SIZE, NOTE_MIN_SIZE, type NoteRecord } from '../../shared/model/records.ts';
import { contains, type Point, type Rect } from './viewport.ts';

/** Resize handles sit on a note's corners; their size is constant on screen. */
export const HANDLE_SIZE = 10;
/** A press this close outside a handle (screen pixels) still takes it: a 10 px target is small. */
const HANDLE_SLACK_PX = 4;

export type Corner = 'nw' | 'ne' | 'sw' | 'se';
const CORNERS: readonly Corner[] = ['nw', 'ne', 'sw', 'se'];

const cornerPoint = (note: Rect, corner: Corner): Point => ({
  x: corner.endsWith('w') ? note.x : note.x + note.w,
  y: corner.startsWith('n') ? note.y : note.y + note.h,
});

export const handleRects = (note: Rect, scale: number): (Rect & { corner: Corner })[] => {
  const size = HANDLE_SIZE / scale;
  return CORNERS.map((corner) => {
    const point = cornerPoint(note, corner);
    return { corner, x: point.x - size / 2, y: point.y - size / 2, w: size, h: size };
  });
};

export const handleAt = (note: Rect, scale: number, point: Point): Corner | null => {
  const slack = HANDLE_SLACK_PX / scale;
  for (const handle of handleRects(note, scale)) {
    const grown = {
      x: handle.x - slack,
      y: handle.y - slack,
      w: handle.w + 2 * slack,
      h: handle.h + 2 * slack,
    };
    if (contains(grown, point)) return handle.corner;
  }
  return null;
};

/** The note's new box when `corner` is dragged to `point`; the opposite corner stays put. */
export const resizeFromCorner = (note: NoteRecord, corner: Corner, point: Point): Rect => {
  const right = note.x + note.w;
  const bottom = note.y + note.h;
  const west = corner.endsWith('w');
  const north = corner.startsWith('n');
  const w = clamp(west ? right - point.x : point.x - note.x, NOTE_MIN_SIZE.w, NOTE_MAX_SIZE.w);
  const h = clamp(north ? bottom - point.y : point.y - note.y, NOTE_MIN_SIZE.h, NOTE_MAX_SIZE.h);
  return { x: west ? right - w : note.x, y: north ? bottom - h : note.y, w: Math.round(w), h: Math.round(h) };
};

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

export const CORNER_CURSORS: Readonly<Record<Corner, string>> = {
  nw: 'nwse-resize',
  se: 'nwse-resize',
  ne: 'nesw-resize',
  sw: 'nesw-resize',
};
