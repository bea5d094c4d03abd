import { nanoid } from 'nanoid';
import { type FormEvent, useId, useRef, useState } from 'react';
import { KIND_STYLES } from '../../shared/journey/note-kinds.ts';
import type { NoteKind } from '../../shared/model/journey-records.ts';
import { type NoteSubmission, ROOM_LIMITS, type RoundView } from '../../shared/room/protocol.ts';
import { Countdown } from './Countdown.tsx';
import type { WrittenNote } from './outbox.ts';

interface WritingRoundProps {
  readonly round: RoundView;
  /** The note being typed: it outlives the round, so a round change mid-sentence loses nothing. */
  readonly draft: string;
  readonly onDraft: (text: string) => void;
  /** What this phone wrote this round, oldest first. */
  readonly written: readonly WrittenNote[];
  readonly onSend: (note: NoteSubmission) => void;
}

type Choice = RoundView['stages'][number];

/** The counter shows from here on, so it does not distract from writing. */
const COUNTER_FROM = ROOM_LIMITS.noteTextLength - 100;

/** The chosen id while the round still offers it; otherwise the only choice, or none. */
const offered = (id: string | null, choices: readonly Choice[]): string | null =>
  choices.some((choice) => choice.id === id) ? id : choices.length === 1 ? (choices[0]?.id ?? null) : null;

/**
 * Silent writing on a phone: the round's prompt, where the note goes, the note, Send. The
 * pickers keep their choice from note to note, so a run of notes for one stage is fast.
 */
export const WritingRound = ({ round, draft, onDraft, written, onSend }: WritingRoundProps) => {
  const [stageId, setStageId] = useState<string | null>(null);
  const [laneId, setLaneId] = useState<string | null>(null);
  const [kind, setKind] = useState<NoteKind | null>(null);
  const textId = useId();
  const kindId = useId();
  const text = useRef<HTMLTextAreaElement>(null);
  const chosenKind = kind && round.kinds.includes(kind) ? kind : round.kinds[0];
  const note = draft.trim();

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!note || !chosenKind) return;
    onSend({
      type: 'note',
      id: nanoid(),
      roundId: round.id,
      text: note,
      stageId: offered(stageId, round.stages),
      laneId: offered(laneId, round.lanes),
      kind: chosenKind,
    });
    onDraft('');
    // The keyboard stays up for the next note.
    text.current?.focus();
  };

  return (
    <>
      <section className="round" aria-label="Writing round">
        <h2 className="prompt">{round.prompt || 'Write your notes'}</h2>
        {round.endsAt !== null && <Countdown endsAt={round.endsAt} />}
        <form className="note-form" onSubmit={send}>
          {round.stages.length > 1 && (
            <Picker
              label="Stage"
              choices={round.stages}
              value={offered(stageId, round.stages)}
              onChange={setStageId}
            />
          )}
          {round.lanes.length > 1 && (
            <Picker
              label="Lane"
              choices={round.lanes}
              value={offered(laneId, round.lanes)}
              onChange={setLaneId}
            />
          )}
          {round.kinds.length > 1 && (
            <div className="field choice">
              <label htmlFor={kindId}>Kind</label>
              <select
                id={kindId}
                value={chosenKind}
                onChange={(event) => setKind(event.target.value as NoteKind)}
              >
                {round.kinds.map((option) => (
                  <option key={option} value={option}>
                    {KIND_STYLES[option].label}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor={textId}>Your note</label>
            <textarea
              id={textId}
              ref={text}
              rows={4}
              maxLength={ROOM_LIMITS.noteTextLength}
              value={draft}
              onChange={(event) => onDraft(event.target.value)}
            />
            {draft.length >= COUNTER_FROM && (
              <span className="counter">{ROOM_LIMITS.noteTextLength - draft.length} characters left</span>
            )}
          </div>
          <button type="submit" className="primary" disabled={!note}>
            Send
          </button>
        </form>
      </section>
      {written.length > 0 && <YourNotes written={written} />}
    </>
  );
};

interface PickerProps {
  readonly label: string;
  readonly choices: readonly Choice[];
  readonly value: string | null;
  readonly onChange: (id: string | null) => void;
}

/** A stage or lane; "Not sure" leaves it to the facilitator. */
const Picker = ({ label, choices, value, onChange }: PickerProps) => {
  // A label beside its select, not around it: the select's name is then the label alone.
  const id = useId();
  return (
    <div className="field choice">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">Not sure</option>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name}
          </option>
        ))}
      </select>
    </div>
  );
};

/** This round's notes from this phone, newest first, each with whether the laptop has it. */
const YourNotes = ({ written }: { readonly written: readonly WrittenNote[] }) => (
  <section className="your-notes" aria-labelledby="your-notes-title">
    <h2 id="your-notes-title">Your notes</h2>
    <ul>
      {[...written].reverse().map(({ note, sent }) => (
        <li key={note.id}>
          <span className="note-text">{note.text}</span>
          <span className={sent ? 'note-state sent' : 'note-state'}>
            {sent ? 'Sent ✓' : 'Waiting to send…'}
          </span>
        </li>
      ))}
    </ul>
  </section>
);
