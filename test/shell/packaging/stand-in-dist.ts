/**
 * A stand-in for Electron's Linux distribution, for electron-builder's `electronDist`, so
 * packaging needs no download. Its `electron` is a script that refuses to run, carrying the fuse
 * wire a real binary carries (the sentinel, the wire version, its length, one byte per fuse, in
 * Electron's default states): electron-builder flips fuses with @electron/fuses, which finds the
 * wire by that sentinel, so the flipping runs for real on it.
 */
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** The fuses of wire version 1 in wire order, with Electron's defaults (1 on, 0 off). */
export const FUSES = [
  ['runAsNode', '1'],
  ['enableCookieEncryption', '0'],
  ['enableNodeOptionsEnvironmentVariable', '1'],
  ['enableNodeCliInspectArguments', '1'],
  ['enableEmbeddedAsarIntegrityValidation', '0'],
  ['onlyLoadAppFromAsar', '0'],
  ['loadBrowserProcessSpecificV8Snapshot', '0'],
  ['grantFileProtocolExtraPrivileges', '1'],
] as const;

export function writeStandInDist(folder: string, electronVersion: string): void {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(path.join(folder, 'resources'), { recursive: true });
  mkdirSync(path.join(folder, 'locales'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(`#!/bin/sh\necho "stand-in Electron: packaging only, it does not run" >&2\nexit 1\n# `),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, FUSES.length]),
    Buffer.from(FUSES.map(([, state]) => state).join(''), 'latin1'),
    Buffer.from('\n'),
  ]);
  writeFileSync(path.join(folder, 'electron'), wire);
  chmodSync(path.join(folder, 'electron'), 0o755);
  writeFileSync(path.join(folder, 'chrome-sandbox'), '');
  writeFileSync(path.join(folder, 'locales', 'en-US.pak'), '');
  writeFileSync(path.join(folder, 'version'), electronVersion);
  writeFileSync(path.join(folder, 'LICENSE'), 'Stand-in for Electron (MIT).\n');
}

/** The fuse wire of an executable, read apart from @electron/fuses: fuse name → '1', '0' or 'r'. */
export function readFuses(executable: Buffer): Record<string, string> {
  const at = executable.indexOf(FUSE_SENTINEL, 0, 'latin1');
  if (at < 0) throw new Error('No fuse wire in this executable');
  const start = at + FUSE_SENTINEL.length;
  const version = executable[start];
  const length = executable[start + 1] ?? 0;
  if (version !== 1) throw new Error(`Fuse wire version ${version}, not 1`);
  return Object.fromEntries(
    FUSES.slice(0, length).map(([name], index) => [
      name,
      String.fromCharCode(executable[start + 2 + index] ?? 0),
    ]),
  );
}
