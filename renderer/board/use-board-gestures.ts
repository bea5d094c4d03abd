import { type RefObject, useEffect } from 'react';
import { dropNotes } from '../../shared/journey/drop-notes.ts';
import { emotionAt, hitGrid } from '../../shared/journey/hit-grid.ts';
import { cellAt } from '../../shared/journey/layout.ts';
import { dropIndex, gripAt } from '../../shared/journey/structure-drag.ts';
import { moveStructureTo, resizeStructure, setEmotion } from '../../shared/journey/structure-edits.ts';
import { updateNote } from '../../shared/model/edits.ts';
import type { BoardStore } from '../store/index.ts';
import { editSelected, startNewNote } from './commands.ts';
import { gestureStore, IDLE_PREVIEW } from './gesture-store.ts';
import { notForTheBoard } from './key-targets.ts';
import { boardLayout, orderedNotes, shownNotesById } from './note-order.ts';
import { setLastPointer } from './pointer.ts';
import { CORNER_CURSORS, type Corner, handleAt, resizeFromCorner } from './resize-handles.ts';
import { intersects, noteAt, type Point, rectFromCorners, toBoard, zoomAt } from './viewport.ts';

type Gesture =
  | { kind: 'pan'; startScreen: Point; startViewport: { x: number; y: number } }
  | { kind: 'drag'; startBoard: Point; moved: boolean; clickedId: string; shift: boolean }
  | { kind: 'marquee'; startBoard: Point; additive: boolean }
  | { kind: 'resize'; id: string; corner: Corner }
  | { kind: 'emotion'; stageId: string }
  | { kind: 'structure-resize'; id: string; axis: 'x' | 'y'; start: number; startPoint: Point }
  | {
      kind: 'structure-move';
      id: string;
      structure: 'stage' | 'lane';
      startPoint: Point;
      moved: boolean;
      beforeId: string | null;
    };

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
        const single =
          selected.length === 1 && selected[0]
            ? shownNotesById(state.doc, state.scenarioId).get(selected[0])
            : undefined;
        const corner = single?.type === 'note' ? handleAt(single, state.viewport.scale, point) : null;
        const hit = noteAt(orderedNotes(state.doc, state.scenarioId), point);
        const gridHit = hitGrid(boardLayout(state.doc, state.scenarioId), point);
        const grip = gripAt(boardLayout(state.doc, state.scenarioId), point, state.viewport.scale);
        if (!gridHit || gridHit.kind === 'emotion') state.selectHeader(null);
        if (corner && single) {
          gesture = { kind: 'resize', id: single.id, corner };
        } else if (!hit && gridHit?.kind === 'emotion') {
          gesture = { kind: 'emotion', stageId: gridHit.stageId };
          gestureStore.setState({ emotion: { stageId: gridHit.stageId, score: gridHit.score } });
        } else if (!hit && grip) {
          state.selectHeader({ kind: grip.kind, id: grip.id });
          gesture =
            grip.action === 'resize'
              ? {
                  kind: 'structure-resize',
                  id: grip.id,
                  axis: grip.kind === 'stage' ? 'x' : 'y',
                  start: grip.start,
                  startPoint: point,
                }
              : {
                  kind: 'structure-move',
                  id: grip.id,
                  structure: grip.kind,
                  startPoint: point,
                  moved: false,
                  beforeId: null,
                };
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
          // A click on an empty cell selects it: typing then starts a note there.
          const cell =
            !gridHit && !event.shiftKey ? cellAt(boardLayout(state.doc, state.scenarioId), point) : null;
          state.selectCell(cell);
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
      setLastPointer(screenPoint(event));
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
        case 'structure-resize': {
          const delta =
            gesture.axis === 'x' ? point.x - gesture.startPoint.x : point.y - gesture.startPoint.y;
          gestureStore.setState({
            structureSize: { id: gesture.id, size: Math.round(gesture.start + delta) },
          });
          break;
        }
        case 'structure-move': {
          const distance =
            Math.hypot(point.x - gesture.startPoint.x, point.y - gesture.startPoint.y) * state.viewport.scale;
          if (!gesture.moved && distance < DRAG_THRESHOLD) return;
          gesture.moved = true;
          const drop = dropIndex(
            boardLayout(state.doc, state.scenarioId),
            gesture.structure,
            gesture.id,
            point,
          );
          gesture.beforeId = drop.beforeId;
          gestureStore.setState({ structureDrop: { line: drop.line } });
          break;
        }
        case 'emotion': {
          const row = boardLayout(state.doc, state.scenarioId).lanes.find(
            (lane) => lane.lane.role === 'emotion',
          );
          if (row)
            gestureStore.setState({ emotion: { stageId: gesture.stageId, score: emotionAt(row, point.y) } });
          break;
        }
        case 'resize': {
          const note = shownNotesById(state.doc, state.scenarioId).get(gesture.id);
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
      // On Linux a middle click pastes the primary selection; a middle-drag pan must not.
      if (event.button === 1) event.preventDefault();
      const finished = gesture;
      gesture = null;
      if (element.hasPointerCapture(event.pointerId)) element.releasePointerCapture(event.pointerId);
      if (!finished) return;
      const state = store.getState();
      const preview = gestureStore.getState();
      if (finished.kind === 'drag') {
        const { x: dx, y: dy } = preview.dragOffset;
        const shown = shownNotesById(state.doc, state.scenarioId);
        const moved = [...state.selection].map((id) => shown.get(id)).filter((note) => note !== undefined);
        const layout = boardLayout(state.doc, state.scenarioId);
        if (finished.moved)
          state.edit(moved.length === 1 ? 'Move note' : 'Move notes', (d) =>
            dropNotes(d, layout, moved, dx, dy),
          );
        else if (!finished.shift) state.select([finished.clickedId]);
      } else if (finished.kind === 'marquee' && preview.marquee) {
        const area = preview.marquee;
        const inside = orderedNotes(state.doc, state.scenarioId).filter((note) => intersects(note, area));
        state.select(
          inside.map((note) => note.id),
          finished.additive ? 'add' : 'replace',
        );
      } else if (finished.kind === 'structure-resize' && preview.structureSize) {
        const { id, size } = preview.structureSize;
        state.edit('Resize', (d) => resizeStructure(d, id, size));
      } else if (finished.kind === 'structure-move' && finished.moved) {
        const { id, beforeId } = finished;
        state.edit(finished.structure === 'stage' ? 'Move stage' : 'Move lane', (d) =>
          moveStructureTo(d, id, beforeId),
        );
      } else if (finished.kind === 'emotion' && preview.emotion && state.scenarioId) {
        const { stageId, score } = preview.emotion;
        const scenarioId = state.scenarioId;
        state.edit('Set emotion', (d) => setEmotion(d, scenarioId, stageId, score));
      } else if (finished.kind === 'resize' && preview.resize) {
        const { id, box } = preview.resize;
        state.edit('Resize note', (d) => updateNote(d, id, box));
      }
      gestureStore.setState(IDLE_PREVIEW);
    };

    // The browser took the pointer away (a touch became a scroll, the window lost it): nothing
    // the gesture was doing is kept, and a pan goes back to where it started.
    const onPointerCancel = (event: PointerEvent) => {
      const cancelled = gesture;
      gesture = null;
      if (element.hasPointerCapture(event.pointerId)) element.releasePointerCapture(event.pointerId);
      if (cancelled?.kind === 'pan') {
        const state = store.getState();
        state.setViewport({ ...state.viewport, ...cancelled.startViewport });
      }
      gestureStore.setState(IDLE_PREVIEW);
    };

    const hoverCursor = (point: Point): string => {
      if (spaceHeld) return 'grab';
      const state = store.getState();
      const [only] = state.selection;
      const single =
        state.selection.size === 1 && only
          ? shownNotesById(state.doc, state.scenarioId).get(only)
          : undefined;
      const corner = single?.type === 'note' ? handleAt(single, state.viewport.scale, point) : null;
      if (corner) return CORNER_CURSORS[corner];
      const grip = gripAt(boardLayout(state.doc, state.scenarioId), point, state.viewport.scale);
      if (grip?.action === 'resize') return grip.kind === 'stage' ? 'ew-resize' : 'ns-resize';
      if (grip) return 'grab';
      return noteAt(orderedNotes(state.doc, state.scenarioId), point) ? 'move' : 'default';
    };

    const onDoubleClick = (event: MouseEvent) => {
      const state = store.getState();
      if (state.editing) return;
      const point = boardPoint(event);
      const hit = noteAt(orderedNotes(state.doc, state.scenarioId), point);
      const gridHit = hitGrid(boardLayout(state.doc, state.scenarioId), point);
      if (hit) {
        state.select([hit.id]);
        editSelected(store);
      } else if (gridHit?.kind === 'stage-header' || gridHit?.kind === 'lane-header') {
        state.startRenaming({ kind: gridHit.kind === 'stage-header' ? 'stage' : 'lane', id: gridHit.id });
      } else if (!gridHit) {
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
      if (event.code !== 'Space' || notForTheBoard(event.target, ' ')) return;
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
    element.addEventListener('pointercancel', onPointerCancel);
    element.addEventListener('pointerleave', onLeave);
    element.addEventListener('dblclick', onDoubleClick);
    element.addEventListener('wheel', onWheel, { passive: false });
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      element.removeEventListener('pointerdown', onPointerDown);
      element.removeEventListener('pointermove', onPointerMove);
      element.removeEventListener('pointerup', onPointerUp);
      element.removeEventListener('pointercancel', onPointerCancel);
      element.removeEventListener('pointerleave', onLeave);
      element.removeEventListener('dblclick', onDoubleClick);
      element.removeEventListener('wheel', onWheel);
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [container, store]);
};
