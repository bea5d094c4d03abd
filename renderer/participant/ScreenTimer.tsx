import type { TimerView } from '../../shared/room/protocol.ts';
import { Countdown, clock } from './Countdown.tsx';

/** The workshop timer as the room's screen shows it. */
export const ScreenTimer = ({ timer }: { readonly timer: TimerView }) => {
  switch (timer.status) {
    case 'running':
      return <Countdown endsAt={timer.endsAt} over="Time's up" />;
    case 'paused':
      return <p className="countdown">Timer paused at {clock(timer.remainingMs)}</p>;
    case 'finished':
      return <p className="countdown over">Time's up</p>;
  }
};
