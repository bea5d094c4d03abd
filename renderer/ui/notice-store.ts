import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * The app's one short message at the bottom of the window (a Toast), settable from anywhere:
 * file actions, paste, persistence. A newer message replaces the one shown.
 */
interface NoticeState {
  readonly message: string | null;
  show(message: string): void;
  dismiss(): void;
}

export const noticeStore = createStore<NoticeState>()((set) => ({
  message: null,
  show: (message) => set({ message }),
  dismiss: () => set({ message: null }),
}));

export const showNotice = (message: string): void => noticeStore.getState().show(message);

export const useNotice = (): string | null => useStore(noticeStore, (state) => state.message);
