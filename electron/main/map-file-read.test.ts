import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC_LIMITS } from '../../shared/ipc/contract.ts';
import { chunk, chunkOffset, posterPng } from '../../shared/ipc/test-support/poster-png.ts';
import { readMapFile } from './map-file-read.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jw-read-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readMapFile', () => {
  it('reads a map file’s bytes', async () => {
    const file = path.join(dir, 'toner.cxmap');
    await writeFile(file, '{"type":"journeywall-map"}');
    expect(await readMapFile(file)).toEqual({
      bytes: new TextEncoder().encode('{"type":"journeywall-map"}'),
      isPoster: false,
    });
  });

  it('refuses a file over the size limit with a clear message', async () => {
    const file = path.join(dir, 'huge.cxmap');
    await writeFile(file, '');
    await truncate(file, IPC_LIMITS.fileBytes + 5 * 1024 * 1024);
    expect(await readMapFile(file)).toEqual({
      error: 'This file is too large to open (55.0 MB; the limit is 50 MB).',
    });
  });

  it('reads a poster only up to its image data', async () => {
    const file = path.join(dir, 'poster.png');
    const png = posterPng(400, 400, [chunk('iTXt', new TextEncoder().encode('map\0\0\0\0\0{"notes":[]}'))]);
    await writeFile(file, png);
    const result = await readMapFile(file);
    expect(result).toMatchObject({ isPoster: true });
    if ('error' in result) return;
    expect(Buffer.from(result.bytes).equals(png.subarray(0, chunkOffset(png, 'IDAT')))).toBe(true);
  });

  it('says a missing file was not found', async () => {
    expect(await readMapFile(path.join(dir, 'gone.cxmap'))).toEqual({
      error: 'gone.cxmap was not found. It may have been moved, renamed or deleted.',
    });
  });

  it('refuses a folder that is named like a map', async () => {
    await mkdir(path.join(dir, 'folder.cxmap'));
    expect(await readMapFile(path.join(dir, 'folder.cxmap'))).toEqual({
      error: 'folder.cxmap is not a file that Journeywall can open.',
    });
  });
});
