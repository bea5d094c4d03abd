import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * Which side panels of the board are open. Session state, kept outside the board component so
 * the application menu and the keyboard can toggle them too; never saved, never undone.
 */
export type BoardPanel = 'outline' | 'legend' | 'insights' | 'vote' | 'room';

interface PanelsState {
  readonly open: Readonly<Record<BoardPanel, boolean>>;
  toggle(panel: BoardPanel): void;
  close(panel: BoardPanel): void;
}

export const panelsStore = createStore<PanelsState>()((set, get) => ({
  open: { outline: false, legend: false, insights: false, vote: false, room: false },
  toggle: (panel) => set({ open: { ...get().open, [panel]: !get().open[panel] } }),
  close: (panel) => set({ open: { ...get().open, [panel]: false } }),
}));

export const usePanelOpen = (panel: BoardPanel): boolean =>
  useStore(panelsStore, (state) => state.open[panel]);
