import { Pause, Play, Plus, Square } from 'lucide-react';
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { JourneywallDb } from '../db/journeywall-db.ts';
import { usePanelKeys } from '../ui/panel-focus.ts';
import { ToolButton } from '../ui/ToolButton.tsx';
import { addTimerMinute, setTimerMuted, startTimer, stopTimer, toggleTimerPause } from './timer-commands.ts';
import { MINUTE_MS } from './timer-model.ts';
import { parseTimerLength } from './timer-text.ts';
import type { TimerView } from './use-timer.ts';

interface TimerMenuProps {
  readonly db: JourneywallDb;
  readonly timer: TimerView;
  /** Closes the menu and gives the focus back to its button (a countdown was started, or Escape). */
  readonly onDone: () => void;
  /** Closes the menu for a click elsewhere, which keeps its own focus. */
  readonly onDismiss: () => void;
}

/** The lengths of a workshop's usual timeboxes, in minutes. */
const TIMER_PRESETS = [1, 3, 5, 10] as const;

/** The timer's controls: presets, a typed length, pause or resume, a minute more, stop, mute. */
export const TimerMenu = ({ db, timer, onDone, onDismiss }: TimerMenuProps) => {
  const [length, setLength] = useState('');
  const [invalid, setInvalid] = useState(false);
  const hintId = useId();
  const menu = usePanelKeys<HTMLFieldSetElement>(onDone);
  const { ref } = menu;
  useEffect(() => {
    const close = (event: PointerEvent) => {
      if (!ref.current?.parentElement?.contains(event.target as Node)) onDismiss();
    };
    window.addEventListener('pointerdown', close);
    return () => window.removeEventListener('pointerdown', close);
  }, [onDismiss, ref]);

  const begin = (minutes: number) => {
    void startTimer(minutes, db);
    onDone();
  };
  const beginTyped = (event: FormEvent) => {
    event.preventDefault();
    const ms = parseTimerLength(length);
    if (ms === null) setInvalid(true);
    else begin(ms / MINUTE_MS);
  };
  const { status } = timer.state;
  const counting = status === 'running' || status === 'paused';
  return (
    <fieldset className="menu-items timer-menu" aria-label="Timer" {...menu}>
      <fieldset className="timer-row">
        <legend>Start a countdown</legend>
        {TIMER_PRESETS.map((minutes) => (
          <button
            key={minutes}
            type="button"
            title={`Start a ${minutes}-minute countdown`}
            onClick={() => begin(minutes)}
          >
            {minutes} min
          </button>
        ))}
      </fieldset>
      <form className="timer-row" onSubmit={beginTyped}>
        <label className="inline-field">
          <span>Length</span>
          <input
            className="timer-length"
            value={length}
            placeholder="7 or 2:30"
            inputMode="decimal"
            aria-invalid={invalid}
            aria-describedby={hintId}
            onChange={(event) => {
              setLength(event.target.value);
              setInvalid(false);
            }}
          />
        </label>
        <button type="submit">Start</button>
      </form>
      <p id={hintId} className={invalid ? 'timer-hint timer-hint-invalid' : 'timer-hint'}>
        Minutes, or minutes and seconds (m:ss), up to 180 minutes.
      </p>
      <div className="timer-row timer-actions">
        <ToolButton
          label={status === 'paused' ? 'Resume' : 'Pause'}
          onClick={() => void toggleTimerPause(db)}
          disabled={!counting}
        >
          {status === 'paused' ? <Play aria-hidden /> : <Pause aria-hidden />}
          {status === 'paused' ? 'Resume' : 'Pause'}
        </ToolButton>
        <ToolButton
          label="+1 min"
          title="Add a minute"
          onClick={() => void addTimerMinute(db)}
          disabled={status === 'idle'}
        >
          <Plus aria-hidden />1 min
        </ToolButton>
        <ToolButton
          label="Stop"
          title="Stop the timer"
          onClick={() => void stopTimer(db)}
          disabled={status === 'idle'}
        >
          <Square aria-hidden />
          Stop
        </ToolButton>
      </div>
      <label className="inline-field checkbox">
        <input
          type="checkbox"
          checked={timer.muted}
          onChange={(event) => void setTimerMuted(event.target.checked, db)}
        />
        <span>Mute the chime</span>
      </label>
    </fieldset>
  );
};
