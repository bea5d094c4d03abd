import type { LaptopMessage, RoundView } from '../../shared/room/protocol.ts';
import type { KeptStorage } from './kept.ts';
import type { RoomSocket, RoomSocketConstructor } from './room-connection.ts';

/** One connection to the fake laptop: the test plays the laptop's side. */
export class FakeSocket implements RoomSocket {
  readyState = 0;
  /** The frames the page sent, parsed. */
  readonly sent: unknown[] = [];
  closedByPage = false;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('sent on a socket that is not open');
    this.sent.push(JSON.parse(data));
  }

  close(): void {
    this.closedByPage = true;
    this.readyState = 3;
  }

  accept(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  say(message: LaptopMessage | string): void {
    const data = typeof message === 'string' ? message : JSON.stringify(message);
    this.onmessage?.(new MessageEvent('message', { data }));
  }

  /** The laptop or the network ends the connection. */
  end(code: number): void {
    this.readyState = 3;
    // Node has no CloseEvent; the page reads only the code.
    this.onclose?.({ code } as CloseEvent);
  }
}

/** A laptop that records every connection the page opens. */
export const fakeLaptop = () => {
  const sockets: FakeSocket[] = [];
  const WebSocket: RoomSocketConstructor = class extends FakeSocket {
    constructor(url: string) {
      super(url);
      sockets.push(this);
    }
  };
  const latest = (): FakeSocket => {
    const socket = sockets.at(-1);
    if (!socket) throw new Error('the page has not connected');
    return socket;
  };
  return { WebSocket, sockets, latest };
};

/** localStorage's behaviour, in memory. */
export const memoryStorage = (): KeptStorage & { readonly items: Map<string, string> } => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
  };
};

/** Storage that refuses everything, as a full disk or a strict private mode does. */
export const refusingStorage = (): KeptStorage => ({
  getItem: () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  },
});

export const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv';

export const round = (changes: Partial<RoundView> = {}): RoundView => ({
  id: 'round-1',
  prompt: 'What happens when the parcel is late?',
  stages: [
    { id: 'stage-order', name: 'Order' },
    { id: 'stage-delivery', name: 'Delivery' },
  ],
  lanes: [{ id: 'lane-actions', name: 'Actions' }],
  kinds: ['note', 'breakdown'],
  endsAt: null,
  ...changes,
});
