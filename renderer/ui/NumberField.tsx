import { type KeyboardEvent, useState } from 'react';

interface NumberFieldProps {
  /** For the visible label's htmlFor. */
  readonly id: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly label: string;
  readonly className?: string;
  /** Called once per change, with a number within [min, max] that differs from `value`. */
  readonly onCommit: (value: number) => void;
}

/** What a typed entry commits: clamped to [min, max]; null when it is empty or not a number. */
export const readNumber = (text: string, min: number, max: number): number | null => {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : null;
};

/**
 * A number input that edits the map once, not per keystroke: typing "300" passes through "3"
 * and "30", each of which would be an undo step (and clamped). The text typed is a draft until
 * Enter or leaving the field; Escape puts the map's value back.
 */
export const NumberField = ({ id, value, min, max, step, label, className, onCommit }: NumberFieldProps) => {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    const next = readNumber(draft, min, max);
    if (next !== null && next !== value) onCommit(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && draft !== null) {
      event.preventDefault();
      setDraft(null);
    }
  };
  return (
    <input
      id={id}
      type="number"
      className={className}
      aria-label={label}
      min={min}
      max={max}
      step={step}
      value={draft ?? String(value)}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  );
};
