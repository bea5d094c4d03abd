/**
 * Serves the renderer from the packaged dist/ folder over app://journeywall/. A privileged
 * standard scheme gives the pages a real, stable origin (IndexedDB, fetch and ES modules work and
 * persist) without file://'s extra powers. Only files inside dist/ are reachable, and every
 * response carries the CSP.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from './app-origin.ts';
import { CONTENT_TYPES } from './content-types.ts';
import { CONTENT_SECURITY_POLICY } from './csp.ts';

/** Must run before the app is ready: Chromium fixes scheme privileges at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // codeCache lets V8 cache the compiled bundle between launches, as it does for https.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file inside distDir that an app:// URL names, or null when the URL is not ours or could
 * leave distDir. Each path segment is decoded on its own and must not be empty, '.' or '..', nor
 * hide a separator or NUL (%2f, %5c, %00); drive letters and the like are caught by the final
 * containment check.
 */
export function resolveAppPath(distDir: string, url: string): string | null {
  if (!url.startsWith(`${APP_ORIGIN}/`)) return null;
  const rawPath = new URL(url).pathname;
  const segments: string[] = [];
  for (const raw of (rawPath === '/' ? '/index.html' : rawPath).slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  const root = path.resolve(distDir);
  const target = path.resolve(root, ...segments);
  const relative = path.relative(root, target);
  if (relative === '' || path.isAbsolute(relative) || relative.split(path.sep)[0] === '..') return null;
  return target;
}

function respond(status: number, body: BodyInit, contentType: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

export function createAppProtocolHandler(distDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return respond(405, 'Method not allowed', 'text/plain; charset=utf-8');
    }
    const file = resolveAppPath(distDir, request.url);
    if (file === null) return respond(404, 'Not found', 'text/plain; charset=utf-8');
    try {
      return respond(200, new Uint8Array(await readFile(file)), contentTypeFor(file));
    } catch {
      return respond(404, 'Not found', 'text/plain; charset=utf-8');
    }
  };
}

export function serveAppFrom(distDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(distDir));
}
