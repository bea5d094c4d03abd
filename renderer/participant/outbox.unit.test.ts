import { describe, expect, it } from 'vitest';
import type { NoteSubmission } from '../../shared/room/protocol.ts';
import { keptKey } from './kept.ts';
import { Outbox } from './outbox.ts';
import { memoryStorage, refusingStorage, TOKEN } from './test-support.ts';

const note = (id: string, roundId = 'round-1'): NoteSubmission => ({
  type: 'note',
  id: `note-${id}`.padEnd(8, '-'),
  roundId,
  text: `Note ${id}`,
  stageId: null,
  laneId: null,
  kind: 'note',
});

const ids = (notes: readonly NoteSubmission[]) => notes.map((written) => written.id);

describe('the outbox', () => {
  it('keeps unsent notes across a reload: a new outbox over the same storage has them, in order', () => {
    const storage = memoryStorage();
    const before = new Outbox(storage, TOKEN);
    before.add(note('a'));
    before.add(note('b'));
    const after = new Outbox(storage, TOKEN);
    expect(ids(after.pending())).toEqual(ids([note('a'), note('b')]));
    expect(after.current.kept).toBe(true);
  });

  it('keeps each room apart', () => {
    const storage = memoryStorage();
    new Outbox(storage, TOKEN).add(note('a'));
    expect(new Outbox(storage, 'ZZZZZZZZZZZZZZZZZZZZZZ').pending()).toEqual([]);
  });

  it('takes a note once however often it is added', () => {
    const outbox = new Outbox(memoryStorage(), TOKEN);
    outbox.add(note('a'));
    outbox.add(note('a'));
    expect(outbox.pending()).toHaveLength(1);
  });

  it('stops sending only the acknowledged notes, and still lists them as sent', () => {
    const storage = memoryStorage();
    const outbox = new Outbox(storage, TOKEN);
    outbox.add(note('a'));
    outbox.add(note('b'));
    outbox.add(note('c'));
    outbox.acknowledge([note('b').id, 'unknown-id']);
    expect(ids(outbox.pending())).toEqual(ids([note('a'), note('c')]));
    expect(new Outbox(storage, TOKEN).current.notes.map((written) => written.sent)).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('forgets the sent notes of other rounds when a round opens, never an unsent one', () => {
    const outbox = new Outbox(memoryStorage(), TOKEN);
    outbox.add(note('old-sent', 'round-1'));
    outbox.add(note('old-unsent', 'round-1'));
    outbox.acknowledge([note('old-sent').id]);
    outbox.add(note('new', 'round-2'));
    outbox.keepRound('round-2');
    expect(ids(outbox.current.notes.map((written) => written.note))).toEqual(
      ids([note('old-unsent'), note('new', 'round-2')]),
    );
  });

  it('loses nothing when the room is open in two tabs of the phone', () => {
    const storage = memoryStorage();
    const first = new Outbox(storage, TOKEN);
    const second = new Outbox(storage, TOKEN);
    first.add(note('a'));
    second.add(note('b'));
    second.acknowledge([note('a').id]);
    first.add(note('c'));
    expect(new Outbox(storage, TOKEN).current.notes).toEqual([
      { note: note('a'), sent: true },
      { note: note('b'), sent: false },
      { note: note('c'), sent: false },
    ]);
  });

  it('keeps notes in memory, and says so, when storage refuses them', () => {
    const outbox = new Outbox(refusingStorage(), TOKEN);
    outbox.add(note('a'));
    outbox.acknowledge([]);
    outbox.add(note('b'));
    expect(ids(outbox.pending())).toEqual(ids([note('a'), note('b')]));
    expect(outbox.current.kept).toBe(false);
  });

  it('says so when storage fills up, and keeps the note', () => {
    const storage = memoryStorage();
    const outbox = new Outbox(
      {
        getItem: storage.getItem,
        setItem: () => {
          throw new DOMException('full', 'QuotaExceededError');
        },
      },
      TOKEN,
    );
    outbox.add(note('a'));
    expect(outbox.current).toMatchObject({ kept: false, notes: [{ note: note('a'), sent: false }] });
  });

  it('works with no storage at all', () => {
    const outbox = new Outbox(null, TOKEN);
    outbox.add(note('a'));
    expect(outbox.current.kept).toBe(false);
    expect(outbox.pending()).toHaveLength(1);
  });

  it('reads what it can of damaged storage', () => {
    const storage = memoryStorage();
    storage.setItem(
      keptKey(TOKEN, 'outbox'),
      JSON.stringify([{ note: note('a'), sent: false }, { note: { text: 'half' } }, 'junk']),
    );
    expect(ids(new Outbox(storage, TOKEN).pending())).toEqual(ids([note('a')]));
    storage.setItem(keptKey(TOKEN, 'outbox'), '{not json');
    expect(new Outbox(storage, TOKEN).pending()).toEqual([]);
  });
});
