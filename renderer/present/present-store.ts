import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * Present mode's state, all of it: whether it is on, the step shown, the note picked with Tab,
 * the note in the spotlight and whether the screen is blanked. What the view shows is made
 * from this and the map alone, so a second window can show the same view from the same state.
 */
export interface PresentState {
  readonly open: boolean;
  /** Index into the steps (presentSteps), kept within them by the view. */
  readonly step: number;
  /** The note picked with Tab (Enter spotlights it). */
  readonly focusedId: string | null;
  readonly spotlightId: string | null;
  readonly blanked: boolean;
  /** Whether the open room's QR code and address are shown (J). */
  readonly joinShown: boolean;
}

export interface PresentActions {
  /** Starts on the first step: the whole map and the persona. */
  enter(): void;
  leave(): void;
  /** Shows a step; the picked note and the spotlight belong to the step left. */
  show(step: number): void;
  focus(noteId: string | null): void;
  spotlight(noteId: string | null): void;
  blank(blanked: boolean): void;
  showJoin(shown: boolean): void;
}

const CLOSED: PresentState = {
  open: false,
  step: 0,
  focusedId: null,
  spotlightId: null,
  blanked: false,
  joinShown: true,
};

export const createPresentStore = () =>
  createStore<PresentState & PresentActions>()((set) => ({
    ...CLOSED,
    enter: () => set({ ...CLOSED, open: true }),
    leave: () => set(CLOSED),
    show: (step) => set({ step, focusedId: null, spotlightId: null }),
    focus: (focusedId) => set({ focusedId }),
    spotlight: (spotlightId) => set(spotlightId ? { spotlightId, focusedId: spotlightId } : { spotlightId }),
    blank: (blanked) => set({ blanked }),
    showJoin: (joinShown) => set({ joinShown }),
  }));

export type PresentStore = ReturnType<typeof createPresentStore>;

export const presentStore: PresentStore = createPresentStore();

export const usePresent = <T>(selector: (state: PresentState & PresentActions) => T): T =>
  useStore(presentStore, selector);
