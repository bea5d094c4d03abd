import {
  type BallotSubmission,
  type Hello,
  LAPTOP_MESSAGE,
  type LaptopMessage,
  type NoteSubmission,
  ROOM_CLOSE,
  ROOM_LIMITS,
} from '../../shared/room/protocol.ts';

/** What the participant is told about the link to the laptop. */
export type RoomStatus = 'connecting' | 'connected' | 'reconnecting' | 'replaced' | 'removed' | 'full';

/** The part of a WebSocket the room uses; tests pass a fake. */
export interface RoomSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
}

export type RoomSocketConstructor = new (url: string) => RoomSocket;

export interface RoomConnectionOptions {
  readonly url: string;
  readonly hello: Hello;
  /** Notes and ballots the laptop has not acknowledged, oldest first: each is sent as it is. */
  readonly pending: () => readonly (NoteSubmission | BallotSubmission)[];
  readonly onMessage: (message: LaptopMessage) => void;
  readonly onStatus: (status: RoomStatus) => void;
  readonly WebSocket?: RoomSocketConstructor;
  /** For the jitter of the reconnect delay. */
  readonly random?: () => number;
}

/**
 * The laptop closes a device's older connection with ROOM_CLOSE.replaced when the device connects again: the
 * same room opened in a second tab (scanning the QR code again opens one). The older page waits
 * until it is looked at again instead of taking the room back, which would go back and forth.
 */
const REPLACED_CLOSE = ROOM_CLOSE.replaced;
/** Reconnect delays double from half a second up to this, so a returning room is found fast. */
const MAX_RETRY_MS = 10_000;
/** Venue Wi-Fi can leave a connection attempt hanging for minutes: give up and try afresh. */
const CONNECT_TIMEOUT_MS = 10_000;
/** A connection that stayed up this long was healthy: the next reconnect starts fast again. */
const LASTED_MS = 10_000;
/**
 * A note sent and nothing heard back for this long: the connection is dead without having
 * closed (the phone changed access point, the laptop slept), so drop it and reconnect.
 */
const SILENCE_TIMEOUT_MS = 15_000;
/** The laptop drops a note it cannot take now (over a rate, its disk full) without an ack. */
const RESEND_AFTER_MS = 20_000;
/**
 * What this phone sends stays under the laptop's limits, with room for the network bunching
 * frames up: a phone back after a long drop resends its notes paced instead of having them dropped.
 */
const NOTE_BUDGET = Math.floor(ROOM_LIMITS.notesPerMinute * 0.8);
const NOTE_WINDOW_MS = 60_000;
const BYTE_BUDGET = Math.floor(ROOM_LIMITS.bytesPerSecond * 10 * 0.8);
const BYTE_WINDOW_MS = 10_000;

type TimerName = 'retry' | 'connect' | 'silence' | 'flush';
type Stop = 'replaced' | 'removed' | 'full' | 'closed';

const utf8 = new TextEncoder();

/**
 * The phone's link to the laptop: hello first on every connection, then every unacknowledged
 * note with its own id (the laptop counts each id once). It reconnects after any close except
 * the laptop removing the phone or turning it away from a full room.
 */
export class RoomConnection {
  private socket: RoomSocket | null = null;
  private open = false;
  /** When each note was last sent on the current socket. */
  private sentHere = new Map<string, number>();
  /** Note frames sent lately, on this socket or the ones before: the laptop's limits are per phone. */
  private sendLog: { readonly at: number; readonly bytes: number }[] = [];
  /** Reconnects since the last connection that lasted. */
  private attempt = 0;
  private openedAt: number | null = null;
  /** Set once a connection has failed or dropped: the next attempt is a reconnect. */
  private retrying = false;
  private stopped: Stop | null = null;
  private readonly timers = new Map<TimerName, ReturnType<typeof setTimeout>>();

  constructor(private readonly options: RoomConnectionOptions) {}

  start(): void {
    this.connect();
  }

  /**
   * Sends the notes not yet sent on this connection, and again those the laptop has not
   * acknowledged for a while, within the laptop's limits. Offline, they wait in the outbox.
   */
  flush(): void {
    const socket = this.socket;
    if (!socket || !this.open) return;
    this.clear('flush');
    const now = Date.now();
    let next = Number.POSITIVE_INFINITY;
    for (const note of this.options.pending()) {
      const resendAt = (this.sentHere.get(note.id) ?? Number.NEGATIVE_INFINITY) + RESEND_AFTER_MS;
      if (resendAt > now) {
        next = Math.min(next, resendAt);
        continue;
      }
      const frame = JSON.stringify(note);
      const bytes = utf8.encode(frame).length;
      const wait = this.paceWait(now, bytes);
      if (wait > 0) {
        next = Math.min(next, now + wait);
        break;
      }
      socket.send(frame);
      this.sentHere.set(note.id, now);
      this.sendLog.push({ at: now, bytes });
      next = Math.min(next, now + RESEND_AFTER_MS);
      if (!this.timers.has('silence')) this.later('silence', SILENCE_TIMEOUT_MS, () => this.drop());
    }
    if (next < Number.POSITIVE_INFINITY) this.later('flush', next - now, () => this.flush());
  }

  /** The phone woke up, is back on the network or this tab is looked at again: reconnect now. */
  wake(): void {
    if (this.stopped === 'replaced') this.stopped = null;
    if (!this.stopped && !this.socket) this.connect();
  }

  /** After a full room: the participant asks to try again. */
  retry(): void {
    if (this.stopped !== 'full') return;
    this.stopped = null;
    this.attempt = 0;
    this.connect();
  }

  close(): void {
    this.stop('closed');
  }

  private connect(): void {
    this.clear('retry');
    this.options.onStatus(this.retrying ? 'reconnecting' : 'connecting');
    const Socket = this.options.WebSocket ?? WebSocket;
    const socket = new Socket(this.options.url);
    this.socket = socket;
    this.later('connect', CONNECT_TIMEOUT_MS, () => this.drop());
    socket.onopen = () => {
      this.clear('connect');
      this.open = true;
      this.openedAt = Date.now();
      this.sentHere = new Map();
      socket.send(JSON.stringify(this.options.hello));
      this.flush();
    };
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = (event) => {
      if (event.code === ROOM_CLOSE.removed) this.stop('removed');
      else if (event.code === ROOM_CLOSE.full) this.stop('full');
      else if (event.code === REPLACED_CLOSE) this.stop('replaced');
      else this.drop();
    };
  }

  private receive(data: unknown): void {
    this.clear('silence');
    const message = typeof data === 'string' ? parseFrame(data) : null;
    if (!message) return;
    if (message.type === 'welcome') this.options.onStatus('connected');
    this.options.onMessage(message);
    if (message.type === 'removed' || message.type === 'full') this.stop(message.type);
  }

  /** The connection is gone or useless: forget it and try again after a growing, jittered pause. */
  private drop(): void {
    if (this.stopped) return;
    // One the laptop ends at once (a room closing, a page it refuses) backs off instead of looping.
    if (this.openedAt !== null && Date.now() - this.openedAt >= LASTED_MS) this.attempt = 0;
    this.forgetSocket();
    this.retrying = true;
    this.options.onStatus('reconnecting');
    const ceiling = Math.min(MAX_RETRY_MS, 500 * 2 ** this.attempt);
    this.attempt += 1;
    const random = this.options.random ?? Math.random;
    this.later('retry', ceiling * (0.5 + random() * 0.5), () => this.connect());
  }

  private stop(reason: Stop): void {
    if (this.stopped) return;
    this.stopped = reason;
    this.forgetSocket();
    this.clear('retry');
    if (reason !== 'closed') this.options.onStatus(reason);
  }

  private forgetSocket(): void {
    const socket = this.socket;
    this.socket = null;
    this.open = false;
    this.openedAt = null;
    for (const name of ['connect', 'silence', 'flush'] as const) this.clear(name);
    if (!socket) return;
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    // A socket still connecting or open is closed so the laptop does not keep a ghost of it.
    if (socket.readyState <= 1) socket.close();
  }

  /** How long until a frame of `bytes` fits the budgets; 0 when it fits now. */
  private paceWait(now: number, bytes: number): number {
    this.sendLog = this.sendLog.filter((sent) => now - sent.at < NOTE_WINDOW_MS);
    let wait = 0;
    const overNotes = this.sendLog.length - NOTE_BUDGET + 1;
    const freeing = this.sendLog[overNotes - 1];
    if (overNotes > 0 && freeing) wait = freeing.at + NOTE_WINDOW_MS - now;
    const recent = this.sendLog.filter((sent) => now - sent.at < BYTE_WINDOW_MS);
    let recentBytes = bytes + recent.reduce((sum, sent) => sum + sent.bytes, 0);
    for (const sent of recent) {
      if (recentBytes <= BYTE_BUDGET) break;
      recentBytes -= sent.bytes;
      wait = Math.max(wait, sent.at + BYTE_WINDOW_MS - now);
    }
    return wait;
  }

  private later(name: TimerName, ms: number, run: () => void): void {
    this.clear(name);
    this.timers.set(
      name,
      setTimeout(() => {
        this.timers.delete(name);
        run();
      }, ms),
    );
  }

  private clear(name: TimerName): void {
    clearTimeout(this.timers.get(name));
    this.timers.delete(name);
  }
}

/** A laptop frame, or null: a page left open across an app update ignores what it cannot read. */
const parseFrame = (data: string): LaptopMessage | null => {
  try {
    return LAPTOP_MESSAGE.safeParse(JSON.parse(data)).data ?? null;
  } catch {
    return null;
  }
};
