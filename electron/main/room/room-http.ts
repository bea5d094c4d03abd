/**
 * What the room answers over HTTP. Only a request carrying the room's token gets anything: the
 * participant page and its files under /j/<token>/, and the phones' socket at /j/<token>/ws.
 * Everything else, whoever asks, gets one small page saying to ask the facilitator. The page's
 * files are read once when the room opens and served from memory, so no request ever names a
 * path on the laptop's disk: a URL either is one of those files or is answered with that page.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { CONTENT_TYPES } from '../content-types.ts';

/**
 * The participant page's policy: its own scripts, styles and socket, nothing else. The socket is
 * named as well as 'self': Safari before 16 does not count ws: as 'self'.
 */
export const participantCsp = (host: string): string =>
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  `connect-src 'self' ws://${host}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  // The token is in the address: a page the phone goes on to must not learn it.
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
} as const;

/** The kinds of file the participant page is built from; anything else in its folder is not served. */
const PAGE_FILE_TYPES = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.svg',
  '.png',
  '.ico',
  '.woff2',
  '.woff',
]);

const ASK_PAGE = Buffer.from(
  '<!doctype html><html lang="en"><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Journeywall</title>' +
    '<p>Ask the facilitator for the room’s address.</p></html>\n',
);

interface ParticipantFile {
  readonly bytes: Buffer;
  readonly contentType: string;
}

/** The participant page's files by their path under /j/<token>/, such as "assets/index.js". */
export type ParticipantFiles = ReadonlyMap<string, ParticipantFile>;

/**
 * Reads the built participant page. Hidden files, links and files of other types are left out;
 * the page's index.html must be there.
 */
export async function loadParticipantFiles(dir: string): Promise<ParticipantFiles> {
  const files = new Map<string, ParticipantFile>();
  async function walk(folder: string, prefix: string): Promise<void> {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(file, `${prefix}${entry.name}/`);
      const extension = path.extname(entry.name).toLowerCase();
      const contentType = PAGE_FILE_TYPES.has(extension) ? CONTENT_TYPES[extension] : undefined;
      if (entry.isFile() && contentType !== undefined) {
        files.set(`${prefix}${entry.name}`, { bytes: await readFile(file), contentType });
      }
    }
  }
  await walk(dir, '');
  if (!files.has('index.html')) throw new Error(`No index.html in ${dir}`);
  return files;
}

/** Compares in constant time, so the answer's timing does not leak the token a byte at a time. */
export function sameToken(candidate: string, token: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(candidate), digest(token));
}

export type RoomRoute =
  /** /j/<token>: sent on to /j/<token>/, so the page's relative file addresses land under the token. */
  | { readonly kind: 'join' }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'socket' }
  | { readonly kind: 'elsewhere'; readonly status: 403 | 404 };

/** Where a request's raw URL goes; it is never decoded or normalized, so "..", "%2e%2e" and the like name no file. */
export function roomRoute(url: string, token: string): RoomRoute {
  const pathname = url.split(/[?#]/, 1)[0] ?? '';
  if (!pathname.startsWith('/j/')) return { kind: 'elsewhere', status: 404 };
  const [candidate = '', ...rest] = pathname.slice('/j/'.length).split('/');
  if (!sameToken(candidate, token)) return { kind: 'elsewhere', status: 403 };
  if (rest.length === 0) return { kind: 'join' };
  const file = rest.join('/');
  if (file === 'ws') return { kind: 'socket' };
  return { kind: 'file', path: file === '' ? 'index.html' : file };
}

export interface PageOptions {
  readonly token: string;
  readonly files: ParticipantFiles;
  /** The room's "<address>:<port>": a request naming another host (DNS rebinding) is not for the room. */
  readonly host: () => string;
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer,
  host: string,
): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': participantCsp(host),
    ...headers,
    'Content-Length': String(body.length),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

export function createPageHandler({
  token,
  files,
  host,
}: PageOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const ask = (request: IncomingMessage, response: ServerResponse, status: number): void =>
    send(request, response, status, { 'Content-Type': 'text/html; charset=utf-8' }, ASK_PAGE, host());

  return (request, response) => {
    const readOnly = request.method === 'GET' || request.method === 'HEAD';
    if (!readOnly || request.headers.host !== host()) return ask(request, response, 404);
    const route = roomRoute(request.url ?? '', token);
    if (route.kind === 'join') {
      return send(request, response, 302, { Location: `/j/${token}/` }, Buffer.alloc(0), host());
    }
    const file = route.kind === 'file' ? files.get(route.path) : undefined;
    if (file === undefined) return ask(request, response, route.kind === 'elsewhere' ? route.status : 404);
    send(request, response, 200, { 'Content-Type': file.contentType }, file.bytes, host());
  };
}
