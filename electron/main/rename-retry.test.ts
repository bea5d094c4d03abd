/**
 * The rename retry, against a real file system with rename failing the way Windows makes it fail
 * while an antivirus scanner or OneDrive holds the file; a hand-driven clock measures the budget.
 */
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RENAME_RETRY_MS, renameWithRetry } from './rename-retry.ts';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, rename: vi.fn(actual.rename) };
});

const failure = (code: string): Error => Object.assign(new Error(`${code}: rename`), { code });

let dir: string;
let from: string;
let to: string;

/** A clock that moves only when the retry pauses. */
function pausingClock() {
  let now = 0;
  const pauses: number[] = [];
  return {
    pauses,
    now: () => now,
    sleep: async (ms: number) => {
      pauses.push(ms);
      now += ms;
    },
  };
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jw-rename-'));
  from = path.join(dir, '.map.cxmap.0123456789ab.tmp');
  to = path.join(dir, 'map.cxmap');
  await writeFile(from, 'new');
  await writeFile(to, 'old');
});

afterEach(async () => {
  vi.mocked(rename).mockReset();
  const actual = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
  vi.mocked(rename).mockImplementation(actual.rename);
  await rm(dir, { recursive: true, force: true });
});

describe('renaming over a file on Windows', () => {
  it.each(['EPERM', 'EBUSY', 'EACCES'])('waits out a transient %s and then renames', async (code) => {
    vi.mocked(rename).mockRejectedValueOnce(failure(code)).mockRejectedValueOnce(failure(code));
    const clock = pausingClock();
    await renameWithRetry(from, to, { platform: 'win32', ...clock });
    expect(await readFile(to, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['map.cxmap']);
    expect(clock.pauses).toEqual([10, 20]);
  });

  it('gives up with the error once the retry budget is spent, backing off up to half a second', async () => {
    vi.mocked(rename).mockRejectedValue(failure('EBUSY'));
    const clock = pausingClock();
    await expect(renameWithRetry(from, to, { platform: 'win32', ...clock })).rejects.toMatchObject({
      code: 'EBUSY',
    });
    expect(clock.now()).toBeLessThanOrEqual(RENAME_RETRY_MS);
    expect(clock.now()).toBeGreaterThan(RENAME_RETRY_MS - 500);
    expect(clock.pauses.slice(0, 7)).toEqual([10, 20, 40, 80, 160, 320, 500]);
    expect(Math.max(...clock.pauses)).toBe(500);
  });

  it('fails at once on an error no waiting cures', async () => {
    vi.mocked(rename).mockRejectedValue(failure('ENOENT'));
    const clock = pausingClock();
    await expect(renameWithRetry(from, to, { platform: 'win32', ...clock })).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(clock.pauses).toEqual([]);
  });
});

describe('renaming elsewhere', () => {
  it('reports a permission error at once: on Linux and macOS it does not pass', async () => {
    vi.mocked(rename).mockRejectedValueOnce(failure('EACCES'));
    const clock = pausingClock();
    await expect(renameWithRetry(from, to, { platform: 'linux', ...clock })).rejects.toMatchObject({
      code: 'EACCES',
    });
    expect(clock.pauses).toEqual([]);
    expect(await readFile(to, 'utf8')).toBe('old');
  });
});
