/**
 * The room's HTTP server, listening on one address of the laptop while the room is open. It is
 * reachable by anyone on the network, so it gives nothing away cheaply: short time limits for
 * requests (a client trickling its headers is cut off), few headers, a cap on open sockets, and
 * the phones' WebSocket only for the room's token, from the room's own page.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { ROOM_LIMITS } from '../../../shared/room/protocol.ts';
import { errorCode } from '../file-errors.ts';
import { createPageHandler, type ParticipantFiles, roomRoute } from './room-http.ts';

/** Phones, each maybe with a second socket while it reconnects, plus page loads. */
const MAX_SOCKETS = ROOM_LIMITS.maxParticipants * 2 + 20;
const MAX_HEADERS = 40;
const MAX_HEADER_BYTES = 8 * 1024;
/** An idle kept-alive connection is closed after this. */
const KEEP_ALIVE_MS = 5000;

export interface RoomServerOptions {
  readonly address: string;
  /** The port to listen on, or null (or taken) for any free one. */
  readonly port: number | null;
  readonly token: string;
  readonly files: ParticipantFiles;
  /** A request's headers must all arrive within this. */
  readonly headersMs: number;
  /** A phone's socket, upgraded and checked. */
  readonly onPhone: (socket: WebSocket) => void;
  /** The server failed after it started listening. */
  readonly onError: (error: Error) => void;
}

export interface RoomServer {
  readonly port: number;
  /** Stops listening and cuts off every socket left; resolves once the port is free. */
  close(): Promise<void>;
}

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
}

/** A page from somewhere else (another site open on the phone) must not talk to the room. */
function sameOrigin(request: IncomingMessage): boolean {
  const { origin, host } = request.headers;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function listenRoom(options: RoomServerOptions): Promise<RoomServer> {
  let host = '';
  const server = createServer(
    {
      headersTimeout: options.headersMs,
      requestTimeout: options.headersMs * 2,
      connectionsCheckingInterval: Math.min(1000, options.headersMs / 4),
      keepAliveTimeout: KEEP_ALIVE_MS,
      maxHeaderSize: MAX_HEADER_BYTES,
    },
    createPageHandler({ token: options.token, files: options.files, host: () => host }),
  );
  server.maxHeadersCount = MAX_HEADERS;
  server.maxConnections = MAX_SOCKETS;

  const sockets = new Set<Duplex>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Malformed requests and headers too slow (or never sent): cut off. Node's own answer to a
  // socket that never sent a byte leaves it open.
  server.on('clientError', (_error, socket) => socket.destroy());

  const webSockets = new WebSocketServer({
    noServer: true,
    maxPayload: ROOM_LIMITS.maxFrameBytes,
    clientTracking: false,
    // Compressed frames could inflate far past maxFrameBytes' worth of work.
    perMessageDeflate: false,
  });
  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    const forRoom =
      request.method === 'GET' &&
      request.headers.host === host &&
      sameOrigin(request) &&
      roomRoute(request.url ?? '', options.token).kind === 'socket';
    if (!forRoom) return refuse(socket, '403 Forbidden');
    webSockets.handleUpgrade(request, socket, head, options.onPhone);
  });

  const listen = (port: number): Promise<void> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: options.address, port, exclusive: true }, () => {
        server.off('error', reject);
        resolve();
      });
    });
  try {
    await listen(options.port ?? 0);
  } catch (error) {
    if (options.port === null || errorCode(error) !== 'EADDRINUSE') throw error;
    // The room's usual port is taken: phones must scan the new address.
    await listen(0);
  }
  server.on('error', options.onError);

  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  host = `${options.address}:${port}`;

  return {
    port,
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
