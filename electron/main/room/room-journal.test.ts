import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOURNAL_MAX_BYTES, openRoomJournal } from './room-journal.ts';
import { phoneNote } from './room-test-kit.ts';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jw-room-journal-'));
  file = path.join(dir, 'rooms', 'ABCDEF.jsonl');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry = (text: string, device = 'phone-ana-1', id?: string) => ({
  device,
  name: 'Ana',
  note: phoneNote(text, id),
  received: 1_700_000_000_000,
});

const linesOf = async (): Promise<unknown[]> =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));

describe('room journal', () => {
  it('has the note in the file, one JSON line each, once append resolves', async () => {
    const journal = await openRoomJournal(file);
    expect(journal.stored).toEqual([]);
    const first = entry('Waited on hold');
    expect(await journal.append(first)).toBe('stored');
    expect(await linesOf()).toEqual([first]);
    const second = entry('Nobody called back');
    await journal.append(second);
    expect(await linesOf()).toEqual([first, second]);
    await journal.close();
  });

  it('stores a resent note once, also after the room reopens', async () => {
    const note = entry('Waited on hold', 'phone-ana-1', 'same-note-id');
    const journal = await openRoomJournal(file);
    expect(await journal.append(note)).toBe('stored');
    expect(await journal.append({ ...note, received: note.received + 5000 })).toBe('duplicate');
    // The same note id from another phone is another note.
    expect(await journal.append({ ...note, device: 'phone-ben-2' })).toBe('stored');
    await journal.close();

    const reopened = await openRoomJournal(file);
    expect(reopened.stored).toEqual([note, { ...note, device: 'phone-ben-2' }]);
    expect(await reopened.append(note)).toBe('duplicate');
    await reopened.close();
    expect(await linesOf()).toHaveLength(2);
  });

  it('reads back the notes before a line a crash cut short, and continues on a fresh line', async () => {
    const journal = await openRoomJournal(file);
    const kept = entry('Kept');
    await journal.append(kept);
    await journal.close();
    await appendFile(file, '{"device":"phone-ana-1","name":"Ana","note":{"type":"no');

    const reopened = await openRoomJournal(file);
    expect(reopened.stored).toEqual([kept]);
    const next = entry('After the crash');
    await reopened.append(next);
    await reopened.close();
    expect(await linesOf()).toEqual([kept, next]);
  });

  it('skips damaged or foreign lines and keeps the rest', async () => {
    const good = entry('Good');
    await openRoomJournal(file).then((journal) => journal.close());
    await writeFile(
      file,
      [
        'not json',
        JSON.stringify({ ...good, note: { ...good.note, text: '' } }),
        JSON.stringify({ ...good, device: 'x' }),
        JSON.stringify(good),
        '',
      ].join('\n'),
    );
    const journal = await openRoomJournal(file);
    expect(journal.stored).toEqual([good]);
    await journal.close();
  });

  it('takes no more notes once it is full, keeping what it has', async () => {
    await openRoomJournal(file).then((journal) => journal.close());
    await writeFile(file, `${'x'.repeat(JOURNAL_MAX_BYTES - 100)}\n`);
    const journal = await openRoomJournal(file);
    expect(await journal.append(entry('One too many'))).toBe('full');
    await journal.close();
    expect((await readFile(file)).length).toBe(JOURNAL_MAX_BYTES - 99);
  });

  it('lets the notes given to it finish before it closes', async () => {
    const journal = await openRoomJournal(file);
    const appends = [journal.append(entry('One')), journal.append(entry('Two'))];
    await journal.close();
    expect(await Promise.all(appends)).toEqual(['stored', 'stored']);
    await expect(journal.append(entry('Late'))).rejects.toThrow('closed');
    expect(await linesOf()).toHaveLength(2);
  });
});
