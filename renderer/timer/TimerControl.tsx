import { Timer } from 'lucide-react';
import { useCallback, useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { appServices } from '../app/services.ts';
import type { JourneywallDb } from '../db/journeywall-db.ts';
import { ToolButton } from '../ui/ToolButton.tsx';
import { TimerMenu } from './TimerMenu.tsx';
import { timerMenuStore } from './timer-menu-store.ts';
import { useTimer } from './use-timer.ts';
import './timer.css';

interface TimerControlProps {
  /** The library the timer is stored in: the app's by default. */
  readonly db?: JourneywallDb;
  /** The key that opens the timer, for the tooltip. */
  readonly shortcut?: string;
}

const STATUS_NAMES = { idle: '', running: '', paused: ', paused', finished: ', time is up' } as const;

/** The timer on the board's toolbar: the time left (m:ss) on a button that opens its controls. */
export const TimerControl = ({ db = appServices().db, shortcut }: TimerControlProps) => {
  const timer = useTimer(db);
  const open = useStore(timerMenuStore, (menu) => menu.open);
  const { setOpen } = timerMenuStore.getState();
  const button = useRef<HTMLButtonElement>(null);
  const { state } = timer;
  const shown = state.status !== 'idle';
  const dismiss = useCallback(() => timerMenuStore.getState().setOpen(false), []);
  // The menu belongs to the control on screen: it is closed when the control goes.
  useEffect(() => dismiss, [dismiss]);
  const closeToButton = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="menu timer-control">
      <ToolButton
        ref={button}
        label={shown ? `Timer ${timer.clock}${STATUS_NAMES[state.status]}` : 'Timer'}
        title={`Timer${shortcut ? ` (${shortcut})` : ''}: start a countdown, pause it, add a minute`}
        shortcut={shortcut}
        expanded={open}
        onClick={() => setOpen(!open)}
      >
        <Timer aria-hidden />
        {shown && (
          <span
            className="timer-clock"
            data-phase={timer.phase}
            data-paused={state.status === 'paused'}
            data-pulsing={timer.pulsing}
          >
            {timer.clock}
          </span>
        )}
      </ToolButton>
      {open && <TimerMenu db={db} timer={timer} onDone={closeToButton} onDismiss={dismiss} />}
    </div>
  );
};
