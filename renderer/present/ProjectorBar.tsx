import { ChevronLeft, ChevronRight, EyeOff, X } from 'lucide-react';
import { useEffect } from 'react';
import type { JourneywallBridge } from '../../shared/ipc/contract.ts';
import { notForTheBoard } from '../board/key-targets.ts';
import { ToolButton } from '../ui/ToolButton.tsx';
import { presentStore } from './present-store.ts';
import { closeProjector, projectorKey, sendProjectorKey, useProjector } from './projector-host.ts';

interface ProjectorBarProps {
  readonly bridge: Pick<JourneywallBridge, 'openProjector' | 'closeProjector'>;
}

/** The keys a presentation clicker sends: on the board window, they step the projector window. */
const CLICKER_KEYS = new Set(['PageDown', 'PageUp']);

/**
 * On the board while a projector window is open: what it shows, and its steps, blank and close
 * at hand, so the facilitator keeps the editable board on the laptop while the room watches the
 * present view. A clicker's Page Down and Page Up step it from here too.
 */
export const ProjectorBar = ({ bridge }: ProjectorBarProps) => {
  const open = useProjector((state) => state.id !== null);
  const status = useProjector((state) => state.status);
  // Until the projector window has drawn the map it is not listening: a step sent then is lost.
  const ready = status !== null;
  useClickerKeys(open && ready);
  if (!open) return null;
  return (
    <section className="projector-bar" aria-label="Projector window" data-testid="projector-bar">
      <span className="projector-bar-status" aria-live="polite">
        {status
          ? `Projector: ${status.step} / ${status.steps} · ${status.caption}${status.blanked ? ' · blanked' : ''}`
          : 'Projector: opening…'}
      </span>
      <ToolButton
        label="Previous step"
        disabled={!ready}
        onClick={() => sendProjectorKey(projectorKey('PageUp'))}
      >
        <ChevronLeft aria-hidden />
      </ToolButton>
      <ToolButton
        label="Next step"
        disabled={!ready}
        onClick={() => sendProjectorKey(projectorKey('PageDown'))}
      >
        <ChevronRight aria-hidden />
      </ToolButton>
      <ToolButton
        label={status?.blanked ? 'Show the projector again' : 'Blank the projector'}
        pressed={status?.blanked ?? false}
        disabled={!ready}
        onClick={() => sendProjectorKey(projectorKey('b'))}
      >
        <EyeOff aria-hidden />
      </ToolButton>
      <ToolButton label="Close the projector window" onClick={() => void closeProjector(bridge)}>
        <X aria-hidden />
      </ToolButton>
    </section>
  );
};

/** Page Down and Page Up on the board window step the projector window, unless typing or presenting here. */
const useClickerKeys = (open: boolean) => {
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!CLICKER_KEYS.has(event.key) || presentStore.getState().open) return;
      if (notForTheBoard(event.target, event.key)) return;
      event.preventDefault();
      sendProjectorKey(projectorKey(event.key));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open]);
};
