import { ChevronDown, ChevronUp, X } from 'lucide-react';
import { type KeyboardEvent, useLayoutEffect, useRef } from 'react';
import type { SearchMatch } from '../../shared/journey/search.ts';
import { boardStore } from '../store/index.ts';
import { ToolButton } from '../ui/ToolButton.tsx';
import { findStore, useFind } from './find-store.ts';
import { type PersonaMatchHandler, revealMatch } from './reveal.ts';
import './find.css';

interface FindBarProps {
  /** A match in a persona's field: open that persona's card (it is not on the board). */
  readonly onPersonaMatch?: PersonaMatchHandler;
}

const isFindKey = (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f';

/**
 * The find bar over the board: type to search notes, headers and personas; Enter and Shift+Enter
 * (or the arrows) go to the next and previous match, which the board pans to; Escape closes and
 * gives the focus back to where it was. Shown while findStore is open.
 */
export const FindBar = ({ onPersonaMatch }: FindBarProps) => {
  const open = useFind((state) => state.open);
  const query = useFind((state) => state.query);
  const total = useFind((state) => state.matches.length);
  const current = useFind((state) => state.current);
  const focusRequest = useFind((state) => state.focusRequest);
  const input = useRef<HTMLInputElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useLayoutEffect(() => {
    if (!open || focusRequest === 0) return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== input.current) returnTo.current = active;
    input.current?.focus();
    input.current?.select();
  }, [open, focusRequest]);

  if (!open) return null;

  const reveal = (match: SearchMatch | null) => {
    if (match) revealMatch(boardStore, match, onPersonaMatch);
  };
  const close = () => {
    findStore.getState().closeFind();
    if (returnTo.current?.isConnected) returnTo.current.focus();
    returnTo.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      reveal(findStore.getState().step(event.shiftKey ? -1 : 1));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (isFindKey(event)) {
      event.preventDefault();
      event.currentTarget.select();
    }
  };
  const count = query.trim() === '' ? '' : total === 0 ? 'No results' : `${current + 1} of ${total}`;

  return (
    <search className="find-bar" aria-label="Find in map">
      <input
        ref={input}
        type="search"
        className="find-input"
        aria-label="Find in notes, headers and personas"
        placeholder="Find…"
        value={query}
        onChange={(event) => reveal(findStore.getState().setQuery(event.target.value))}
        onKeyDown={onKeyDown}
      />
      <output className="find-count" aria-live="polite">
        {count}
      </output>
      <ToolButton
        label="Previous match"
        title="Previous match (Shift+Enter)"
        disabled={total === 0}
        onClick={() => reveal(findStore.getState().step(-1))}
      >
        <ChevronUp aria-hidden />
      </ToolButton>
      <ToolButton
        label="Next match"
        title="Next match (Enter)"
        disabled={total === 0}
        onClick={() => reveal(findStore.getState().step(1))}
      >
        <ChevronDown aria-hidden />
      </ToolButton>
      <ToolButton label="Close find" title="Close (Escape)" onClick={close}>
        <X aria-hidden />
      </ToolButton>
    </search>
  );
};
