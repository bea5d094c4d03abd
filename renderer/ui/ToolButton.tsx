import type { ReactNode } from 'react';

interface ToolButtonProps {
  readonly label: string;
  /** Shortcut shown in the tooltip, e.g. "Ctrl+Z". */
  readonly shortcut?: string;
  readonly onClick: () => void;
  readonly disabled?: boolean;
  readonly pressed?: boolean;
  readonly children: ReactNode;
}

/** A toolbar button: an accessible name, and a tooltip that names its shortcut. */
export const ToolButton = ({ label, shortcut, onClick, disabled, pressed, children }: ToolButtonProps) => (
  <button
    type="button"
    className="tool-button"
    aria-label={label}
    aria-pressed={pressed}
    aria-keyshortcuts={shortcut || undefined}
    title={shortcut ? `${label} (${shortcut})` : label}
    onClick={onClick}
    disabled={disabled}
  >
    {children}
  </button>
);
