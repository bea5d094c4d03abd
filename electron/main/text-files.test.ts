/**
 * Saving text (the gap list) through the Save dialog: fake dialogs answer as a user would, the
 * files are real, in a temp folder.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TextExportKind } from '../../shared/ipc/contract.ts';
import { createPendingWrites, type PendingWrites } from './pending-writes.ts';
import { createTextFiles } from './text-files.ts';

let dir: string;
let answer: string | null;
let chooseExportTarget: ReturnType<
  typeof vi.fn<(kind: TextExportKind, name: string) => Promise<string | null>>
>;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jw-text-'));
  answer = null;
  chooseExportTarget = vi.fn(async () => answer);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const texts = (writes: PendingWrites = createPendingWrites()) =>
  createTextFiles({ dialogs: { chooseExportTarget }, writes });

describe('saving text', () => {
  it('asks where, then replaces the chosen file whole, leaving no temp file', async () => {
    answer = path.join(dir, 'Toner - gap list.md');
    await writeFile(answer, 'an older, longer gap list');
    expect(await texts().save('markdown', 'Toner - gap list', '# Gap list\n')).toEqual({
      name: 'Toner - gap list.md',
    });
    expect(chooseExportTarget).toHaveBeenCalledWith('markdown', 'Toner - gap list');
    expect(await readFile(answer, 'utf8')).toBe('# Gap list\n');
    expect(await readdir(dir)).toEqual(['Toner - gap list.md']);
  });

  it('writes nothing when the user cancels', async () => {
    expect(await texts().save('csv', 'Toner - gap list', 'Stage\n')).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('says in words why the file could not be written', async () => {
    answer = path.join(dir, 'gone', 'Toner - gap list.csv');
    expect(await texts().save('csv', 'Toner - gap list', 'Stage\n')).toEqual({
      error: 'The folder for Toner - gap list.csv no longer exists. Choose another folder.',
    });
  });

  it('is a write that quitting waits for', async () => {
    answer = path.join(dir, 'Toner - gap list.csv');
    const tracked: Promise<unknown>[] = [];
    const writes: PendingWrites = {
      track: (write) => {
        tracked.push(write);
        return write;
      },
      idle: async () => undefined,
    };
    const saved = await texts(writes).save('csv', 'Toner - gap list', 'Stage\n');
    expect(tracked).toHaveLength(1);
    expect(await tracked[0]).toEqual(saved);
  });
});
