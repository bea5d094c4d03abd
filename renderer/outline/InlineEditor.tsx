import { type FocusEvent, type KeyboardEvent, useLayoutEffect, useRef } from 'react';

interface InlineEditorProps {
  readonly initial: string;
  /** The field's accessible name ("Note text", "Stage name"). */
  readonly label: string;
  /** A note's text may run over several lines (Shift+Enter); a name is one line. */
  readonly multiline: boolean;
  /**
   * Called once: with the new value (Enter, or leaving the field) or null (Escape), and whether
   * the focus should go back to the item (it does after a key, not after a click elsewhere).
   */
  readonly onDone: (value: string | null, refocus: boolean) => void;
}

/** Edits an outline item's text in place: Enter keeps, Shift+Enter breaks a line, Escape cancels. */
export const InlineEditor = ({ initial, label, multiline, onDone }: InlineEditorProps) => {
  const input = useRef<HTMLInputElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const finished = useRef(false);
  const finish = (value: string | null, refocus: boolean) => {
    if (finished.current) return;
    finished.current = true;
    onDone(value, refocus);
  };
  useLayoutEffect(() => {
    const field = input.current ?? area.current;
    field?.focus();
    field?.select();
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    // The tree's keys (arrows, Delete, letters) are the field's while it is open.
    event.stopPropagation();
    if (event.key === 'Enter' && !(multiline && event.shiftKey)) {
      event.preventDefault();
      finish(event.currentTarget.value, true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(null, true);
    }
  };
  const onBlur = (event: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    finish(event.currentTarget.value, false);
  return multiline ? (
    <textarea
      ref={area}
      className="outline-editor"
      aria-label={label}
      defaultValue={initial}
      rows={Math.min(6, Math.max(2, initial.split('\n').length))}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    />
  ) : (
    <input
      ref={input}
      className="outline-editor"
      aria-label={label}
      defaultValue={initial}
      maxLength={200}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    />
  );
};
