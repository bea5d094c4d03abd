import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createExportFiles, EXPORT_MESSAGES } from './export-files.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jw-export-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const exportsTo = (target: string | null, maxBytes?: number) => {
  const chooseExportTarget = vi.fn(async () => target);
  let tokens = 0;
  const files = createExportFiles({
    dialogs: { chooseExportTarget },
    newToken: () => `3b241101-e2bb-4255-8caf-${String(++tokens).padStart(12, '0')}`,
    ...(maxBytes === undefined ? {} : { maxBytes }),
  });
  return { files, chooseExportTarget };
};

const begun = async (files: ReturnType<typeof exportsTo>['files'], name = 'Toner poster') => {
  const result = await files.begin('poster-png', name);
  if (result === null || 'error' in result) throw new Error(`not begun: ${JSON.stringify(result)}`);
  return result;
};

describe('exporting to a file the user chose', () => {
  it('streams the pieces in order into the chosen file, which appears only when finished', async () => {
    const target = path.join(dir, 'Toner poster.png');
    const { files, chooseExportTarget } = exportsTo(target);
    const { token, name } = await begun(files);
    expect(chooseExportTarget).toHaveBeenCalledWith('poster-png', 'Toner poster');
    expect(name).toBe('Toner poster.png');
    await Promise.all([
      files.write(token, Uint8Array.of(1, 2)),
      files.write(token, Uint8Array.of(3)),
      files.write(token, new Uint8Array(70_000).fill(4)),
    ]);
    expect(await readdir(dir)).not.toContain('Toner poster.png');
    expect(await files.finish(token)).toEqual({ name: 'Toner poster.png' });
    const written = await readFile(target);
    expect(written.length).toBe(70_003);
    expect([...written.subarray(0, 4)]).toEqual([1, 2, 3, 4]);
    expect(await readdir(dir)).toEqual(['Toner poster.png']);
    // A finished export is closed: its token writes nothing more.
    expect(await files.write(token, Uint8Array.of(9))).toEqual({ error: EXPORT_MESSAGES.unknown });
  });

  it('leaves an existing file as it was when the export is cancelled', async () => {
    const target = path.join(dir, 'poster.png');
    await writeFile(target, 'last week’s poster');
    const { files } = exportsTo(target);
    const { token } = await begun(files);
    await files.write(token, Uint8Array.of(1, 2, 3));
    await files.abort(token);
    expect(await readFile(target, 'utf8')).toBe('last week’s poster');
    expect(await readdir(dir)).toEqual(['poster.png']);
    expect(await files.finish(token)).toEqual({ error: EXPORT_MESSAGES.unknown });
  });

  it('answers null and opens nothing when the Save dialog is cancelled', async () => {
    const { files } = exportsTo(null);
    expect(await files.begin('print-pdf', 'Toner pages')).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses tokens it never minted', async () => {
    const { files } = exportsTo(path.join(dir, 'poster.png'));
    expect(await files.write('3b241101-e2bb-4255-8caf-4136c566a962', Uint8Array.of(1))).toEqual({
      error: EXPORT_MESSAGES.unknown,
    });
  });

  it('stops and removes the file when an export grows past the limit', async () => {
    const { files } = exportsTo(path.join(dir, 'poster.png'), 10);
    const { token } = await begun(files);
    expect(await files.write(token, new Uint8Array(8))).toBeNull();
    expect(await files.write(token, new Uint8Array(8))).toEqual({
      error: EXPORT_MESSAGES.tooLarge('poster.png'),
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('says in words when the chosen folder is gone', async () => {
    const folder = path.join(dir, 'gone');
    const { files } = exportsTo(path.join(folder, 'poster.png'));
    expect(await files.begin('poster-png', 'poster')).toEqual({
      error: 'The folder for poster.png no longer exists. Choose another folder.',
    });
  });

  it('removes temp files an interrupted export left beside the target', async () => {
    const target = path.join(dir, 'poster.png');
    await writeFile(path.join(dir, '.poster.png.0123456789ab.tmp'), 'half a poster from a crash');
    await writeFile(path.join(dir, '.other.png.0123456789ab.tmp'), 'another file’s export');
    const { files } = exportsTo(target);
    const { token } = await begun(files);
    await files.finish(token);
    expect((await readdir(dir)).sort()).toEqual(['.other.png.0123456789ab.tmp', 'poster.png']);
  });

  it('settles abortAll only once drops already under way have removed their files', async () => {
    const { files } = exportsTo(path.join(dir, 'poster.png'));
    const { token } = await begun(files);
    void files.write(token, new Uint8Array(16 * 1024 * 1024));
    void files.abort(token);
    await files.abortAll();
    expect(await readdir(dir)).toEqual([]);
  });

  it('drops every unfinished export when the window goes', async () => {
    const { files } = exportsTo(path.join(dir, 'poster.png'));
    const first = await begun(files);
    const second = await begun(files);
    await files.write(first.token, Uint8Array.of(1));
    await files.abortAll();
    expect(await readdir(dir)).toEqual([]);
    expect(await files.finish(second.token)).toEqual({ error: EXPORT_MESSAGES.unknown });
  });
});
