import type { CDPSession } from 'playwright-core';

/**
 * Real input through Chromium's input pipeline (the DevTools protocol's Input domain, as
 * Playwright's mouse uses), so events are hit-tested, coalesced and dispatched like a user's.
 * Each call resolves once the renderer has handled the event.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

const BUTTON_MASK = { none: 0, left: 1, middle: 4 } as const;
type Button = keyof typeof BUTTON_MASK;

/** The DevTools protocol's modifier bits. */
export const MODIFIERS = { none: 0, ctrl: 2 } as const;

export const createInput = (cdp: CDPSession) => {
  let held: Button = 'none';
  const mouse = (type: 'mousePressed' | 'mouseMoved' | 'mouseReleased', at: Point, button: Button) =>
    cdp.send('Input.dispatchMouseEvent', {
      type,
      x: at.x,
      y: at.y,
      button,
      buttons: BUTTON_MASK[held],
      clickCount: type === 'mouseMoved' ? 0 : 1,
    });
  return {
    move: (at: Point) => mouse('mouseMoved', at, held),
    down: async (at: Point, button: Exclude<Button, 'none'> = 'left') => {
      held = button;
      await mouse('mousePressed', at, button);
    },
    up: async (at: Point) => {
      const button = held;
      held = 'none';
      await mouse('mouseReleased', at, button);
    },
    wheel: (at: Point, deltaX: number, deltaY: number, modifiers: number = MODIFIERS.none) =>
      cdp.send('Input.dispatchMouseEvent', {
        type: 'mouseWheel',
        x: at.x,
        y: at.y,
        deltaX,
        deltaY,
        modifiers,
      }),
    key: (type: 'keyDown' | 'keyUp', key: string, code: string, keyCode: number) =>
      cdp.send('Input.dispatchKeyEvent', { type, key, code, windowsVirtualKeyCode: keyCode }),
  };
};

export type Input = ReturnType<typeof createInput>;

/** Points on a circle through `start`: a hand moving steadily and coming back to where it began. */
export const circle = (start: Point, radius: number, steps: number): Point[] =>
  Array.from({ length: steps + 1 }, (_, index) => {
    const angle = (2 * Math.PI * index) / steps;
    // Whole pixels, so the last point is exactly the first and a dragged note lands where it was.
    return {
      x: Math.round(start.x + radius * Math.sin(angle)),
      y: Math.round(start.y - radius + radius * Math.cos(angle)),
    };
  });
