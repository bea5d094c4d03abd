import { Shapes } from 'lucide-react';
import { ToolButton } from '../ui/ToolButton.tsx';

interface LegendButtonProps {
  readonly open: boolean;
  readonly onToggle: () => void;
}

/** The toolbar button that shows and hides the legend; pressed while it is shown. */
export const LegendButton = ({ open, onToggle }: LegendButtonProps) => (
  <ToolButton label="Legend" pressed={open} onClick={onToggle}>
    <Shapes aria-hidden />
  </ToolButton>
);
