/**
 * What the room's tests use to act like the people around it: a participant page on disk, a phone
 * (the `ws` client, as a phone's browser speaks it) and a browser asking for raw paths.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { vi } from 'vitest';
import { type ClientOptions, WebSocket } from 'ws';
import type { RoomEvent, RoomInfo } from '../../../shared/ipc/contract.ts';
import { LAPTOP_MESSAGE, type LaptopMessage } from '../../../shared/room/protocol.ts';

/** How long a test waits for something the room does by itself. */
export const WAIT = { timeout: 5000, interval: 10 } as const;

export const PAGE_HTML = '<!doctype html><title>Join the room</title><script src="./assets/app.js"></script>';
export const PAGE_SCRIPT = 'console.log("participant page");';

/** A built participant page, a hidden file inside it, and a secret beside it. */
export async function writeParticipantPage(root: string): Promise<string> {
  const dir = path.join(root, 'participant');
  await mkdir(path.join(dir, 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'index.html'), PAGE_HTML);
  await writeFile(path.join(dir, 'assets', 'app.js'), PAGE_SCRIPT);
  await writeFile(path.join(dir, '.env'), 'SECRET=hidden file');
  await writeFile(path.join(root, 'package.json'), '{"secret": "beside the page"}');
  return dir;
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A request with its path sent exactly as given (fetch would resolve "..", a browser may not). */
export function httpGet(
  port: number,
  rawPath: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: rawPath, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

export const socketUrl = (info: RoomInfo): string => `${info.url.replace('http:', 'ws:')}/ws`;

/** A phone's connection, recording what the laptop sends it. */
export class TestPhone {
  readonly messages: LaptopMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      // The phone parses what the laptop sends, as the real page does.
      this.messages.push(LAPTOP_MESSAGE.parse(JSON.parse(String(data))));
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => resolve({ code, reason: String(reason) }));
    });
    socket.on('error', () => undefined);
  }

  static connect(url: string, options: ClientOptions = {}): Promise<TestPhone> {
    const socket = new WebSocket(url, options);
    const phone = new TestPhone(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(phone));
      socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`refused with ${response.statusCode}`)),
      );
      socket.once('error', reject);
    });
  }

  /** Connects and says hello; resolves once the laptop welcomed it. */
  static async join(
    info: RoomInfo,
    device: string,
    name = 'Ana',
    options: ClientOptions = {},
  ): Promise<TestPhone> {
    const phone = await TestPhone.connect(socketUrl(info), options);
    phone.send({ type: 'hello', device, name });
    await phone.next('welcome');
    return phone;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The first message of this type (waiting for it if need be). */
  async next<T extends LaptopMessage['type']>(type: T): Promise<Extract<LaptopMessage, { type: T }>> {
    const isType = (message: LaptopMessage): message is Extract<LaptopMessage, { type: T }> =>
      message.type === type;
    return vi.waitFor(() => {
      const found = this.messages.find(isType);
      if (found === undefined) throw new Error(`no ${type} yet`);
      return found;
    }, WAIT);
  }

  /** The ids the laptop acknowledged so far. */
  acked(): string[] {
    return this.messages.flatMap((message) => (message.type === 'ack' ? message.ids : []));
  }

  close(): void {
    this.socket.close();
  }
}

let noteCount = 0;

/** A valid note as a phone sends it. */
export function phoneNote(
  text = 'Waited 20 minutes on hold',
  id = `note-${String(++noteCount).padStart(4, '0')}`,
) {
  return { type: 'note', id, roundId: 'round-1', text, stageId: null, laneId: null, kind: 'note' } as const;
}

export const noteEvents = (events: readonly RoomEvent[]) =>
  events.filter((event): event is Extract<RoomEvent, { type: 'note' }> => event.type === 'note');

/** The participants the window was last told about. */
export function lastParticipants(events: readonly RoomEvent[]) {
  const last = events.filter((event) => event.type === 'participants').at(-1);
  return last?.type === 'participants' ? last.participants : [];
}
