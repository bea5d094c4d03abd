import type { Gesture, GestureContext, PointerAt } from './gesture.ts';

/**
 * Middle-drag or space+drag: the board follows the pointer. The viewport is not part of the
 * document, so a pan commits nothing and is no undo step; a cancelled pan goes back to where it
 * started.
 */
export const enterPan = ({ store, preview }: GestureContext, at: PointerAt): Gesture => {
  const startScreen = at.screen;
  const startViewport = store.getState().viewport;
  preview.setState({ panning: true });
  return {
    move: ({ screen }) => {
      const state = store.getState();
      state.setViewport({
        ...state.viewport,
        x: startViewport.x + screen.x - startScreen.x,
        y: startViewport.y + screen.y - startScreen.y,
      });
    },
    // Nothing to commit: the viewport already is where the pan left it.
    up: () => {},
    cancel: () => {
      const state = store.getState();
      state.setViewport({ ...state.viewport, ...startViewport });
    },
  };
};
