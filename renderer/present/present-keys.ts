import type { NoteRecord } from '../../shared/model/records.ts';
import { type KeyPress, PRESENT_KEYS } from '../board/shortcuts.ts';
import { moveStep, type PresentStep, type StepMove } from './present-steps.ts';
import type { PresentStore } from './present-store.ts';

/** What a key press came to: handled, not a present-mode key, or Escape with nothing left to close. */
export type PresentKeyResult = 'handled' | 'ignored' | 'leave';

export interface PresentKeyContext {
  readonly steps: readonly PresentStep[];
  /** The notes of the step shown, in reading order. */
  readonly notes: readonly NoteRecord[];
}

const stepMove = (event: KeyPress): StepMove | null => {
  if (PRESENT_KEYS.next.matches(event)) return 'next';
  if (PRESENT_KEYS.previous.matches(event)) return 'previous';
  if (PRESENT_KEYS.first.matches(event)) return 'first';
  if (PRESENT_KEYS.last.matches(event)) return 'last';
  if (PRESENT_KEYS.stage.matches(event)) return { stage: Number(event.key) };
  return null;
};

/**
 * Runs a key in present mode. A blanked screen comes back on any key, which does nothing
 * else; Escape closes the spotlight before it leaves present mode.
 */
export const runPresentKey = (
  store: PresentStore,
  event: KeyPress,
  { steps, notes }: PresentKeyContext,
): PresentKeyResult => {
  const state = store.getState();
  if (state.blanked) {
    state.blank(false);
    return 'handled';
  }
  if (PRESENT_KEYS.leave.matches(event)) {
    if (state.spotlightId === null) return 'leave';
    state.spotlight(null);
    return 'handled';
  }
  if (PRESENT_KEYS.blank.matches(event)) {
    state.blank(true);
    return 'handled';
  }
  if (PRESENT_KEYS.join.matches(event)) {
    state.showJoin(!state.joinShown);
    return 'handled';
  }
  const move = stepMove(event);
  if (move) {
    const next = moveStep(steps, state.step, move);
    if (next !== state.step) state.show(next);
    return 'handled';
  }
  if (PRESENT_KEYS.pick.matches(event)) {
    state.focus(pickedAfter(notes, state.focusedId, event.shiftKey ? -1 : 1));
    return 'handled';
  }
  if (PRESENT_KEYS.spotlight.matches(event)) {
    if (state.spotlightId !== null) state.spotlight(null);
    else state.spotlight(state.focusedId ?? notes[0]?.id ?? null);
    return 'handled';
  }
  return 'ignored';
};

/** The next note (or the one before), round the step's notes; from none, the first (or the last). */
const pickedAfter = (
  notes: readonly NoteRecord[],
  current: string | null,
  direction: 1 | -1,
): string | null => {
  if (notes.length === 0) return null;
  const index = notes.findIndex((note) => note.id === current);
  const next = index === -1 ? (direction === 1 ? 0 : notes.length - 1) : index + direction;
  return notes[(next + notes.length) % notes.length]?.id ?? null;
};
