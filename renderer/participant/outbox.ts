import { z } from 'zod';
import { type NoteSubmission, noteSubmissionSchema } from '../../shared/room/protocol.ts';
import { type KeptStorage, keptKey, readKept, writeKept } from './kept.ts';

/** A note this phone wrote: sent once the laptop has acknowledged storing it. */
export interface WrittenNote {
  readonly note: NoteSubmission;
  readonly sent: boolean;
}

export interface OutboxState {
  /** Oldest first. */
  readonly notes: readonly WrittenNote[];
  /** False once storage refused the notes: they last only as long as the page. */
  readonly kept: boolean;
}

const writtenSchema = z.strictObject({ note: noteSubmissionSchema, sent: z.boolean() });

/** What was kept, note by note: one damaged entry does not cost the others. */
const readNotes = (kept: unknown): WrittenNote[] =>
  Array.isArray(kept) ? kept.flatMap((entry) => writtenSchema.safeParse(entry).data ?? []) : [];

/** This tab's notes, then the ones only storage has; a note either side has sent is sent. */
const merge = (mine: readonly WrittenNote[], kept: readonly WrittenNote[]): WrittenNote[] => {
  const sentThere = new Set(kept.flatMap((written) => (written.sent ? [written.note.id] : [])));
  const known = new Set(mine.map((written) => written.note.id));
  return [
    ...mine.map((written) =>
      !written.sent && sentThere.has(written.note.id) ? { ...written, sent: true } : written,
    ),
    ...kept.filter((written) => !known.has(written.note.id)),
  ];
};

/**
 * The notes this phone wrote in a room, kept on the phone until the laptop has them: written
 * here first, sent after, resent with the same id on every reconnect until acknowledged, so a
 * reload, a sleeping phone or a Wi-Fi drop loses nothing. Sent notes are kept for the round's
 * list of "Your notes" and forgotten when another round opens.
 */
export class Outbox {
  private state: OutboxState;
  private readonly key: string;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: KeptStorage | null,
    token: string,
  ) {
    this.key = keptKey(token, 'outbox');
    this.state = { notes: readNotes(readKept(storage, this.key)), kept: storage !== null };
  }

  get current(): OutboxState {
    return this.state;
  }

  /** Notes the laptop has not acknowledged, oldest first. */
  pending(): NoteSubmission[] {
    return this.state.notes.flatMap((written) => (written.sent ? [] : [written.note]));
  }

  add(note: NoteSubmission): void {
    this.change((notes) =>
      notes.some((written) => written.note.id === note.id) ? notes : [...notes, { note, sent: false }],
    );
  }

  acknowledge(ids: readonly string[]): void {
    const acked = new Set(ids);
    this.change((notes) =>
      notes.map((written) =>
        !written.sent && acked.has(written.note.id) ? { ...written, sent: true } : written,
      ),
    );
  }

  /** Forgets the sent notes of other rounds; unsent ones stay until the laptop has them. */
  keepRound(roundId: string): void {
    this.change((notes) => notes.filter((written) => !written.sent || written.note.roundId === roundId));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Edits the notes as kept now: the room open in a second tab of the phone writes the same
   * key, and neither tab may drop what the other wrote.
   */
  private change(edit: (notes: readonly WrittenNote[]) => readonly WrittenNote[]): void {
    const notes = edit(merge(this.state.notes, readNotes(readKept(this.storage, this.key))));
    this.state = { notes, kept: writeKept(this.storage, this.key, notes) };
    for (const listener of this.listeners) listener();
  }
}
