import { createStore } from 'zustand/vanilla';

/**
 * Whether the toolbar's timer controls are open. In a store rather than the control's own state
 * because the timer's key and the desktop menu open them too.
 */
export const timerMenuStore = createStore<{ readonly open: boolean; setOpen(open: boolean): void }>()(
  (set) => ({
    open: false,
    setOpen: (open) => set({ open }),
  }),
);
