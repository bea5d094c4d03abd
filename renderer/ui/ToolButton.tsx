import type { KeyboardEvent, ReactNode, Ref } from 'react';

interface ToolButtonProps {
  readonly label: string;
  /** Shortcut shown in the tooltip, e.g. "Ctrl+Z". */
  readonly shortcut?: string;
  /**
   * The tooltip when it should say more than the label and its shortcut; false for none, as on a
   * panel's close button, whose heading already says what it closes.
   */
  readonly title?: string | false;
  readonly onClick: () => void;
  readonly onKeyDown?: (event: KeyboardEvent<HTMLButtonElement>) => void;
  readonly disabled?: boolean;
  readonly pressed?: boolean;
  /** Whether what the button opens or folds is shown. */
  readonly expanded?: boolean;
  readonly hasPopup?: 'menu';
  readonly ref?: Ref<HTMLButtonElement>;
  readonly children: ReactNode;
}

/** A toolbar button: an accessible name, and a tooltip that names its shortcut. */
export const ToolButton = ({
  label,
  shortcut,
  title,
  onClick,
  onKeyDown,
  disabled,
  pressed,
  expanded,
  hasPopup,
  ref,
  children,
}: ToolButtonProps) => (
  <button
    ref={ref}
    type="button"
    className="tool-button"
    aria-label={label}
    aria-pressed={pressed}
    aria-expanded={expanded}
    aria-haspopup={hasPopup}
    aria-keyshortcuts={shortcut || undefined}
    title={title === false ? undefined : (title ?? (shortcut ? `${label} (${shortcut})` : label))}
    onClick={onClick}
    onKeyDown={onKeyDown}
    disabled={disabled}
  >
    {children}
  </button>
);
