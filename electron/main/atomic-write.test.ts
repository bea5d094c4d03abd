import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { safeFileName } from '../../shared/ipc/file-name.ts';
import {
  isTempFileName,
  isTempFileOf,
  removeStaleTempFiles,
  stageCopy,
  stageStream,
  stageWrite,
  writeFileAtomic,
} from './atomic-write.ts';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, rename: vi.fn(actual.rename) };
});

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jw-atomic-'));
});

afterEach(async () => {
  vi.mocked(rename).mockClear();
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates the file with exactly the content written', async () => {
    const target = path.join(dir, 'map.backup');
    await writeFileAtomic(target, 'first version');
    expect(await readFile(target, 'utf8')).toBe('first version');
    expect(await readdir(dir)).toEqual(['map.backup']);
  });

  it('replaces the old content whole, leaving no tail of a longer previous version', async () => {
    const target = path.join(dir, 'map.backup');
    await writeFile(target, 'a much longer previous version of the map');
    await writeFileAtomic(target, 'short');
    expect(await readFile(target, 'utf8')).toBe('short');
  });

  it('writes binary content byte for byte', async () => {
    const target = path.join(dir, 'blob.bin');
    const bytes = Uint8Array.from([0, 255, 10, 13, 128]);
    await writeFileAtomic(target, bytes);
    expect([...(await readFile(target))]).toEqual([...bytes]);
  });

  it('keeps the old file intact and leaves no temp file when the process dies before the rename', async () => {
    const target = path.join(dir, 'map.backup');
    await writeFile(target, 'the last good version');
    vi.mocked(rename).mockRejectedValueOnce(Object.assign(new Error('simulated crash'), { code: 'EIO' }));

    await expect(writeFileAtomic(target, 'a newer version that never lands')).rejects.toThrow(
      'simulated crash',
    );

    expect(await readFile(target, 'utf8')).toBe('the last good version');
    expect(await readdir(dir)).toEqual(['map.backup']);
  });

  it('creates no target at all when the first write fails before the rename', async () => {
    const target = path.join(dir, 'new.backup');
    vi.mocked(rename).mockRejectedValueOnce(new Error('simulated crash'));
    await expect(writeFileAtomic(target, 'content')).rejects.toThrow('simulated crash');
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes through a hidden temp file in the target directory', async () => {
    const target = path.join(dir, 'map.backup');
    await writeFileAtomic(target, 'content');
    const [from, to] = vi.mocked(rename).mock.calls[0] ?? [];
    expect(path.dirname(String(from))).toBe(dir);
    expect(isTempFileName(path.basename(String(from)))).toBe(true);
    expect(to).toBe(target);
  });

  it('leaves one whole version when writes to the same file overlap', async () => {
    const target = path.join(dir, 'map.backup');
    const versions = Array.from({ length: 8 }, (_, i) => `version ${i} `.repeat(2000 + i * 100));
    await Promise.all(versions.map((content) => writeFileAtomic(target, content)));
    expect(versions).toContain(await readFile(target, 'utf8'));
    expect(await readdir(dir)).toEqual(['map.backup']);
  });

  it('on Windows, waits out an antivirus or OneDrive holding the file, then replaces it', async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform');
    Object.defineProperty(process, 'platform', { value: 'win32' });
    try {
      const target = path.join(dir, 'map.backup');
      await writeFile(target, 'old');
      const busy = () =>
        Object.assign(new Error('EPERM: operation not permitted, rename'), { code: 'EPERM' });
      vi.mocked(rename).mockRejectedValueOnce(busy()).mockRejectedValueOnce(busy());
      await writeFileAtomic(target, 'new');
      expect(await readFile(target, 'utf8')).toBe('new');
      expect(await readdir(dir)).toEqual(['map.backup']);
      expect(vi.mocked(rename)).toHaveBeenCalledTimes(3);
    } finally {
      if (platform) Object.defineProperty(process, 'platform', platform);
    }
  });

  it('fails with the file system error when the directory does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'x.json'), '{}')).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});

describe('staged writes', () => {
  it('leaves the target untouched until commit, then replaces it whole', async () => {
    const target = path.join(dir, 'map.cxmap');
    await writeFile(target, 'old');
    const staged = await stageWrite(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect((await readdir(dir)).filter((name) => isTempFileOf(name, target))).toHaveLength(1);
    await staged.commit();
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['map.cxmap']);
  });

  it('discards a staged file without touching the target', async () => {
    const target = path.join(dir, 'map.cxmap');
    await writeFile(target, 'old');
    await (await stageWrite(target, 'new')).discard();
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['map.cxmap']);
  });

  it('copies a file through a temp file', async () => {
    const source = path.join(dir, 'map.cxmap');
    await writeFile(source, 'content to keep');
    const staged = await stageCopy(source, `${source}.bak`);
    expect(await readdir(dir)).not.toContain('map.cxmap.bak');
    await staged.commit();
    expect(await readFile(`${source}.bak`, 'utf8')).toBe('content to keep');
  });

  it('removes the temp files a crash left for one target, and nothing else', async () => {
    const target = path.join(dir, 'map.cxmap');
    const names = [
      'map.cxmap',
      '.map.cxmap.0123456789ab.tmp',
      '.map.cxmap.bak.0123456789ab.tmp',
      '.other.cxmap.0123456789ab.tmp',
      '.map.cxmap.notours.tmp',
    ];
    for (const name of names) await writeFile(path.join(dir, name), name);
    await removeStaleTempFiles(target);
    expect((await readdir(dir)).sort()).toEqual(
      [
        'map.cxmap',
        '.map.cxmap.bak.0123456789ab.tmp',
        '.other.cxmap.0123456789ab.tmp',
        '.map.cxmap.notours.tmp',
      ].sort(),
    );
    await removeStaleTempFiles(path.join(dir, 'missing-folder', 'x.cxmap'));
  });
});

describe('streamed writes', () => {
  it('fill a temp file piece by piece and replace the target only on commit', async () => {
    const target = path.join(dir, 'poster.png');
    await writeFile(target, 'the previous poster');
    const staged = await stageStream(target);
    await staged.write(Uint8Array.of(1, 2, 3));
    await staged.write(new Uint8Array(100_000).fill(7));
    expect(await readFile(target, 'utf8')).toBe('the previous poster');
    await staged.commit();
    const written = await readFile(target);
    expect(written.length).toBe(100_003);
    expect([...written.subarray(0, 4)]).toEqual([1, 2, 3, 7]);
    expect(await readdir(dir)).toEqual(['poster.png']);
  });

  it('leave the target as it was, and no temp file, when discarded', async () => {
    const target = path.join(dir, 'poster.png');
    const staged = await stageStream(target);
    await staged.write(Uint8Array.of(1, 2, 3));
    await staged.discard();
    expect(await readdir(dir)).toEqual([]);
  });

  it('fail at once when the folder does not exist', async () => {
    await expect(stageStream(path.join(dir, 'gone', 'poster.png'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('have room for their temp file beside the longest name Journeywall suggests', async () => {
    for (const title of ['😀'.repeat(400), 'ト'.repeat(400), 'a'.repeat(400)]) {
      const target = path.join(dir, safeFileName(title, '.png'));
      const staged = await stageStream(target);
      await staged.write(Uint8Array.of(1));
      await staged.commit();
      expect(await readdir(dir)).toContain(path.basename(target));
    }
  });
});

describe('isTempFileName', () => {
  it('tells temp files from real ones', () => {
    expect(isTempFileName('.map.backup.0a1b2c3d4e5f.tmp')).toBe(true);
    expect(isTempFileName('map.backup')).toBe(false);
    expect(isTempFileName('name.json')).toBe(false);
  });
});
