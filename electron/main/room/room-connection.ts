/**
 * One phone's socket: it must say hello first, within a few seconds; after that every frame is
 * parsed and checked like any message from a stranger. Bad frames are dropped and counted, and a
 * phone that keeps sending them is closed; frames over the phone's rates are dropped unacked, so
 * the phone sends them again later. A heartbeat finds phones that went away without a word.
 * Frames are handled one at a time, in order; nothing a phone sends can throw out of here.
 */
import type { RawData, WebSocket } from 'ws';
import {
  type BallotSubmission,
  type Hello,
  type LaptopMessage,
  type NoteSubmission,
  PHONE_MESSAGE,
  type PhoneMessage,
  ROOM_CLOSE,
  ROOM_LIMITS,
} from '../../../shared/room/protocol.ts';
import type { PhoneLimits, RoomLog } from './rate-limits.ts';

/** Bad frames a phone may send before it is closed: one could be a page from an older version. */
export const VIOLATIONS_BEFORE_CLOSE = 5;

/**
 * Frames waiting for their turn; a phone resending its outbox after a reconnect has a few dozen.
 * Past this frames are dropped unacked, so a flood cannot pile up in the laptop's memory.
 */
const MAX_WAITING_FRAMES = 64;

export interface ConnectionTimeouts {
  /** A phone must say hello within this. */
  readonly helloMs: number;
  /** Phones are pinged this often; one that has not answered by the next ping is cut off. */
  readonly heartbeatMs: number;
  /** How long a closed phone has to answer the close before it is cut off. */
  readonly closeMs: number;
}

/** What may wait unsent to one phone before shared frames skip it (a phone on poor Wi-Fi). */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface Phone {
  /** The device id from the phone's hello, or null before it. */
  readonly device: string | null;
  send(message: LaptopMessage): void;
  /**
   * Sends a frame already made for every phone (the map, made once for the room), unless the
   * phone has not taken the last ones yet: a slow phone skips a copy, the next one replaces it.
   */
  sendShared(frame: string): void;
  /** Closes with a code from ROOM_CLOSE; the phone's frames are ignored from now on. */
  close(code: number, reason?: string): void;
  /** Resolves once the socket is closed. */
  readonly closed: Promise<void>;
}

export interface PhoneHandlers {
  /** The phone's hello: the room welcomes the phone or closes it. */
  hello(phone: Phone, hello: Hello): void;
  /** A note within the phone's rates; resolves true once the phone may forget it (it is acked). */
  note(phone: Phone, note: NoteSubmission): Promise<boolean>;
  /** A ballot within the phone's rates; resolves true once it is stored (or older than one stored). */
  ballot(phone: Phone, ballot: BallotSubmission): Promise<boolean>;
  /** The socket closed, however. */
  gone(phone: Phone): void;
}

export interface PhoneConnectionOptions {
  readonly handlers: PhoneHandlers;
  readonly limits: PhoneLimits;
  readonly log: RoomLog;
  readonly timeouts: ConnectionTimeouts;
}

const bytesOf = (data: RawData): Buffer =>
  Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);

function parseFrame(bytes: Buffer, isBinary: boolean): PhoneMessage | null {
  if (isBinary) return null;
  try {
    const parsed = PHONE_MESSAGE.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function attachPhone(socket: WebSocket, options: PhoneConnectionOptions): Phone {
  const { handlers, limits, log, timeouts } = options;
  let device: string | null = null;
  let ending = false;
  let violations = 0;
  let waiting = 0;
  let queue: Promise<void> = Promise.resolve();
  let alive = true;
  let closeTimer: NodeJS.Timeout | undefined;
  let markClosed = (): void => undefined;
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });

  const phone: Phone = {
    get device() {
      return device;
    },
    send(message) {
      if (!ending) socket.send(JSON.stringify(message));
    },
    sendShared(frame) {
      if (!ending && socket.bufferedAmount < MAX_BUFFERED_BYTES) socket.send(frame);
    },
    close(code, reason) {
      if (ending) return;
      ending = true;
      socket.close(code, reason);
      // A phone that never answers the close is not waited for.
      closeTimer = setTimeout(() => socket.terminate(), timeouts.closeMs);
    },
    closed,
  };

  const helloTimer = setTimeout(() => {
    log('a phone did not say hello in time');
    phone.close(ROOM_CLOSE.violation);
  }, timeouts.helloMs);

  const who = (): string => (device === null ? 'a phone' : `phone ${device}`);

  function violation(what: string): void {
    violations++;
    log(`${who()} sent ${what}`);
    if (device === null || violations >= VIOLATIONS_BEFORE_CLOSE) phone.close(ROOM_CLOSE.violation);
  }

  async function handle(data: RawData, isBinary: boolean): Promise<void> {
    if (ending) return;
    const bytes = bytesOf(data);
    if (device !== null && !(await limits.allowBytes(device, bytes.length))) {
      return log(`${who()} is over ${ROOM_LIMITS.bytesPerSecond} bytes a second; a frame was dropped`);
    }
    const message = parseFrame(bytes, isBinary);
    if (ending) return;
    if (message === null) return violation('a frame that is not a valid message');
    if (device === null) {
      // The first frame must be the hello.
      if (message.type !== 'hello') return violation('a note before its hello');
      clearTimeout(helloTimer);
      device = message.device;
      return handlers.hello(phone, message);
    }
    if (message.type === 'hello') return violation('a second hello');
    if (message.type === 'ballot') {
      if (!(await limits.allowBallot(device)))
        return log(`${who()} is over ${ROOM_LIMITS.ballotsPerMinute} ballots a minute; a ballot was dropped`);
      if ((await handlers.ballot(phone, message)) && !ending) phone.send({ type: 'ack', ids: [message.id] });
      return;
    }
    if (!(await limits.allowNote(device))) {
      return log(`${who()} is over ${ROOM_LIMITS.notesPerMinute} notes a minute; a note was dropped`);
    }
    if ((await handlers.note(phone, message)) && !ending) phone.send({ type: 'ack', ids: [message.id] });
  }

  socket.on('message', (data, isBinary) => {
    if (waiting >= MAX_WAITING_FRAMES)
      return log(`${who()} sends faster than the room stores; a frame was dropped`);
    waiting++;
    queue = queue
      .then(() => handle(data, isBinary))
      .catch((error: unknown) => log(`a frame from ${who()} failed: ${String(error)}`))
      .finally(() => {
        waiting--;
      });
  });

  const heartbeat = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, timeouts.heartbeatMs);
  socket.on('pong', () => {
    alive = true;
  });

  // Too-big frames, bad UTF-8 and broken connections arrive here; ws closes the socket itself.
  socket.on('error', (error) => log(`${who()}'s connection failed: ${error.message}`));
  socket.on('close', () => {
    ending = true;
    clearTimeout(helloTimer);
    clearTimeout(closeTimer);
    clearInterval(heartbeat);
    markClosed();
    handlers.gone(phone);
  });

  return phone;
}
