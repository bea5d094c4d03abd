import { type RefObject, useEffect } from 'react';
import { moveNotes, updateNote } from '../../shared/model/edits.ts';
import type { BoardStore } from '../store/index.ts';
import { editSelected, startNewNote } from './commands.ts';
import { gestureStore, IDLE_PREVIEW } from './gesture-store.ts';
import { orderedNotes } from './note-order.ts';
import { setLastPointer } from './pointer.ts';
import { CORNER_CURSORS, type Corner, handleAt, resizeFromCorner } from './resize-handles.ts';
import { intersects, noteAt, type Point, rectFromCorners, toBoard, zoomAt } from './viewport.ts';

type Gesture =
  | { kind: 'pan'; startScreen: Point; startViewport: { x: number; y: number } }
  | { kind: 'drag'; startBoard: Point; moved: boolean; clickedId: string; shift: boolean }
  | { kind: 'marquee'; startBoard: Point; additive: boolean }
  | { kind: 'resize'; id: string; corner: Corner };

/** Pointer movement (screen px) below which a press is a click, not a drag. */
const DRAG_THRESHOLD = 3;

/**
 * Pointer, wheel and space-bar handling of the board: select, marquee, drag, resize, pan and
 * zoom. Gestures draw through the gesture preview and commit one document edit when they end.
 */
export const useBoardGestures = (container: RefObject<HTMLDivElement | null>, store: BoardStore): void => {
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let gesture: Gesture | null = null;
    let spaceHeld = false;

    const screenPoint = (event: { clientX: number; clientY: number }): Point => {
      const bounds = element.getBoundingClientRect();
      return { x: event.clientX - bounds.left, y: event.clientY - bounds.top };
    };
    const boardPoint = (event: { clientX: number; clientY: number }): Point =>
      toBoard(store.getState().viewport, screenPoint(event));

    const onPointerDown = (event: PointerEvent) => {
      if (store.getState().editing) return;
      element.focus({ preventScroll: true });
      const state = store.getState();
      if (event.button === 1 || (event.button === 0 && spaceHeld)) {
        gesture = { kind: 'pan', startScreen: screenPoint(event), startViewport: state.viewport };
        gestureStore.setState({ panning: true });
      } else if (event.button === 0) {
        const point = boardPoint(event);
        const selected = [...state.selection];
        const single = selected.length === 1 && selected[0] ? state.doc?.records[selected[0]] : undefined;
        const corner = single?.type === 'note' ? handleAt(single, state.viewport.scale, point) : null;
        const hit = noteAt(orderedNotes(state.doc), point);
        if (corner && single) {
          gesture = { kind: 'resize', id: single.id, corner };
        } else if (hit) {
          if (event.shiftKey) state.select([hit.id], 'toggle');
          else if (!state.selection.has(hit.id)) state.select([hit.id]);
          gesture = {
            kind: 'drag',
            startBoard: point,
            moved: false,
            clickedId: hit.id,
            shift: event.shiftKey,
          };
        } else {
          if (!event.shiftKey) state.clearSelection();
          gesture = { kind: 'marquee', startBoard: point, additive: event.shiftKey };
        }
      } else {
        return;
      }
      element.setPointerCapture(event.pointerId);
      event.preventDefault();
    };

    const onPointerMove = (event: PointerEvent) => {
      const point = boardPoint(event);
      setLastPointer(point);
      const state = store.getState();
      if (!gesture) {
        element.style.cursor = hoverCursor(point);
        return;
      }
      switch (gesture.kind) {
        case 'pan': {
          const screen = screenPoint(event);
          state.setViewport({
            ...state.viewport,
            x: gesture.startViewport.x + screen.x - gesture.startScreen.x,
            y: gesture.startViewport.y + screen.y - gesture.startScreen.y,
          });
          break;
        }
        case 'drag': {
          const dx = point.x - gesture.startBoard.x;
          const dy = point.y - gesture.startBoard.y;
          if (!gesture.moved && Math.hypot(dx, dy) * state.viewport.scale < DRAG_THRESHOLD) return;
          if (!gesture.moved && gesture.shift && !state.selection.has(gesture.clickedId)) return;
          gesture.moved = true;
          gestureStore.setState({ dragOffset: { x: dx, y: dy } });
          break;
        }
        case 'marquee':
          gestureStore.setState({ marquee: rectFromCorners(gesture.startBoard, point) });
          break;
        case 'resize': {
          const note = state.doc?.records[gesture.id];
          if (note?.type === 'note') {
            gestureStore.setState({
              resize: { id: note.id, box: resizeFromCorner(note, gesture.corner, point) },
            });
          }
          break;
        }
      }
    };

    const onPointerUp = (event: PointerEvent) => {
      const finished = gesture;
      gesture = null;
      if (element.hasPointerCapture(event.pointerId)) element.releasePointerCapture(event.pointerId);
      if (!finished) return;
      const state = store.getState();
      const preview = gestureStore.getState();
      if (finished.kind === 'drag') {
        const { x: dx, y: dy } = preview.dragOffset;
        const ids = [...state.selection];
        if (finished.moved)
          state.edit(ids.length === 1 ? 'Move note' : 'Move notes', (d) => moveNotes(d, ids, dx, dy));
        else if (!finished.shift) state.select([finished.clickedId]);
      } else if (finished.kind === 'marquee' && preview.marquee) {
        const area = preview.marquee;
        const inside = orderedNotes(state.doc).filter((note) => intersects(note, area));
        state.select(
          inside.map((note) => note.id),
          finished.additive ? 'add' : 'replace',
        );
      } else if (finished.kind === 'resize' && preview.resize) {
        const { id, box } = preview.resize;
        state.edit('Resize note', (d) => updateNote(d, id, box));
      }
      gestureStore.setState(IDLE_PREVIEW);
    };

    const hoverCursor = (point: Point): string => {
      if (spaceHeld) return 'grab';
      const state = store.getState();
      const [only] = state.selection;
      const single = state.selection.size === 1 && only ? state.doc?.records[only] : undefined;
      const corner = single?.type === 'note' ? handleAt(single, state.viewport.scale, point) : null;
      if (corner) return CORNER_CURSORS[corner];
      return noteAt(orderedNotes(state.doc), point) ? 'move' : 'default';
    };

    const onDoubleClick = (event: MouseEvent) => {
      const state = store.getState();
      if (state.editing) return;
      const point = boardPoint(event);
      const hit = noteAt(orderedNotes(state.doc), point);
      if (hit) {
        state.select([hit.id]);
        editSelected(store);
      } else {
        startNewNote(store, point);
      }
    };

    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const state = store.getState();
      // Trackpad pinch arrives as a wheel event with ctrlKey set, in Chromium and Electron alike.
      if (event.ctrlKey || event.metaKey) {
        const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
        state.setViewport(zoomAt(state.viewport, screenPoint(event), Math.exp(-delta * 0.0025)));
      } else {
        const unit = event.deltaMode === 1 ? 16 : 1;
        const dx = event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX;
        const dy = event.shiftKey && event.deltaX === 0 ? 0 : event.deltaY;
        state.setViewport({
          ...state.viewport,
          x: state.viewport.x - dx * unit,
          y: state.viewport.y - dy * unit,
        });
      }
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.code !== 'Space' || isTyping(event.target)) return;
      event.preventDefault();
      if (!spaceHeld) {
        spaceHeld = true;
        element.style.cursor = 'grab';
      }
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.code !== 'Space') return;
      spaceHeld = false;
      element.style.cursor = 'default';
    };
    const onLeave = () => setLastPointer(null);

    element.addEventListener('pointerdown', onPointerDown);
    element.addEventListener('pointermove', onPointerMove);
    element.addEventListener('pointerup', onPointerUp);
    element.addEventListener('pointercancel', onPointerUp);
    element.addEventListener('pointerleave', onLeave);
    element.addEventListener('dblclick', onDoubleClick);
    element.addEventListener('wheel', onWheel, { passive: false });
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      element.removeEventListener('pointerdown', onPointerDown);
      element.removeEventListener('pointermove', onPointerMove);
      element.removeEventListener('pointerup', onPointerUp);
      element.removeEventListener('pointercancel', onPointerUp);
      element.removeEventListener('pointerleave', onLeave);
      element.removeEventListener('dblclick', onDoubleClick);
      element.removeEventListener('wheel', onWheel);
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [container, store]);
};

export const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
