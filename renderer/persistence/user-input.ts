/**
 * How long ago the user last pressed, dragged, scrolled or typed in this window: the rolling
 * backup waits for a pause in that, so its long task never lands in a gesture. Hovering does not
 * count; a pointer that moves with a button held (a drag) does.
 */
export interface InputClock {
  /** Milliseconds since the last input, Infinity before the first one. */
  sinceInput(): number;
  stop(): void;
}

const EVENTS = ['pointerdown', 'pointermove', 'wheel', 'keydown'] as const;

export const startInputClock = (target: Window = window): InputClock => {
  let last = Number.NEGATIVE_INFINITY;
  const onInput = (event: Event): void => {
    if (event.type === 'pointermove' && (event as PointerEvent).buttons === 0) return;
    last = performance.now();
  };
  const options = { capture: true, passive: true } as const;
  for (const type of EVENTS) target.addEventListener(type, onInput, options);
  return {
    sinceInput: () => performance.now() - last,
    stop: () => {
      for (const type of EVENTS) target.removeEventListener(type, onInput, options);
    },
  };
};
