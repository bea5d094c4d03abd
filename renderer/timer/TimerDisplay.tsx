import { appServices } from '../app/services.ts';
import type { JourneywallDb } from '../db/journeywall-db.ts';
import { useTimer } from './use-timer.ts';
import './timer.css';

interface TimerDisplayProps {
  /** The library the timer is stored in: the app's by default. */
  readonly db?: JourneywallDb;
}

/**
 * The timer large, for present mode: the time left on its own dark ground, so it reads the same
 * on any view behind it. Nothing while no timer is set.
 */
export const TimerDisplay = ({ db = appServices().db }: TimerDisplayProps) => {
  const timer = useTimer(db);
  const { status } = timer.state;
  if (status === 'idle') return null;
  return (
    <div
      className="timer-display"
      role="timer"
      aria-label={`Timer${status === 'paused' ? ', paused' : status === 'finished' ? ', time is up' : ''}`}
      data-phase={timer.phase}
      data-paused={status === 'paused'}
      data-pulsing={timer.pulsing}
    >
      <span className="timer-display-clock">{timer.clock}</span>
      {status === 'paused' && <span className="timer-display-note">Paused</span>}
    </div>
  );
};
