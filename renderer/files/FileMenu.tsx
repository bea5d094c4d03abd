import { FileText } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { shortcutLabel } from '../board/shortcuts.ts';
import type { AppCommand } from '../board/use-keyboard-shortcuts.ts';

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

/** The File menu of the toolbar: the browser build has no application menu, the desktop has both. */
export const FileMenu = ({ onCommand }: FileMenuProps) => {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', close);
    return () => window.removeEventListener('pointerdown', close);
  }, [open]);
  return (
    <div className="menu" ref={ref}>
      <button
        type="button"
        className="tool-button"
        aria-label="File"
        title="File: open, save, merge a copy, export a poster"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <FileText aria-hidden />
      </button>
      {open && (
        <div className="menu-items" role="menu" aria-label="File">
          {ITEMS.map((item) => (
            <button
              key={item.command}
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false);
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
