import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LaptopMessage, NoteSubmission } from '../../shared/room/protocol.ts';
import { ROOM_CLOSE, ROOM_LIMITS } from '../../shared/room/protocol.ts';
import { RoomConnection, type RoomStatus } from './room-connection.ts';
import { fakeLaptop } from './test-support.ts';

const URL = 'ws://192.168.1.20:41234/j/AbCdEfGhIjKlMnOpQrStUv/ws';
const HELLO = { type: 'hello', device: 'device-1234', name: 'Ana' } as const;

const note = (n: number, text = `Note ${n}`): NoteSubmission => ({
  type: 'note',
  id: `note-${String(n).padStart(4, '0')}`,
  roundId: 'round-1',
  text,
  stageId: null,
  laneId: null,
  kind: 'note',
});

let laptop: ReturnType<typeof fakeLaptop>;
let pending: NoteSubmission[];
let statuses: RoomStatus[];
let messages: LaptopMessage[];
let room: RoomConnection;

beforeEach(() => {
  vi.useFakeTimers();
  laptop = fakeLaptop();
  pending = [];
  statuses = [];
  messages = [];
  room = new RoomConnection({
    url: URL,
    hello: HELLO,
    pending: () => pending,
    onStatus: (status) => statuses.push(status),
    onMessage: (message) => messages.push(message),
    WebSocket: laptop.WebSocket,
    // The longest delay: a test that waits out a retry waits out any jitter.
    random: () => 1,
  });
  room.start();
});

afterEach(() => {
  room.close();
  vi.useRealTimers();
});

const welcome = { type: 'welcome', roomCode: 'K7PQ2M', name: 'Ana' } as const;

describe('the connection to the laptop', () => {
  it('says hello first, then sends every unacknowledged note', () => {
    pending = [note(1), note(2)];
    expect(laptop.latest().url).toBe(URL);
    expect(statuses).toEqual(['connecting']);
    laptop.latest().accept();
    expect(laptop.latest().sent).toEqual([HELLO, note(1), note(2)]);
    laptop.latest().say(welcome);
    expect(statuses.at(-1)).toBe('connected');
    expect(messages).toEqual([welcome]);
  });

  it('sends a note written while connected at once, and each note once per connection', () => {
    laptop.latest().accept();
    pending = [note(1)];
    room.flush();
    room.flush();
    expect(laptop.latest().sent).toEqual([HELLO, note(1)]);
  });

  it('keeps notes written offline until it is connected', () => {
    pending = [note(1)];
    room.flush();
    expect(laptop.latest().sent).toEqual([]);
    laptop.latest().accept();
    expect(laptop.latest().sent).toEqual([HELLO, note(1)]);
  });

  it('reconnects after the network drops and resends the same notes with their ids', () => {
    pending = [note(1)];
    laptop.latest().accept();
    laptop.latest().end(1006);
    expect(statuses.at(-1)).toBe('reconnecting');
    expect(laptop.sockets).toHaveLength(1);
    vi.advanceTimersByTime(500);
    expect(laptop.sockets).toHaveLength(2);
    laptop.latest().accept();
    expect(laptop.latest().sent).toEqual([HELLO, note(1)]);
  });

  it('reconnects when the facilitator closes the room, as it may reopen', () => {
    laptop.latest().accept();
    laptop.latest().end(ROOM_CLOSE.closed);
    vi.advanceTimersByTime(500);
    expect(laptop.sockets).toHaveLength(2);
  });

  it('backs off between failed attempts, up to 10 s, with jitter', () => {
    const delays: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      const before = laptop.sockets.length;
      laptop.latest().end(1006);
      let waited = 0;
      while (laptop.sockets.length === before) {
        vi.advanceTimersByTime(100);
        waited += 100;
      }
      delays.push(waited);
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('waits at least half the delay whatever the jitter', () => {
    room.close();
    laptop = fakeLaptop();
    room = new RoomConnection({
      url: URL,
      hello: HELLO,
      pending: () => [],
      onStatus: () => undefined,
      onMessage: () => undefined,
      WebSocket: laptop.WebSocket,
      random: () => 0,
    });
    room.start();
    laptop.latest().end(1006);
    vi.advanceTimersByTime(249);
    expect(laptop.sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(laptop.sockets).toHaveLength(2);
  });

  it('starts again from a short delay after a connection that lasted', () => {
    for (let attempt = 0; attempt < 4; attempt += 1) {
      laptop.latest().end(1006);
      vi.advanceTimersByTime(10_000);
    }
    laptop.latest().accept();
    vi.advanceTimersByTime(60_000);
    laptop.latest().end(1006);
    const before = laptop.sockets.length;
    vi.advanceTimersByTime(500);
    expect(laptop.sockets).toHaveLength(before + 1);
  });

  it('reconnects at once when the phone wakes or is back online', () => {
    laptop.latest().end(1006);
    vi.advanceTimersByTime(100);
    room.wake();
    expect(laptop.sockets).toHaveLength(2);
    room.wake();
    expect(laptop.sockets).toHaveLength(2);
  });

  it('never comes back once the facilitator removed the phone', () => {
    laptop.latest().accept();
    laptop.latest().say({ type: 'removed' });
    laptop.latest().end(ROOM_CLOSE.removed);
    room.wake();
    vi.advanceTimersByTime(120_000);
    expect(laptop.sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe('removed');
  });

  it('takes the close code alone as removal', () => {
    laptop.latest().accept();
    laptop.latest().end(ROOM_CLOSE.removed);
    vi.advanceTimersByTime(120_000);
    expect(laptop.sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe('removed');
  });

  it('does not loop on a full room, and tries again when asked', () => {
    laptop.latest().accept();
    laptop.latest().say({ type: 'full' });
    laptop.latest().end(ROOM_CLOSE.full);
    vi.advanceTimersByTime(120_000);
    room.wake();
    expect(laptop.sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe('full');
    room.retry();
    expect(laptop.sockets).toHaveLength(2);
    laptop.latest().end(ROOM_CLOSE.full);
    expect(statuses.at(-1)).toBe('full');
  });

  it('ignores frames it cannot read', () => {
    laptop.latest().accept();
    laptop.latest().say('not json');
    laptop.latest().say(JSON.stringify({ type: 'round', round: { id: 'r' } }));
    laptop.latest().say(JSON.stringify({ type: 'shutdown' }));
    expect(messages).toEqual([]);
    laptop.latest().say({ type: 'ack', ids: [note(1).id] });
    expect(messages).toEqual([{ type: 'ack', ids: [note(1).id] }]);
  });

  it('gives up on an attempt that hangs and tries again', () => {
    vi.advanceTimersByTime(10_000);
    expect(laptop.sockets[0]?.closedByPage).toBe(true);
    vi.advanceTimersByTime(500);
    expect(laptop.sockets).toHaveLength(2);
  });

  it('drops a connection that went silent after a note was sent, and resends on a new one', () => {
    laptop.latest().accept();
    pending = [note(1)];
    room.flush();
    vi.advanceTimersByTime(15_000);
    expect(laptop.sockets[0]?.closedByPage).toBe(true);
    expect(statuses.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(500);
    laptop.latest().accept();
    expect(laptop.latest().sent).toEqual([HELLO, note(1)]);
  });

  it('keeps a connection the laptop answers on', () => {
    laptop.latest().accept();
    pending = [note(1)];
    room.flush();
    vi.advanceTimersByTime(1000);
    pending = [];
    laptop.latest().say({ type: 'ack', ids: [note(1).id] });
    vi.advanceTimersByTime(60_000);
    expect(laptop.sockets).toHaveLength(1);
  });

  it('sends a note again on the same connection when the laptop dropped it unacknowledged', () => {
    laptop.latest().accept();
    pending = [note(1), note(2)];
    room.flush();
    pending = [note(1)];
    laptop.latest().say({ type: 'ack', ids: [note(2).id] });
    vi.advanceTimersByTime(19_000);
    expect(laptop.latest().sent).toEqual([HELLO, note(1), note(2)]);
    vi.advanceTimersByTime(1000);
    expect(laptop.latest().sent).toEqual([HELLO, note(1), note(2), note(1)]);
  });

  it('leaves the room to the tab that took it, and takes it back when looked at again', () => {
    laptop.latest().accept();
    laptop.latest().end(ROOM_CLOSE.replaced);
    expect(statuses.at(-1)).toBe('replaced');
    vi.advanceTimersByTime(120_000);
    expect(laptop.sockets).toHaveLength(1);
    room.wake();
    expect(laptop.sockets).toHaveLength(2);
  });

  it('paces a long backlog under the laptop’s limit of notes per minute instead of having it dropped', () => {
    pending = Array.from({ length: 40 }, (_, n) => note(n));
    laptop.latest().accept();
    const sentIds = () =>
      new Set(
        laptop
          .latest()
          .sent.slice(1)
          .map((frame) => (frame as NoteSubmission).id),
      );
    /** The laptop stores and acknowledges everything that came. */
    const ackAll = () => {
      const ids = [...sentIds()];
      pending = pending.filter((pendingNote) => !ids.includes(pendingNote.id));
      laptop.latest().say({ type: 'ack', ids });
    };
    expect(sentIds().size).toBe(24);
    ackAll();
    vi.advanceTimersByTime(59_000);
    expect(sentIds().size).toBe(24);
    vi.advanceTimersByTime(1000);
    expect(sentIds().size).toBe(40);
    expect(laptop.latest().sent).toHaveLength(41);
  });

  it('paces long notes under the laptop’s limit of bytes', () => {
    pending = Array.from({ length: 23 }, (_, n) => note(n, '€'.repeat(500)));
    laptop.latest().accept();
    const sent = () => laptop.latest().sent;
    const bytes = sent().reduce(
      (sum: number, frame) => sum + new TextEncoder().encode(JSON.stringify(frame)).length,
      0,
    );
    expect(sent().length - 1).toBeLessThan(23);
    expect(bytes).toBeLessThanOrEqual(ROOM_LIMITS.bytesPerSecond * 10);
    laptop.latest().say({ type: 'ack', ids: [] });
    vi.advanceTimersByTime(10_000);
    expect(sent().length - 1).toBe(23);
  });

  it('stops everything when the page closes it', () => {
    laptop.latest().accept();
    room.close();
    expect(laptop.latest().closedByPage).toBe(true);
    vi.advanceTimersByTime(120_000);
    expect(laptop.sockets).toHaveLength(1);
  });
});
