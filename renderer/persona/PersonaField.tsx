import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import {
  type PersonaField as Field,
  PERSONA_FIELD_WORDS,
  PERSONA_LIMITS,
} from '../../shared/journey/personas/persona-fields.ts';

interface PersonaFieldProps {
  readonly field: Field;
  readonly value: string;
  /** Called once per finished edit with the new text; not called when the text did not change. */
  readonly onCommit: (text: string) => void;
  /** Long texts get a textarea (Shift+Enter for a new line) instead of a one-line input. */
  readonly multiline?: boolean;
  /** Open for editing as soon as it is shown (a persona just added starts with its name). */
  readonly editOnMount?: boolean;
  /** The current find match: marked, and scrolled into view. */
  readonly found?: boolean;
  /** Text typed and not yet kept, to open the editor with (restored after a crash). */
  readonly restoredDraft?: string;
  /** Told every change of the text being typed, and null once the edit is finished. */
  readonly onDraft?: (text: string | null) => void;
}

const display = (field: Field, value: string): string => {
  if (!value) return PERSONA_FIELD_WORDS[field].empty;
  return field === 'quote' ? `\u201C${value}\u201D` : value;
};

/**
 * One text of the persona card, edited in place: click or Enter opens it, Enter or leaving keeps
 * the change (one undo step), Escape cancels. Focus returns to the text afterwards.
 */
export const PersonaField = ({
  field,
  value,
  onCommit,
  multiline = false,
  editOnMount = false,
  found = false,
  restoredDraft,
  onDraft,
}: PersonaFieldProps) => {
  const words = PERSONA_FIELD_WORDS[field];
  const labelId = useId();
  const valueId = useId();
  const [draft, setDraft] = useState<string | null>(restoredDraft ?? (editOnMount ? value : null));
  // Set once an edit is finished, so the blur that follows closing the editor commits nothing more.
  const finished = useRef(false);
  const shown = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const editing = draft !== null;

  /** The editor opens with the caret after the text, ready to add to it. */
  const focusAtEnd = useCallback((element: HTMLInputElement | HTMLTextAreaElement | null) => {
    if (!element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);

  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      shown.current?.focus();
    }
  }, [editing]);

  const open = () => {
    finished.current = false;
    setDraft(value);
  };

  const finish = (keep: boolean, refocus: boolean) => {
    if (finished.current || draft === null) return;
    finished.current = true;
    if (keep && draft.trim() !== value) onCommit(draft);
    returnFocus.current = refocus;
    setDraft(null);
    onDraft?.(null);
  };

  const onEditorKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !(multiline && event.shiftKey)) {
      event.preventDefault();
      finish(true, true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(false, true);
    }
  };

  const editorProps = {
    className: 'persona-editor',
    'aria-label': `Persona ${words.label.toLowerCase()}`,
    value: draft ?? '',
    maxLength: PERSONA_LIMITS[field],
    placeholder: words.empty,
    onChange: (event: { currentTarget: { value: string } }) => {
      setDraft(event.currentTarget.value);
      onDraft?.(event.currentTarget.value);
    },
    onBlur: () => finish(true, false),
    onKeyDown: onEditorKey,
  };

  return (
    <div
      className="persona-field"
      data-field={field}
      data-found={found || undefined}
      ref={scrollWhenFound(found)}
    >
      <span className="persona-label" id={labelId}>
        {words.label}
      </span>
      {editing ? (
        multiline ? (
          <textarea ref={focusAtEnd} rows={2} {...editorProps} />
        ) : (
          <input ref={focusAtEnd} type="text" {...editorProps} />
        )
      ) : (
        <button
          ref={shown}
          id={valueId}
          type="button"
          className="persona-value"
          data-empty={value === '' || undefined}
          aria-labelledby={`${labelId} ${valueId}`}
          title={`Edit ${words.label.toLowerCase()} (click or Enter)`}
          onClick={open}
          onKeyDown={(event) => {
            // Handled here so the board's own Enter shortcut never sees it.
            if (event.key === 'Enter') {
              event.preventDefault();
              open();
            }
          }}
        >
          {display(field, value)}
        </button>
      )}
    </div>
  );
};

/** A found field scrolls into the card's view, so find shows what it found. */
const scrollWhenFound =
  (found: boolean) =>
  (element: HTMLDivElement | null): void => {
    if (found) element?.scrollIntoView({ block: 'nearest' });
  };
