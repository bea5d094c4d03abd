/**
 * The room for real, on loopback: real sockets, the `ws` client a phone's browser stands in for,
 * and the journal on a real disk, read back here with nothing but fs and JSON.parse.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RoomEvent, RoomInfo } from '../../../shared/ipc/contract.ts';
import {
  type MapView,
  ROOM_CLOSE,
  ROOM_LIMITS,
  type RoundView,
  type ScreenView,
  type VoteView,
} from '../../../shared/room/protocol.ts';
import { LOG_LINES_PER_MINUTE } from './rate-limits.ts';
import { type NetworkInterfaces, roomAddresses } from './room-addresses.ts';
import { VIOLATIONS_BEFORE_CLOSE } from './room-connection.ts';
import { participantCsp } from './room-http.ts';
import { createRoomService, type RoomService, type RoomTimeouts } from './room-service.ts';
import {
  httpGet,
  lastParticipants,
  noteEvents,
  PAGE_HTML,
  PAGE_SCRIPT,
  phoneNote,
  socketUrl,
  TestPhone,
  WAIT,
  writeParticipantPage,
} from './room-test-kit.ts';

/** Counts the fsyncs that finished, and can make them slow, to see what a phone hears before one. */
const disk = vi.hoisted(() => ({ syncs: 0, syncDelayMs: 0 }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    open: async (...args: Parameters<typeof actual.open>) => {
      const handle = await actual.open(...args);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        await new Promise((resolve) => setTimeout(resolve, disk.syncDelayMs));
        await sync();
        disk.syncs++;
      };
      return handle;
    },
  };
});

const LOOPBACK = '127.0.0.1';
const RECEIVED = Date.UTC(2025, 10, 23, 10, 0, 0);
/** Short enough for tests to wait for, long enough that a busy machine never trips them by accident. */
const TEST_TIMEOUTS: Partial<RoomTimeouts> = {
  helloMs: 2000,
  closeMs: 300,
  headersMs: 400,
  addressCheckMs: 50,
};

let root: string;
let userData: string;
let participantDir: string;
let events: RoomEvent[];
let services: RoomService[];
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'jw-room-'));
  userData = path.join(root, 'userData');
  participantDir = await writeParticipantPage(root);
  events = [];
  services = [];
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(async () => {
  disk.syncDelayMs = 0;
  await Promise.all(services.map((service) => service.close()));
  vi.restoreAllMocks();
  await rm(root, { recursive: true, force: true });
});

function roomService(
  options: {
    timeouts?: Partial<RoomTimeouts>;
    networkInterfaces?: NetworkInterfaces;
    into?: RoomEvent[];
  } = {},
): RoomService {
  const into = options.into ?? events;
  const service = createRoomService({
    userData,
    participantDir,
    emit: (event) => into.push(event),
    now: () => RECEIVED,
    timeouts: { ...TEST_TIMEOUTS, ...options.timeouts },
    networkInterfaces: options.networkInterfaces,
  });
  services.push(service);
  return service;
}

async function openRoom(service = roomService(), mapId = 'map-1', address = LOOPBACK): Promise<RoomInfo> {
  const result = await service.open(mapId, address);
  if ('error' in result) throw new Error(result.error);
  return result;
}

const joinPath = (info: RoomInfo): string => new URL(info.url).pathname;

async function journalOf(info: RoomInfo): Promise<unknown[]> {
  const text = await readFile(path.join(userData, 'rooms', `${info.code}.jsonl`), 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
}

function expectRoomHeaders(headers: Record<string, unknown>, info: RoomInfo): void {
  expect(headers['content-security-policy']).toBe(participantCsp(`${info.address}:${info.port}`));
  expect(headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${info.port};`);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cache-control']).toBe('no-store');
}

describe('joining the room', () => {
  it('serves the participant page at the join address, with headers that keep it to itself', async () => {
    const info = await openRoom();
    expect(info.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${info.port}/j/[A-Za-z0-9_-]{22}$`));
    expect(info.code).toMatch(/^[A-Z2-9]{6}$/);

    const join = await httpGet(info.port, joinPath(info));
    expect(join.status).toBe(302);
    expect(join.headers.location).toBe(`${joinPath(info)}/`);
    expectRoomHeaders(join.headers, info);

    const page = await httpGet(info.port, `${joinPath(info)}/`);
    expect(page.status).toBe(200);
    expect(page.body).toBe(PAGE_HTML);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expectRoomHeaders(page.headers, info);

    const script = await httpGet(info.port, `${joinPath(info)}/assets/app.js`);
    expect(script.status).toBe(200);
    expect(script.body).toBe(PAGE_SCRIPT);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expectRoomHeaders(script.headers, info);

    const head = await httpGet(info.port, `${joinPath(info)}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('answers anything but the room’s own addresses with only the ask-the-facilitator page', async () => {
    const info = await openRoom();
    const own = joinPath(info);
    const wrongToken = `${own.slice(0, -1)}${own.endsWith('A') ? 'B' : 'A'}`;
    const requests: [string, { method?: string; headers?: Record<string, string> }?][] = [
      ['/'],
      ['/j/'],
      ['/j'],
      ['/package.json'],
      [`${wrongToken}/`],
      [`${wrongToken}/assets/app.js`],
      [`${own}/../../package.json`],
      [`${own}/%2e%2e/%2e%2e/package.json`],
      [`${own}/..%2f..%2fpackage.json`],
      [`${own}/assets/../../package.json`],
      [`${own}/.env`],
      [`${own}/assets/`],
      [`${own}/assets/missing.js`],
      [`${own}//index.html`],
      [`${own}/ws`],
      [`${own}/`, { method: 'POST' }],
      [`${own}/`, { method: 'DELETE' }],
      [`${own}/`, { headers: { Host: `rebound.example:${info.port}` } }],
    ];
    for (const [rawPath, options] of requests) {
      const answer = await httpGet(info.port, rawPath, options);
      expect([403, 404], `${options?.method ?? 'GET'} ${rawPath}`).toContain(answer.status);
      expect(answer.body, rawPath).toContain('Ask the facilitator for the room’s address.');
      expect(answer.body).not.toContain('secret');
      expect(answer.body).not.toContain('Join the room');
      expectRoomHeaders(answer.headers, info);
    }
  });

  it('welcomes a phone by its name, with the room code, round, vote, map and screen, and shows it to the facilitator', async () => {
    const info = await openRoom();
    const phone = await TestPhone.join(info, 'phone-ana-1', '  Ana  ');
    await vi.waitFor(() => expect(phone.messages).toHaveLength(5), WAIT);
    expect(phone.messages).toEqual([
      { type: 'welcome', roomCode: info.code, name: 'Ana' },
      { type: 'round', round: null, now: RECEIVED },
      { type: 'vote', vote: null },
      { type: 'map', map: null },
      { type: 'screen', screen: { timer: null, follow: null }, now: RECEIVED },
    ]);
    expect(lastParticipants(events)).toEqual([{ id: 'phone-ana-1', name: 'Ana', connected: true }]);

    phone.close();
    await vi.waitFor(() => {
      expect(lastParticipants(events)).toEqual([{ id: 'phone-ana-1', name: 'Ana', connected: false }]);
    }, WAIT);
  });

  it('refuses a socket with the wrong token, from another site’s page, or for another host name', async () => {
    const info = await openRoom();
    const url = socketUrl(info);
    const wrong = url.replace(/\/j\/(.)/, (_match, first: string) => `/j/${first === 'A' ? 'B' : 'A'}`);
    await expect(TestPhone.connect(wrong)).rejects.toThrow('403');
    await expect(TestPhone.connect(url, { origin: 'http://evil.example' })).rejects.toThrow('403');
    await expect(
      TestPhone.connect(url, { headers: { Host: `rebound.example:${info.port}` } }),
    ).rejects.toThrow('403');
    // The room's own page comes from the room's own address.
    const phone = await TestPhone.connect(url, { origin: `http://${LOOPBACK}:${info.port}` });
    phone.send({ type: 'hello', device: 'phone-ana-1', name: 'Ana' });
    await phone.next('welcome');
  });

  it('tells phones the writing round, and a phone that joins later the current one', async () => {
    const info = await openRoom();
    const service = services[0];
    const early = await TestPhone.join(info, 'phone-early-1');
    const round: RoundView = {
      id: 'round-1',
      prompt: 'What annoys customers at checkout?',
      stages: [{ id: 'stage-1', name: 'Checkout' }],
      lanes: [{ id: 'lane-1', name: 'Pains' }],
      kinds: ['note', 'breakdown'],
      endsAt: null,
    };
    service?.setRound(round);
    await vi.waitFor(
      () => expect(early.messages.at(-1)).toEqual({ type: 'round', round, now: RECEIVED }),
      WAIT,
    );
    const late = await TestPhone.join(info, 'phone-late-1');
    expect(late.messages[1]).toEqual({ type: 'round', round, now: RECEIVED });
  });
});

describe('notes from phones', () => {
  it('tells phones the vote on phones, and stores each ballot before its ack, the newest one only', async () => {
    const info = await openRoom();
    const service = services[0];
    const phone = await TestPhone.join(info, 'phone-ana-1', 'Ana');
    const vote: VoteView = {
      id: 'vote-1',
      question: 'Which breakdowns hurt most?',
      dotsPerVoter: 3,
      stacking: false,
      notes: [{ id: 'note-1', text: 'Hold music', kind: 'breakdown', stage: 'Request', lane: 'Breakdowns' }],
    };
    service?.setVote(vote);
    await vi.waitFor(() => expect(phone.messages.at(-1)).toEqual({ type: 'vote', vote }), WAIT);
    const ballot = (seq: number, id: string) => ({
      type: 'ballot' as const,
      id,
      voteId: 'vote-1',
      seq,
      dots: { 'note-1': 1 },
    });
    phone.send(ballot(2, 'send-two-abc'));
    phone.send(ballot(1, 'send-one-abc'));
    phone.send(ballot(2, 'send-two-abc'));
    await vi.waitFor(
      () => expect(phone.acked()).toEqual(['send-two-abc', 'send-one-abc', 'send-two-abc']),
      WAIT,
    );
    expect(await journalOf(info)).toEqual([
      { device: 'phone-ana-1', name: 'Ana', ballot: ballot(2, 'send-two-abc'), received: RECEIVED },
    ]);
    expect(events.filter((event) => event.type === 'ballot')).toEqual([
      { type: 'ballot', participantId: 'phone-ana-1', ballot: ballot(2, 'send-two-abc'), received: RECEIVED },
    ]);
    const late = await TestPhone.join(info, 'phone-ben-1');
    expect(late.messages[2]).toEqual({ type: 'vote', vote });
  });

  it('tells phones the map the facilitator shares and what the screen shows, late joiners too', async () => {
    const info = await openRoom();
    const service = services[0];
    const early = await TestPhone.join(info, 'phone-early-1');
    const map: MapView = {
      name: 'Toner',
      scenario: 'Current',
      stages: [
        {
          id: 'stage-1',
          name: 'Request',
          lanes: [{ name: 'Breakdowns', notes: [{ id: 'note-1', text: 'Hold music', kind: 'breakdown' }] }],
        },
      ],
    };
    const screen: ScreenView = { timer: { status: 'running', endsAt: RECEIVED + 60_000 }, follow: 'stage-1' };
    service?.setMap(map);
    service?.setScreen(screen);
    await vi.waitFor(
      () =>
        expect(early.messages.slice(-2)).toEqual([
          { type: 'map', map },
          { type: 'screen', screen, now: RECEIVED },
        ]),
      WAIT,
    );
    const late = await TestPhone.join(info, 'phone-late-1');
    await vi.waitFor(
      () =>
        expect(late.messages.slice(3, 5)).toEqual([
          { type: 'map', map },
          { type: 'screen', screen, now: RECEIVED },
        ]),
      WAIT,
    );
  });

  it('stores a note on the laptop’s disk before the phone is told it arrived', async () => {
    const info = await openRoom();
    const phone = await TestPhone.join(info, 'phone-ana-1', 'Ana');
    const note = phoneNote('Waited 20 minutes on hold');
    disk.syncDelayMs = 50;
    const syncsBefore = disk.syncs;
    // What is on disk the moment the ack arrives, read independently of the room.
    const atAck = new Promise<{ syncs: number; lines: unknown[] }>((resolve) => {
      phone.socket.on('message', (data) => {
        if (JSON.parse(String(data)).type !== 'ack') return;
        const text = readFileSync(path.join(userData, 'rooms', `${info.code}.jsonl`), 'utf8');
        resolve({
          syncs: disk.syncs - syncsBefore,
          lines: text
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line)),
        });
      });
    });
    phone.send(note);
    const { syncs, lines } = await atAck;
    expect(lines).toEqual([{ device: 'phone-ana-1', name: 'Ana', note, received: RECEIVED }]);
    expect(syncs).toBeGreaterThanOrEqual(1);
    expect(phone.acked()).toEqual([note.id]);
    expect(noteEvents(events)).toEqual([
      { type: 'note', participantId: 'phone-ana-1', name: 'Ana', note, received: RECEIVED },
    ]);
  });

  it('acks a resent note again but stores and reports it once', async () => {
    const info = await openRoom();
    const phone = await TestPhone.join(info, 'phone-ana-1');
    const note = phoneNote('Resent after the Wi-Fi came back');
    phone.send(note);
    phone.send(note);
    await vi.waitFor(() => expect(phone.acked()).toEqual([note.id, note.id]), WAIT);
    expect(await journalOf(info)).toHaveLength(1);
    expect(noteEvents(events)).toHaveLength(1);
  });

  it('drops frames that are not valid messages, and closes a phone that keeps sending them', async () => {
    const info = await openRoom();
    const bystander = await TestPhone.join(info, 'phone-good-1');
    const phone = await TestPhone.join(info, 'phone-bad-1');
    phone.send('not json {');
    phone.send({ type: 'note', id: 'n-000001' });
    phone.socket.send(Buffer.from([1, 2, 3]));
    const valid = phoneNote('Still counts');
    phone.send(valid);
    await vi.waitFor(() => expect(phone.acked()).toEqual([valid.id]), WAIT);

    phone.send({ type: 'hello', device: 'phone-bad-1', name: 'Again' });
    phone.send({ type: 'vote', id: 'n-000002' });
    expect(VIOLATIONS_BEFORE_CLOSE).toBe(5);
    expect((await phone.closed).code).toBe(ROOM_CLOSE.violation);
    expect(await journalOf(info)).toHaveLength(1);

    const note = phoneNote('The room still works');
    bystander.send(note);
    await vi.waitFor(() => expect(bystander.acked()).toEqual([note.id]), WAIT);
  });

  it('closes a phone that sends a frame larger than any note, and the others carry on', async () => {
    const info = await openRoom();
    const bystander = await TestPhone.join(info, 'phone-good-1');
    const phone = await TestPhone.join(info, 'phone-big-1');
    phone.send(phoneNote('x'.repeat(ROOM_LIMITS.maxFrameBytes)));
    expect((await phone.closed).code).toBe(1009);

    const note = phoneNote('The room still works');
    bystander.send(note);
    await vi.waitFor(() => expect(bystander.acked()).toEqual([note.id]), WAIT);
    expect(noteEvents(events).map((event) => event.note.id)).toEqual([note.id]);
  });

  it('closes a phone that does not say hello in time, or starts with anything else', async () => {
    const info = await openRoom(roomService({ timeouts: { helloMs: 200 } }));
    const silent = await TestPhone.connect(socketUrl(info));
    expect((await silent.closed).code).toBe(ROOM_CLOSE.violation);

    const rude = await TestPhone.connect(socketUrl(info));
    rude.send(phoneNote('No hello first'));
    expect((await rude.closed).code).toBe(ROOM_CLOSE.violation);
    expect(await journalOf(info)).toEqual([]);
    expect(rude.acked()).toEqual([]);
  });

  it('drops notes past the per-minute limit unacked, keeps the log short, and the others carry on', async () => {
    const info = await openRoom();
    const bystander = await TestPhone.join(info, 'phone-good-1');
    const flood = await TestPhone.join(info, 'phone-flood-1');
    const notes = Array.from({ length: ROOM_LIMITS.notesPerMinute + 20 }, (_, index) =>
      phoneNote(`Note ${index}`),
    );
    for (const note of notes) flood.send(note);
    // Frames are handled in order: once these close the phone, every note before them was handled.
    for (let index = 0; index < VIOLATIONS_BEFORE_CLOSE; index++) flood.send('garbage');
    expect((await flood.closed).code).toBe(ROOM_CLOSE.violation);

    const taken = notes.slice(0, ROOM_LIMITS.notesPerMinute).map((note) => note.id);
    expect(flood.acked()).toEqual(taken);
    expect((await journalOf(info)).map((entry) => (entry as { note: { id: string } }).note.id)).toEqual(
      taken,
    );
    expect(noteEvents(events)).toHaveLength(ROOM_LIMITS.notesPerMinute);
    await vi.waitFor(() => expect(warn).toHaveBeenCalled(), WAIT);
    expect(warn.mock.calls.length).toBeLessThanOrEqual(LOG_LINES_PER_MINUTE);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^\[room\] /);

    const note = phoneNote('The room still works');
    bystander.send(note);
    await vi.waitFor(() => expect(bystander.acked()).toEqual([note.id]), WAIT);
  });
});

describe('who is in the room', () => {
  it(`lets ${ROOM_LIMITS.maxParticipants} phones in and tells the next one the room is full`, async () => {
    const info = await openRoom();
    const phones = await Promise.all(
      Array.from({ length: ROOM_LIMITS.maxParticipants }, (_, index) =>
        TestPhone.join(info, `phone-${String(index).padStart(4, '0')}`, `P${index}`),
      ),
    );
    expect(lastParticipants(events)).toHaveLength(ROOM_LIMITS.maxParticipants);

    const extra = await TestPhone.connect(socketUrl(info));
    extra.send({ type: 'hello', device: 'phone-extra-1', name: 'Late' });
    expect((await extra.closed).code).toBe(ROOM_CLOSE.full);
    expect(extra.messages).toEqual([{ type: 'full' }]);

    // A phone already in the room still comes back when it is full.
    phones[0]?.close();
    await phones[0]?.closed;
    await TestPhone.join(info, 'phone-0000', 'P0');
    expect(lastParticipants(events)).toHaveLength(ROOM_LIMITS.maxParticipants);
  });

  it('removes a phone: it is told, closed, and cannot come back while the room is open', async () => {
    const service = roomService();
    const info = await openRoom(service);
    const ana = await TestPhone.join(info, 'phone-ana-1', 'Ana');
    await TestPhone.join(info, 'phone-ben-1', 'Ben');
    service.remove('phone-ana-1');
    expect((await ana.closed).code).toBe(ROOM_CLOSE.removed);
    expect(ana.messages.at(-1)).toEqual({ type: 'removed' });
    expect(lastParticipants(events)).toEqual([{ id: 'phone-ben-1', name: 'Ben', connected: true }]);

    const again = await TestPhone.connect(socketUrl(info));
    again.send({ type: 'hello', device: 'phone-ana-1', name: 'Ana' });
    expect((await again.closed).code).toBe(ROOM_CLOSE.removed);
    expect(again.messages).toEqual([{ type: 'removed' }]);

    await service.close();
    await TestPhone.join(await openRoom(service), 'phone-ana-1', 'Ana');
  });

  it('lets a phone that connects again replace its older connection', async () => {
    const info = await openRoom();
    const first = await TestPhone.join(info, 'phone-ana-1', 'Ana');
    const second = await TestPhone.join(info, 'phone-ana-1', 'Ana K.');
    expect((await first.closed).code).toBe(ROOM_CLOSE.replaced);
    await vi.waitFor(() => {
      expect(lastParticipants(events)).toEqual([{ id: 'phone-ana-1', name: 'Ana K.', connected: true }]);
    }, WAIT);
    const note = phoneNote('From the new connection');
    second.send(note);
    await vi.waitFor(() => expect(second.acked()).toEqual([note.id]), WAIT);
    expect(noteEvents(events)[0]?.name).toBe('Ana K.');
  });

  it('shows a phone that stopped answering as away', async () => {
    const info = await openRoom(roomService({ timeouts: { heartbeatMs: 100 } }));
    const phone = await TestPhone.join(info, 'phone-asleep-1', 'Ana', { autoPong: false });
    expect(lastParticipants(events)).toEqual([{ id: 'phone-asleep-1', name: 'Ana', connected: true }]);
    await phone.closed;
    await vi.waitFor(() => {
      expect(lastParticipants(events)).toEqual([{ id: 'phone-asleep-1', name: 'Ana', connected: false }]);
    }, WAIT);
  });
});

describe('opening and closing', () => {
  it('reopens a map’s room with the same code, token and port, and reports its notes again', async () => {
    const before = roomService();
    const info = await openRoom(before);
    const phone = await TestPhone.join(info, 'phone-ana-1', 'Ana');
    const notes = [phoneNote('First'), phoneNote('Second')];
    for (const note of notes) phone.send(note);
    await vi.waitFor(() => expect(phone.acked()).toHaveLength(2), WAIT);
    // The laptop restarts: a new service on the same user data.
    await before.close();

    const reported: RoomEvent[] = [];
    const after = roomService({ into: reported });
    expect(await openRoom(after)).toEqual(info);
    await vi.waitFor(() => {
      expect(noteEvents(reported)).toEqual(
        notes.map((note) => ({
          type: 'note',
          participantId: 'phone-ana-1',
          name: 'Ana',
          note,
          received: RECEIVED,
        })),
      );
    }, WAIT);
    await TestPhone.join(info, 'phone-ana-1', 'Ana');
  });

  it('opens on another port when the room’s port is taken, and keeps that one', async () => {
    const service = roomService();
    const info = await openRoom(service);
    await service.close();
    const squatter: Server = createServer();
    await new Promise<void>((resolve) => squatter.listen(info.port, LOOPBACK, resolve));
    try {
      const moved = await openRoom(service);
      expect(moved.port).not.toBe(info.port);
      expect(moved.url).toBe(info.url.replace(`:${info.port}/`, `:${moved.port}/`));
      expect(moved.code).toBe(info.code);
      await TestPhone.join(moved, 'phone-ana-1');
      await service.close();
      expect((await openRoom(roomService())).port).toBe(moved.port);
    } finally {
      squatter.close();
    }
  });

  it('answers the same room when the open map’s room is opened again, and closes it for another map', async () => {
    const service = roomService();
    const info = await openRoom(service, 'map-1');
    const phone = await TestPhone.join(info, 'phone-ana-1');
    expect(await openRoom(service, 'map-1')).toEqual(info);

    const other = await openRoom(service, 'map-2');
    expect(other.code).not.toBe(info.code);
    expect((await phone.closed).code).toBe(ROOM_CLOSE.closed);
    await expect(TestPhone.connect(socketUrl(info))).rejects.toThrow();
  });

  it('reports every note and person again when a reloaded window asks for the open room', async () => {
    const service = roomService();
    const info = await openRoom(service, 'map-1');
    const phone = await TestPhone.join(info, 'phone-ana-1', 'Ana');
    const note = phoneNote('Sent while the window was reloading');
    phone.send(note);
    await vi.waitFor(() => expect(phone.acked()).toEqual([note.id]), WAIT);
    events.length = 0;
    expect(await openRoom(service, 'map-1')).toEqual(info);
    await vi.waitFor(() => expect(noteEvents(events)).toHaveLength(1), WAIT);
    expect(noteEvents(events)[0]).toMatchObject({ participantId: 'phone-ana-1', note });
    await vi.waitFor(
      () =>
        expect(events.filter((event) => event.type === 'participants').at(-1)).toEqual({
          type: 'participants',
          participants: [{ id: 'phone-ana-1', name: 'Ana', connected: true }],
        }),
      WAIT,
    );
  });

  it('gives the room a new join address on request: the old one is refused, the code and the stored notes stay', async () => {
    const service = roomService();
    const info = await openRoom(service, 'map-1');
    const phone = await TestPhone.join(info, 'phone-ana-1', 'Ana');
    const note = phoneNote('Before the new address');
    phone.send(note);
    await vi.waitFor(() => expect(phone.acked()).toEqual([note.id]), WAIT);
    events.length = 0;
    const renewed = await service.open('map-1', LOOPBACK, true);
    if ('error' in renewed) throw new Error(renewed.error);
    expect(renewed.code).toBe(info.code);
    expect(renewed.url).not.toBe(info.url);
    expect((await phone.closed).code).toBe(ROOM_CLOSE.closed);
    await expect(TestPhone.connect(socketUrl(info))).rejects.toThrow();
    await TestPhone.join(renewed, 'phone-ben-1', 'Ben');
    await vi.waitFor(() => expect(noteEvents(events)).toHaveLength(1), WAIT);
  });

  it('tells every phone the room closed and frees its port', async () => {
    const service = roomService();
    const info = await openRoom(service);
    const phones = [await TestPhone.join(info, 'phone-ana-1'), await TestPhone.join(info, 'phone-ben-1')];
    const waiting = await TestPhone.connect(socketUrl(info));
    await service.close();
    for (const phone of [...phones, waiting]) expect((await phone.closed).code).toBe(ROOM_CLOSE.closed);
    await expect(httpGet(info.port, joinPath(info))).rejects.toThrow('ECONNREFUSED');
    const reuse: Server = createServer();
    await new Promise<void>((resolve, reject) => {
      reuse.once('error', reject);
      reuse.listen(info.port, LOOPBACK, resolve);
    });
    reuse.close();
  });

  it('cuts off a client trickling its headers, while a normal request is still served', async () => {
    const info = await openRoom();
    const slow = new Socket();
    const cutOff = new Promise<string>((resolve) => {
      let answer = '';
      slow.on('data', (data) => {
        answer += String(data);
      });
      slow.on('close', () => resolve(answer));
      slow.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => slow.connect(info.port, LOOPBACK, resolve));
    slow.write(`GET ${joinPath(info)}/ HTTP/1.1\r\nHost: ${LOOPBACK}:${info.port}\r\n`);
    const trickle = setInterval(() => slow.write('X-Slow: a\r\n'), 50);
    try {
      const page = await httpGet(info.port, `${joinPath(info)}/`);
      expect(page.body).toBe(PAGE_HTML);
      const answer = await cutOff;
      expect(answer).not.toContain('Join the room');
    } finally {
      clearInterval(trickle);
      slow.destroy();
    }
  });

  it('closes a connection that never sends anything', async () => {
    const info = await openRoom();
    const idle = new Socket();
    const closed = new Promise<void>((resolve) => idle.on('close', () => resolve()));
    idle.on('error', () => undefined);
    idle.connect(info.port, LOOPBACK);
    await closed;
  });
});

describe('when something is wrong', () => {
  it('says so in plain words for an address that is not this computer’s', async () => {
    const result = await roomService().open('map-1', '192.0.2.55');
    expect(result).toEqual({ error: expect.stringContaining('no longer has the address 192.0.2.55') });
  });

  it('says so when the notes could not be stored', async () => {
    await writeFile(path.join(root, 'blocker'), 'a file where the data folder should be');
    userData = path.join(root, 'blocker');
    const result = await roomService().open('map-1', LOOPBACK);
    expect(result).toEqual({ error: expect.stringContaining('the notes phones send could not be stored') });
  });

  it('says so when the participant page is missing from the installation', async () => {
    participantDir = path.join(root, 'nowhere');
    const result = await roomService().open('map-1', LOOPBACK);
    expect(result).toEqual({ error: expect.stringContaining('missing') });
  });

  it.runIf(process.platform === 'linux')(
    'tells the window when the laptop loses the room’s address',
    async () => {
      // 127.0.0.2 is loopback on Linux: here it stands for the Wi-Fi address that goes away.
      let wifi = true;
      const interfaces: NetworkInterfaces = () => ({
        wlan0: wifi
          ? [
              {
                address: '127.0.0.2',
                netmask: '255.0.0.0',
                family: 'IPv4',
                mac: '',
                internal: false,
                cidr: null,
              },
            ]
          : [],
      });
      const service = roomService({ networkInterfaces: interfaces });
      expect(roomAddresses(interfaces)[0]).toEqual({ name: 'wlan0', address: '127.0.0.2' });
      const info = await openRoom(service, 'map-1', '127.0.0.2');
      const phone = await TestPhone.join(info, 'phone-ana-1');
      wifi = false;
      expect((await phone.closed).code).toBe(ROOM_CLOSE.closed);
      await vi.waitFor(() => {
        expect(events.at(-1)).toEqual({ type: 'closed', reason: expect.stringContaining('127.0.0.2') });
      }, WAIT);
    },
  );
});
