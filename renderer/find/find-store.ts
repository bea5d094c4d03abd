import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { type SearchMatch, searchMap } from '../../shared/journey/search.ts';
import { boardLayout } from '../board/note-order.ts';
import { type BoardStore, boardStore } from '../store/index.ts';

/**
 * Find in the map (Mod+F): the query, its matches in the scenario shown and which one is
 * current. The board draws a highlight on every id in `matchIds` and a stronger one on
 * `currentId`. Matches follow the board: an edit or a change of scenario searches again and
 * keeps the current match where it still matches. Session state: never saved, never undone.
 */
export interface FindState {
  readonly open: boolean;
  readonly query: string;
  /** In reading order (see searchMap); empty while the bar is closed. */
  readonly matches: readonly SearchMatch[];
  /** Index of the current match in `matches`; -1 when there is none. */
  readonly current: number;
  /** Ids of the matched notes, stages, lanes and personas, for drawing highlights. */
  readonly matchIds: ReadonlySet<string>;
  readonly currentId: string | null;
  /** Bumped by every openFind, so the bar focuses its input again on a second Mod+F. */
  readonly focusRequest: number;
  openFind(): void;
  closeFind(): void;
  /** Searches for a new query; returns the first match, which becomes current. */
  setQuery(query: string): SearchMatch | null;
  /** Moves to the next (1) or previous (-1) match, wrapping around; returns it. */
  step(direction: 1 | -1): SearchMatch | null;
}

const sameMatch = (a: SearchMatch, b: SearchMatch): boolean =>
  a.kind === b.kind &&
  a.id === b.id &&
  (a.kind !== 'persona' || (b.kind === 'persona' && a.field === b.field));

const showing = (matches: readonly SearchMatch[], current: number) => ({
  matches,
  current,
  matchIds: new Set(matches.map((match) => match.id)),
  currentId: matches[current]?.id ?? null,
});

export const createFindStore = (board: BoardStore) => {
  const search = (query: string): SearchMatch[] => {
    const { doc, scenarioId } = board.getState();
    return doc && scenarioId ? searchMap(doc, boardLayout(doc, scenarioId), query) : [];
  };
  const store = createStore<FindState>()((set, get) => ({
    open: false,
    query: '',
    ...showing([], -1),
    focusRequest: 0,
    openFind: () => {
      const { open, query, focusRequest } = get();
      if (open) {
        set({ focusRequest: focusRequest + 1 });
        return;
      }
      const matches = search(query);
      set({ open: true, focusRequest: focusRequest + 1, ...showing(matches, matches.length > 0 ? 0 : -1) });
    },
    closeFind: () => set({ open: false, ...showing([], -1) }),
    setQuery: (query) => {
      const matches = get().open ? search(query) : [];
      set({ query, ...showing(matches, matches.length > 0 ? 0 : -1) });
      return matches[0] ?? null;
    },
    step: (direction) => {
      const { matches, current } = get();
      if (matches.length === 0) return null;
      const next = (current + direction + matches.length) % matches.length;
      set({ current: next, currentId: matches[next]?.id ?? null });
      return matches[next] ?? null;
    },
  }));
  board.subscribe((state, previous) => {
    if (state.doc === previous.doc && state.scenarioId === previous.scenarioId) return;
    const { open, query, matches, current } = store.getState();
    if (!open) return;
    const next = search(query);
    const was = matches[current];
    const kept = was ? next.findIndex((match) => sameMatch(match, was)) : -1;
    const index = kept >= 0 ? kept : next.length > 0 ? Math.max(0, Math.min(current, next.length - 1)) : -1;
    store.setState(showing(next, index));
  });
  return store;
};

export type FindStore = ReturnType<typeof createFindStore>;

export const findStore: FindStore = createFindStore(boardStore);

export const useFind = <T>(selector: (state: FindState) => T): T => useStore(findStore, selector);
