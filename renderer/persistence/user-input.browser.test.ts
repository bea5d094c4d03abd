import { afterEach, describe, expect, it } from 'vitest';
import { type InputClock, startInputClock } from './user-input.ts';

const clocks: InputClock[] = [];
afterEach(() => {
  for (const clock of clocks.splice(0)) clock.stop();
});

const start = () => {
  const clock = startInputClock(window);
  clocks.push(clock);
  return clock;
};

describe('the input clock the backup waits on', () => {
  it('counts presses, drags, wheel turns and keys, not a hovering pointer', () => {
    const clock = start();
    expect(clock.sinceInput()).toBe(Number.POSITIVE_INFINITY);
    document.body.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, buttons: 0 }));
    expect(clock.sinceInput()).toBe(Number.POSITIVE_INFINITY);
    for (const event of [
      new PointerEvent('pointermove', { bubbles: true, buttons: 1 }),
      new PointerEvent('pointerdown', { bubbles: true }),
      new WheelEvent('wheel', { bubbles: true, deltaY: 40 }),
      new KeyboardEvent('keydown', { bubbles: true, key: 'a' }),
    ]) {
      const fresh = start();
      document.body.dispatchEvent(event);
      expect(fresh.sinceInput(), event.type).toBeLessThan(1000);
    }
  });

  it('stops listening when stopped', () => {
    const clock = start();
    clock.stop();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'a' }));
    expect(clock.sinceInput()).toBe(Number.POSITIVE_INFINITY);
  });
});
