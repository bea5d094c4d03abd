import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REMOTE } from '../../test/remote-urls.ts';
import { CONTENT_SECURITY_POLICY } from './csp.ts';

const protocol = vi.hoisted(() => ({
  registerSchemesAsPrivileged: vi.fn<(schemes: CustomScheme[]) => void>(),
  handle: vi.fn<(scheme: string, handler: (request: Request) => Promise<Response>) => void>(),
}));
vi.mock('electron', () => ({ protocol }));

const { createAppProtocolHandler, registerAppScheme, resolveAppPath, serveAppFrom } = await import(
  './app-protocol.ts'
);

let root: string;
let dist: string;

beforeAll(async () => {
  // root/secret.txt sits next to dist/, like package.json or the main bundle in the real app.
  root = await mkdtemp(path.join(tmpdir(), 'jw-protocol-'));
  dist = path.join(root, 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'secret.txt'), 'outside dist');
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Journeywall</title>');
  await writeFile(path.join(dist, 'assets', 'index-abc.js'), 'console.log("board")');
  await writeFile(path.join(dist, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(dist, 'assets', 'atkinson.woff2'), new Uint8Array([119, 79, 70, 50]));
  await writeFile(path.join(dist, 'assets', 'logo.svg'), '<svg/>');
  await writeFile(path.join(dist, 'assets', 'icon.png'), new Uint8Array([137, 80, 78, 71]));
  await writeFile(path.join(dist, 'manifest.json'), '{}');
  await writeFile(path.join(dist, 'assets', 'home-printer-toner-abc.cxmap'), '{}');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const get = (url: string, method = 'GET'): Promise<Response> =>
  createAppProtocolHandler(dist)(new Request(url, { method }));

describe('resolveAppPath', () => {
  it('maps app URLs to files inside dist, and / to index.html', () => {
    expect(resolveAppPath(dist, 'app://journeywall/')).toBe(path.join(dist, 'index.html'));
    expect(resolveAppPath(dist, 'app://journeywall/assets/index-abc.js')).toBe(
      path.join(dist, 'assets', 'index-abc.js'),
    );
    expect(resolveAppPath(dist, 'app://journeywall/assets/My%20Font.woff2?v=2#x')).toBe(
      path.join(dist, 'assets', 'My Font.woff2'),
    );
  });

  it.each([
    'app://journeywall/%2E%2E%2Fsecret.txt',
    'app://journeywall/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://journeywall/..%2fsecret.txt',
    'app://journeywall/..%5csecret.txt',
    'app://journeywall/assets%5c..%5c..%5csecret.txt',
    'app://journeywall/%2fetc%2fpasswd',
    'app://journeywall/C:%5cWindows%5cwin.ini',
    'app://journeywall/index.html%00.png',
    'app://journeywall/%E0%A4%A',
    'app://journeywall/assets/',
    'app://other/index.html',
    'app://journeywall.evil/index.html',
    'file:///etc/passwd',
    REMOTE.appHostOverHttps,
  ])('refuses %s', (url) => {
    expect(resolveAppPath(dist, url)).toBeNull();
  });

  it('keeps ../ and %2e%2e/ segments inside dist (the URL parser resolves them first)', () => {
    expect(resolveAppPath(dist, 'app://journeywall/../../secret.txt')).toBe(path.join(dist, 'secret.txt'));
    expect(resolveAppPath(dist, 'app://journeywall/%2e%2e/secret.txt')).toBe(path.join(dist, 'secret.txt'));
  });
});

describe('app protocol handler', () => {
  it('serves index.html for the app root with the CSP', async () => {
    const response = await get('app://journeywall/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Journeywall</title>');
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/atkinson.woff2', 'font/woff2'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/icon.png', 'image/png'],
    ['manifest.json', 'application/json; charset=utf-8'],
    ['assets/home-printer-toner-abc.cxmap', 'application/vnd.journeywall.map+json'],
  ])('serves %s as %s with the CSP', async (file, type) => {
    const response = await get(`app://journeywall/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('returns the file bytes unchanged', async () => {
    const response = await get('app://journeywall/assets/atkinson.woff2');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([119, 79, 70, 50]);
  });

  it('answers 404 with the CSP for traversal and for missing files, without leaking content', async () => {
    const urls = [
      'app://journeywall/..%2fsecret.txt',
      'app://journeywall/%2e%2e/secret.txt',
      'app://journeywall/x.js',
    ];
    for (const url of urls) {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).not.toContain('outside dist');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://journeywall/index.html', 'POST')).status).toBe(405);
    expect((await get('app://journeywall/index.html', 'HEAD')).status).toBe(200);
  });
});

describe('scheme registration', () => {
  it('registers app:// as a standard, secure scheme that supports fetch', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
      }),
    ]);
    const privileges = protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0][0]?.privileges;
    expect(privileges).not.toHaveProperty('bypassCSP');
    expect(privileges).not.toHaveProperty('corsEnabled');
  });

  it('serves the app scheme from the given dist folder', async () => {
    serveAppFrom(dist);
    const [scheme, handler] = protocol.handle.mock.calls[0] ?? [];
    expect(scheme).toBe('app');
    expect((await handler?.(new Request('app://journeywall/index.html')))?.status).toBe(200);
  });
});
