import { createStore } from 'zustand/vanilla';

/**
 * The stage present mode shows now (in this window or in the projector window), or null on any
 * other step or when present mode is off: phones in the room can follow it.
 */
export const shownStageStore = createStore<{ readonly stageId: string | null }>()(() => ({ stageId: null }));
