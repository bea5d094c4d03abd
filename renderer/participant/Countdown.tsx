import { useEffect, useState } from 'react';

/** Minutes and seconds left, rounded up so "00:00" never shows while time remains. */
export const clock = (msLeft: number): string => {
  const seconds = Math.ceil(msLeft / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
};

/** The round's timer. It only informs: notes written after it are still welcome. */
export const Countdown = ({
  endsAt,
  over: overText = "Time's up. You can still send notes.",
}: {
  readonly endsAt: number;
  /** What shows once the time is up. */
  readonly over?: string;
}) => {
  const [now, setNow] = useState(Date.now);
  const over = now >= endsAt;
  useEffect(() => {
    if (over) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [over]);
  return over ? (
    <p className="countdown over">{overText}</p>
  ) : (
    <p className="countdown">
      Time left <span role="timer">{clock(endsAt - now)}</span>
    </p>
  );
};
