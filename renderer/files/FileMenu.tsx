import { FileText } from 'lucide-react';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { shortcutLabel } from '../board/shortcuts.ts';
import type { AppCommand } from '../board/use-keyboard-shortcuts.ts';
import { ToolButton } from '../ui/ToolButton.tsx';

interface FileMenuProps {
  readonly onCommand: (command: AppCommand) => void;
}

const ITEMS: readonly { command: AppCommand; label: string }[] = [
  { command: 'open-file', label: 'Open…' },
  { command: 'save', label: 'Save' },
  { command: 'save-as', label: 'Save as…' },
  { command: 'save-copy', label: 'Export a copy (.cxmap)…' },
  { command: 'merge-copy', label: 'Merge a copy…' },
  { command: 'export-poster', label: 'Export poster (PNG)…' },
  { command: 'export-print-pages', label: 'Print pages (PDF)…' },
];

/** Where each menu key moves the focus, from item `at` of `count` (the WAI-ARIA menu pattern). */
const MOVES: Readonly<Record<string, (at: number, count: number) => number>> = {
  ArrowDown: (at, count) => (at + 1) % count,
  ArrowUp: (at, count) => (at - 1 + count) % count,
  Home: () => 0,
  End: (_at, count) => count - 1,
};

/** The File menu of the toolbar: the browser build has no application menu, the desktop has both. */
export const FileMenu = ({ onCommand }: FileMenuProps) => {
  // The item to focus when the menu opens: the first, or the last when opened with ArrowUp.
  const [openAt, setOpenAt] = useState<number | null>(null);
  const open = openAt !== null;
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<HTMLButtonElement[]>([]);
  useEffect(() => {
    if (openAt === null) return;
    items.current[openAt]?.focus();
    const close = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpenAt(null);
    };
    window.addEventListener('pointerdown', close);
    return () => window.removeEventListener('pointerdown', close);
  }, [openAt]);
  const closeToButton = () => {
    setOpenAt(null);
    button.current?.focus();
  };
  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = MOVES[event.key];
    if (move) {
      event.preventDefault();
      const at = items.current.indexOf(document.activeElement as HTMLButtonElement);
      items.current[move(at, ITEMS.length)]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      closeToButton();
    } else if (event.key === 'Tab') setOpenAt(null);
  };
  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    setOpenAt(event.key === 'ArrowDown' ? 0 : ITEMS.length - 1);
  };
  return (
    <div className="menu" ref={ref}>
      <ToolButton
        ref={button}
        label="File"
        title="File: open, save, merge a copy, export a poster"
        hasPopup="menu"
        expanded={open}
        onClick={() => setOpenAt(open ? null : 0)}
        onKeyDown={onButtonKey}
      >
        <FileText aria-hidden />
      </ToolButton>
      {open && (
        <div className="menu-items" role="menu" aria-label="File" onKeyDown={onMenuKey}>
          {ITEMS.map((item, index) => (
            <button
              key={item.command}
              ref={(element) => {
                if (element) items.current[index] = element;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                closeToButton();
                onCommand(item.command);
              }}
            >
              <span>{item.label}</span>
              <kbd>{shortcutLabel(item.command)}</kbd>
            </button>
          ))}
        </div>
      )}
    </div>
  );
};
