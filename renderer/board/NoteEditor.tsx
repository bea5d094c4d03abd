import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { NOTE_INK, NOTE_PALETTE } from '../../shared/model/palette.ts';
import { FONT_FAMILY } from '../drawing/font.ts';
import { NOTE_PADDING } from '../drawing/text-layout.ts';
import { boardStore, useBoard } from '../store/index.ts';
import type { Editing } from '../store/session-slice.ts';
import { commitEditing } from './commands.ts';
import { EDITOR_KEYS } from './key-bindings.ts';
import { shownNotesById } from './note-order.ts';

interface NoteEditorProps {
  readonly editing: Editing;
}

/**
 * A textarea over the note being typed, with EDITOR_KEYS: Enter finishes, Shift+Enter adds a
 * line (the textarea's own), Tab finishes and opens the next note, Escape or clicking away
 * finishes and closes.
 */
export const NoteEditor = ({ editing }: NoteEditorProps) => {
  const viewport = useBoard((state) => state.viewport);
  // Where the note is drawn: a note in a cell sits at its place in the cell, not at its stored x/y.
  const note = useBoard((state) =>
    editing.kind === 'existing' ? shownNotesById(state.doc, state.scenarioId).get(editing.id) : undefined,
  );
  const box = editing.kind === 'new' ? editing : note?.type === 'note' ? note : null;
  const initial = editing.text ?? (note?.type === 'note' ? note.text : '');
  const [text, setText] = useState(initial);
  const ref = useRef<HTMLTextAreaElement>(null);
  const committed = useRef(false);
  const key = editing.kind === 'new' ? `new:${editing.x}:${editing.y}:${editing.run}` : editing.id;

  // Reset only when the editor moves to another note, not when its text is committed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: key identifies the edited note
  useLayoutEffect(() => {
    setText(initial);
    committed.current = false;
    ref.current?.focus();
    // A note started by typing a key keeps that key, with the caret after it.
    if (editing.kind === 'new' && editing.text)
      ref.current?.setSelectionRange(initial.length, initial.length);
    else ref.current?.select();
  }, [key]);

  useEffect(() => {
    ref.current?.focus();
  }, []);

  if (!box) return null;
  const finish = (intent: 'done' | 'next') => {
    if (committed.current) return;
    committed.current = true;
    commitEditing(boardStore, ref.current?.value ?? text, intent);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    event.stopPropagation();
    if (event.nativeEvent.isComposing) return;
    if (EDITOR_KEYS.next.matches(event)) {
      event.preventDefault();
      finish('next');
    } else if (EDITOR_KEYS.finish.matches(event) || EDITOR_KEYS.close.matches(event)) {
      event.preventDefault();
      finish('done');
    }
  };
  const scale = viewport.scale;
  const color = editing.kind === 'new' ? editing.color : note?.type === 'note' ? note.color : 'yellow';
  return (
    <textarea
      ref={ref}
      className="note-editor"
      aria-label={editing.kind === 'new' ? 'New note text' : 'Note text'}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        // Stored as typed, so a crash mid-sentence loses nothing.
        boardStore.getState().setDraft({
          target: { kind: 'note', editing },
          text: event.target.value,
          scenarioId: boardStore.getState().scenarioId,
        });
      }}
      onKeyDown={onKeyDown}
      onBlur={() => finish('done')}
      maxLength={10000}
      style={{
        left: box.x * scale + viewport.x,
        top: box.y * scale + viewport.y,
        width: box.w * scale,
        height: box.h * scale,
        padding: NOTE_PADDING * scale,
        fontSize: Math.max(12, 20 * scale),
        fontFamily: FONT_FAMILY,
        color: NOTE_INK,
        background: NOTE_PALETTE[color].fill,
        borderTop: `${4 * scale}px solid ${NOTE_PALETTE[color].edge}`,
      }}
    />
  );
};
