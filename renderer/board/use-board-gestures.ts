import { type RefObject, useEffect } from 'react';
import type { BoardStore } from '../store/index.ts';
import { gestureStore, IDLE_PREVIEW } from './gesture-store.ts';
import { doubleClickAt } from './gestures/double-click.ts';
import { BUTTON, type Gesture, type GestureContext, type PointerAt } from './gestures/gesture.ts';
import { hoverCursor } from './gestures/hover-cursor.ts';
import { gestureForPress } from './gestures/press.ts';
import { viewportAfterWheel } from './gestures/wheel.ts';
import { notForTheBoard } from './key-targets.ts';
import { setLastPointer } from './pointer.ts';
import { type Point, toBoard } from './viewport.ts';

/**
 * Pointer, wheel and space-bar handling of the board. A press enters the gesture press.ts picks
 * for what is under the pointer; moves, the release and a cancel go to that gesture, and the
 * preview is reset when it ends. The gestures themselves live in gestures/, one file each.
 */
export const useBoardGestures = (container: RefObject<HTMLDivElement | null>, store: BoardStore): void => {
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const context: GestureContext = { store, preview: gestureStore };
    let gesture: Gesture | null = null;
    let spaceHeld = false;

    const screenPoint = (event: { clientX: number; clientY: number }): Point => {
      const bounds = element.getBoundingClientRect();
      return { x: event.clientX - bounds.left, y: event.clientY - bounds.top };
    };
    const pointerAt = (event: { clientX: number; clientY: number }): PointerAt => {
      const screen = screenPoint(event);
      return { screen, board: toBoard(store.getState().viewport, screen) };
    };

    /** Ends the running gesture, if any, by `finish`; then the preview shows nothing any more. */
    const end = (event: PointerEvent, finish: (ended: Gesture) => void) => {
      const ended = gesture;
      gesture = null;
      if (element.hasPointerCapture(event.pointerId)) element.releasePointerCapture(event.pointerId);
      if (!ended) return;
      finish(ended);
      gestureStore.setState(IDLE_PREVIEW);
    };

    const onPointerDown = (event: PointerEvent) => {
      if (store.getState().editing) return;
      element.focus({ preventScroll: true });
      const pressed = gestureForPress(context, {
        at: pointerAt(event),
        button: event.button,
        shift: event.shiftKey,
        spaceHeld,
      });
      if (!pressed) return;
      gesture = pressed;
      element.setPointerCapture(event.pointerId);
      event.preventDefault();
    };

    const onPointerMove = (event: PointerEvent) => {
      const at = pointerAt(event);
      setLastPointer(store, at.screen);
      if (gesture) gesture.move(at);
      else element.style.cursor = spaceHeld ? 'grab' : hoverCursor(store.getState(), at.board);
    };

    const onPointerUp = (event: PointerEvent) => {
      // On Linux a middle click pastes the primary selection; a middle-drag pan must not.
      if (event.button === BUTTON.middle) event.preventDefault();
      end(event, (finished) => finished.up());
    };

    // The browser took the pointer away (a touch became a scroll, the window lost it): nothing
    // the gesture was doing is kept.
    const onPointerCancel = (event: PointerEvent) => end(event, (cancelled) => cancelled.cancel?.());

    const onDoubleClick = (event: MouseEvent) => doubleClickAt(store, pointerAt(event).board);

    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const state = store.getState();
      state.setViewport(viewportAfterWheel(state.viewport, screenPoint(event), event));
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
    const onLeave = () => setLastPointer(store, null);

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
