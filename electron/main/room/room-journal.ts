/**
 * The room's journal: every note a phone sends is appended to <userData>/rooms/<code>.jsonl and
 * fsynced before the phone is told it arrived, so a note the phone forgets is on the laptop's
 * disk, whatever happens to the app next. Reopening the room reads it back; a line a crash cut
 * short is dropped (its phone never got an ack, so it sends the note again). A note counts once
 * per device and note id, however often a phone resends it.
 */
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  ballotSubmissionSchema,
  CLIENT_ID_PATTERN,
  noteSubmissionSchema,
  ROOM_LIMITS,
} from '../../../shared/room/protocol.ts';
import { writeFileAtomic } from '../atomic-write.ts';
import { errorCode } from '../file-errors.ts';

/**
 * A room's notes fill a few hundred kB in a long workshop; past this the room takes no more
 * notes (phones keep them and resend), so a misbehaving phone cannot fill the disk.
 */
export const JOURNAL_MAX_BYTES = 8 * 1024 * 1024;

const sender = {
  device: z.string().regex(CLIENT_ID_PATTERN),
  name: z.string().max(ROOM_LIMITS.nameLength),
  received: z.number().int().nonnegative(),
};

/** A note a phone wrote, or a ballot it gave in a vote on phones. */
const entrySchema = z.union([
  z.strictObject({ ...sender, note: noteSubmissionSchema }),
  z.strictObject({ ...sender, ballot: ballotSubmissionSchema }),
]);
export type JournalEntry = z.infer<typeof entrySchema>;

/** What became of a note given to the journal. */
export type AppendOutcome = 'stored' | 'duplicate' | 'full';

export interface RoomJournal {
  /** The notes stored, oldest first: those of earlier openings, then each one appended. */
  readonly stored: readonly JournalEntry[];
  /** Resolves once the note is on disk (or known, or refused); rejects when it could not be written. */
  append(entry: JournalEntry): Promise<AppendOutcome>;
  close(): Promise<void>;
}

const NEWLINE = 0x0a;

/** What a resend repeats: the same phone and the same id, of a note or of a ballot's send. */
const keyOf = (entry: JournalEntry): string =>
  `${entry.device} ${'note' in entry ? entry.note.id : entry.ballot.id}`;

function parseLines(text: string): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    try {
      const parsed = entrySchema.safeParse(JSON.parse(line));
      if (parsed.success) entries.push(parsed.data);
    } catch {
      // A damaged line: the rest of the journal still counts.
    }
  }
  return entries;
}

/** Reads the journal, creating it (durably, with its folder entry) when there is none. */
async function readOrCreate(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, '');
    return Buffer.alloc(0);
  }
}

export async function openRoomJournal(file: string): Promise<RoomJournal> {
  const bytes = await readOrCreate(file);
  // Only whole lines count; a cut-off last line is cut away so the next note starts a line.
  let size = bytes.lastIndexOf(NEWLINE) + 1;
  const keys = new Set<string>();
  const stored: JournalEntry[] = [];
  for (const entry of parseLines(bytes.subarray(0, size).toString('utf8'))) {
    const key = keyOf(entry);
    if (keys.has(key)) continue;
    keys.add(key);
    stored.push(entry);
  }

  const handle = await open(file, 'a');
  try {
    if (size < bytes.length) {
      await handle.truncate(size);
      await handle.sync();
    }
  } catch (error) {
    await handle.close();
    throw error;
  }

  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  let closing: Promise<void> | null = null;
  /** Set when a failed write could not be undone: appending more would glue notes to its tail. */
  let damage: unknown = null;

  async function appendNow(entry: JournalEntry): Promise<AppendOutcome> {
    const key = keyOf(entry);
    if (keys.has(key)) return 'duplicate';
    if (closed) throw new Error('The room journal is closed');
    if (damage !== null) throw damage;
    const line = Buffer.from(`${JSON.stringify(entry)}\n`);
    if (size + line.length > JOURNAL_MAX_BYTES) return 'full';
    try {
      await handle.writeFile(line);
      await handle.sync();
    } catch (error) {
      await handle.truncate(size).catch(() => {
        damage = error;
      });
      throw error;
    }
    size += line.length;
    keys.add(key);
    stored.push(entry);
    return 'stored';
  }

  return {
    stored,
    append(entry) {
      const task = queue.then(() => appendNow(entry));
      queue = task.catch(() => undefined);
      return task;
    },
    close() {
      // After the notes already given to it, so none of them is lost.
      closing ??= queue.then(async () => {
        closed = true;
        await handle.close();
      });
      queue = closing.catch(() => undefined);
      return closing;
    },
  };
}
