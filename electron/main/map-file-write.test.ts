/**
 * Saving a map file keeps a complete file at the target whatever happens: crashes are simulated
 * by failing a step and skipping all cleanup (a killed process runs none), then the files on
 * disk are checked, and a later save must clean up and succeed.
 */
import {
  copyFile,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  symlink,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isTempFileName } from './atomic-write.ts';
import { backupPathOf, writeMapFile } from './map-file-write.ts';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rename: vi.fn(actual.rename),
    copyFile: vi.fn(actual.copyFile),
    unlink: vi.fn(actual.unlink),
  };
});

const actualFs = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');

const crash = (): Error => Object.assign(new Error('simulated crash'), { code: 'ECRASH' });

/** From now on the process is "dead": no cleanup (unlink) runs. */
const noMoreCleanup = (): void => {
  vi.mocked(unlink).mockImplementation(async () => {
    throw crash();
  });
};

let dir: string;
let target: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jw-save-'));
  target = path.join(dir, 'toner.cxmap');
});

/** The process is alive again: every step works and cleans up. */
const restart = (): void => {
  vi.mocked(rename).mockReset().mockImplementation(actualFs.rename);
  vi.mocked(copyFile).mockReset().mockImplementation(actualFs.copyFile);
  vi.mocked(unlink).mockReset().mockImplementation(actualFs.unlink);
};

afterEach(async () => {
  restart();
  await rm(dir, { recursive: true, force: true });
});

const read = (file: string): Promise<string> => readFile(file, 'utf8');
const temps = async (): Promise<string[]> => (await readdir(dir)).filter(isTempFileName);

describe('writeMapFile', () => {
  it('creates a new file without a backup', async () => {
    await writeMapFile(target, 'version 1');
    expect(await read(target)).toBe('version 1');
    expect(await readdir(dir)).toEqual(['toner.cxmap']);
  });

  it('keeps the previous version as <name>.bak', async () => {
    await writeMapFile(target, 'version 1');
    await writeMapFile(target, 'version 2');
    expect(await read(target)).toBe('version 2');
    expect(await read(backupPathOf(target))).toBe('version 1');
    await writeMapFile(target, 'version 3');
    expect(await read(target)).toBe('version 3');
    expect(await read(`${target}.bak`)).toBe('version 2');
    expect((await readdir(dir)).sort()).toEqual(['toner.cxmap', 'toner.cxmap.bak']);
  });

  it('after a crash between writing the new version and the backup, holds the old file whole', async () => {
    await writeMapFile(target, 'version 1');
    await writeMapFile(target, 'version 2');
    noMoreCleanup();
    vi.mocked(copyFile).mockRejectedValueOnce(crash());

    await expect(writeMapFile(target, 'version 3')).rejects.toThrow('simulated crash');

    expect(await read(target)).toBe('version 2');
    expect(await read(`${target}.bak`)).toBe('version 1');
    expect(await temps()).toHaveLength(1);
  });

  it('after a crash while making the backup, holds the old file and the previous backup whole', async () => {
    await writeMapFile(target, 'version 1');
    await writeMapFile(target, 'version 2');
    noMoreCleanup();
    // The first rename is the backup's: its copy is complete but never moved into place.
    vi.mocked(rename).mockRejectedValueOnce(crash());

    await expect(writeMapFile(target, 'version 3')).rejects.toThrow('simulated crash');

    expect(await read(target)).toBe('version 2');
    expect(await read(`${target}.bak`)).toBe('version 1');
    expect(await temps()).toHaveLength(2);
  });

  it('after a crash between the backup and the rename, holds the old file, and the backup matches it', async () => {
    await writeMapFile(target, 'version 1');
    await writeMapFile(target, 'version 2');
    noMoreCleanup();
    vi.mocked(rename).mockImplementation(async (from, to) => {
      if (to === target) throw crash();
      return actualFs.rename(from, to);
    });

    await expect(writeMapFile(target, 'version 3')).rejects.toThrow('simulated crash');

    expect(await read(target)).toBe('version 2');
    expect(await read(`${target}.bak`)).toBe('version 2');
    const [left] = await temps();
    expect(await read(path.join(dir, String(left)))).toBe('version 3');
  });

  it('cleans up what a crash left behind on the next save, which then succeeds', async () => {
    await writeMapFile(target, 'version 1');
    noMoreCleanup();
    vi.mocked(rename).mockRejectedValue(crash());
    await expect(writeMapFile(target, 'version 2')).rejects.toThrow('simulated crash');
    await expect(writeMapFile(target, 'version 2')).rejects.toThrow('simulated crash');
    expect((await temps()).length).toBeGreaterThanOrEqual(2);

    restart();
    await writeMapFile(target, 'version 3');

    expect(await temps()).toEqual([]);
    expect(await read(target)).toBe('version 3');
    expect(await read(`${target}.bak`)).toBe('version 1');
  });

  it('leaves no temp file when a step fails and the process lives on', async () => {
    await writeMapFile(target, 'version 1');
    vi.mocked(copyFile).mockRejectedValueOnce(Object.assign(new Error('no space'), { code: 'ENOSPC' }));
    await expect(writeMapFile(target, 'version 2')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readdir(dir)).toEqual(['toner.cxmap']);
    expect(await read(target)).toBe('version 1');
  });

  it('saves through a symlink to the file it points to, keeping the link', async () => {
    const real = path.join(dir, 'real.cxmap');
    await writeFile(real, 'version 1');
    await symlink(real, target);
    await writeMapFile(target, 'version 2');
    expect(await read(real)).toBe('version 2');
    expect(await read(target)).toBe('version 2');
    expect(await read(`${real}.bak`)).toBe('version 1');
  });
});
