import { describe, expect, it } from 'vitest';
import type { NoteRecord } from '../../shared/model/records.ts';
import type { KeyPress } from '../board/shortcuts.ts';
import { runPresentKey } from './present-keys.ts';
import type { PresentStep } from './present-steps.ts';
import { createPresentStore } from './present-store.ts';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: '',
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

const stage = (stageNumber: number, part = 1): PresentStep => ({
  kind: 'stage',
  stageId: `stage-${stageNumber}`,
  stageNumber,
  part,
  parts: part,
  laneIds: [],
  frame: { x: 0, y: 0, w: 1, h: 1 },
  viewport: { x: 0, y: 0, scale: 1 },
  pinned: { stages: true, lanes: true },
});

const STEPS: PresentStep[] = [
  { kind: 'overview', viewport: { x: 0, y: 0, scale: 0.5 } },
  stage(1),
  stage(2),
  stage(2, 2),
  stage(3),
];

const NOTES = ['a', 'b', 'c'].map((id) => ({ id }) as NoteRecord);

const started = (step = 0) => {
  const store = createPresentStore();
  store.getState().enter();
  store.getState().show(step);
  return store;
};

const run = (store: ReturnType<typeof started>, event: KeyPress) =>
  runPresentKey(store, event, { steps: STEPS, notes: NOTES });

describe('present mode keys, as a presentation clicker sends them', () => {
  it('Page Down, the right and down arrows and Space go on; Page Up, left, up and Shift+Space go back', () => {
    for (const key of ['PageDown', 'ArrowRight', 'ArrowDown', ' ']) {
      const store = started(2);
      expect(run(store, press(key))).toBe('handled');
      expect(store.getState().step, key).toBe(3);
    }
    for (const [key, shiftKey] of [
      ['PageUp', false],
      ['ArrowLeft', false],
      ['ArrowUp', false],
      [' ', true],
    ] as const) {
      const store = started(2);
      run(store, press(key, { shiftKey }));
      expect(store.getState().step, key).toBe(1);
    }
  });

  it('Home, End and a stage number jump; nothing goes past either end', () => {
    const store = started(2);
    run(store, press('End'));
    expect(store.getState().step).toBe(4);
    run(store, press('PageDown'));
    expect(store.getState().step).toBe(4);
    run(store, press('Home'));
    expect(store.getState().step).toBe(0);
    run(store, press('PageUp'));
    expect(store.getState().step).toBe(0);
    run(store, press('2'));
    expect(store.getState().step).toBe(2);
  });

  it('Tab picks the step’s notes in turn and Enter spotlights the one picked; a new step forgets both', () => {
    const store = started(1);
    run(store, press('Tab'));
    run(store, press('Tab'));
    expect(store.getState().focusedId).toBe('b');
    run(store, press('Tab', { shiftKey: true }));
    run(store, press('Tab', { shiftKey: true }));
    expect(store.getState().focusedId).toBe('c');
    run(store, press('Enter'));
    expect(store.getState().spotlightId).toBe('c');
    run(store, press('Enter'));
    expect(store.getState().spotlightId).toBeNull();
    run(store, press('Enter'));
    run(store, press('PageDown'));
    expect(store.getState()).toMatchObject({ step: 2, spotlightId: null, focusedId: null });
  });

  it('Escape closes the spotlight first, then leaves present mode', () => {
    const store = started(1);
    run(store, press('Enter'));
    expect(store.getState().spotlightId).toBe('a');
    expect(run(store, press('Escape'))).toBe('handled');
    expect(store.getState().spotlightId).toBeNull();
    expect(run(store, press('Escape'))).toBe('leave');
  });

  it('B or "." blanks the screen, and any key brings it back without doing anything else', () => {
    for (const key of ['b', 'B', '.']) {
      const store = started(1);
      run(store, press(key, { shiftKey: key === 'B' }));
      expect(store.getState().blanked, key).toBe(true);
      expect(run(store, press('PageDown'))).toBe('handled');
      expect(store.getState()).toMatchObject({ blanked: false, step: 1 });
    }
    const store = started(1);
    run(store, press('b'));
    expect(run(store, press('Escape'))).toBe('handled');
    expect(store.getState().open).toBe(true);
  });

  it('J hides how to join the room, and shows it again', () => {
    const store = started(1);
    expect(store.getState().joinShown).toBe(true);
    expect(run(store, press('j'))).toBe('handled');
    expect(store.getState()).toMatchObject({ joinShown: false, step: 1 });
    run(store, press('J', { shiftKey: true }));
    expect(store.getState().joinShown).toBe(true);
  });

  it('leaves other keys alone', () => {
    const store = started(1);
    expect(run(store, press('x'))).toBe('ignored');
    expect(run(store, press('PageDown', { ctrlKey: true }))).toBe('ignored');
    expect(store.getState().step).toBe(1);
  });
});
