import { type KeyboardEvent, useEffect, useRef } from 'react';
import type { BoardPanel, panelsStore as PanelsStore } from './panels-store.ts';

/**
 * Gives the keyboard focus back to what opened a side panel (its toolbar button, or the board
 * for a shortcut) when the panel closes, instead of leaving it on the page's body. The store
 * changes before the panel renders, so what has the focus then is the opener, not the panel.
 * Returns the unsubscribe function.
 */
export const returnFocusOnClose = (store: typeof PanelsStore): (() => void) => {
  const openers = new Map<BoardPanel, HTMLElement>();
  return store.subscribe((state, previous) => {
    for (const panel of Object.keys(state.open) as BoardPanel[]) {
      const active = document.activeElement;
      if (state.open[panel] && !previous.open[panel]) {
        if (active instanceof HTMLElement && active !== document.body) openers.set(panel, active);
        else openers.delete(panel);
      } else if (!state.open[panel] && previous.open[panel]) {
        const opener = openers.get(panel);
        openers.delete(panel);
        // Only when the focus is in a panel (its Close button) or nowhere: never away from elsewhere.
        const inPanel = active === null || active === document.body || active.closest('.side-panel') !== null;
        if (opener?.isConnected && inPanel) opener.focus();
      }
    }
  });
};

/**
 * What a side panel or pop-up menu spreads on its container: it takes the focus as it opens (a
 * keyboard user lands in what they opened, unless a control inside took it already) and closes
 * on an Escape that nothing inside it used (an edit's Escape cancels the edit first).
 */
export const usePanelKeys = <T extends HTMLElement>(onClose: () => void) => {
  const ref = useRef<T>(null);
  useEffect(() => {
    const panel = ref.current;
    if (panel && !panel.contains(document.activeElement)) panel.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent<T>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onClose();
  };
  return { ref, tabIndex: -1, onKeyDown };
};
