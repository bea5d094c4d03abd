import { X } from 'lucide-react';
import { type ReactNode, useId } from 'react';
import { usePanelKeys } from './panel-focus.ts';
import { ToolButton } from './ToolButton.tsx';

interface SidePanelProps {
  /** The panel's heading; its Close button is named after it ("Close outline"). */
  readonly title: string;
  /** The panel's own class, beside `side-panel`. */
  readonly className: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
}

/** A panel beside the board: its heading, a Close button and the keys every panel answers. */
export const SidePanel = ({ title, className, onClose, children }: SidePanelProps) => {
  const panel = usePanelKeys<HTMLElement>(onClose);
  const titleId = useId();
  return (
    <aside className={`side-panel ${className}`} aria-labelledby={titleId} {...panel}>
      <header className="compare-header">
        <h2 id={titleId}>{title}</h2>
        <ToolButton label={`Close ${title.toLowerCase()}`} title={false} onClick={onClose}>
          <X aria-hidden />
        </ToolButton>
      </header>
      {children}
    </aside>
  );
};
