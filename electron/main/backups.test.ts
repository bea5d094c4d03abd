import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUPS_KEPT_PER_MAP, createBackupStore } from './backups.ts';

let root: string;
let clock: number;
const now = (): number => clock;
const T0 = Date.UTC(2025, 10, 23, 9, 30, 0);

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'jw-backups-'));
  clock = T0;
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function backupFilesOf(mapId: string): Promise<string[]> {
  return (await readdir(path.join(root, mapId))).filter((file) => file.endsWith('.backup')).sort();
}

describe('backup store', () => {
  it('reads back the newest content of a map, and null for a map without backups', async () => {
    const store = createBackupStore(root, { now });
    await store.write({ mapId: 'map-1', name: 'Onboarding', content: '{"v":1}' });
    clock += 120_000;
    await store.write({ mapId: 'map-1', name: 'Onboarding', content: '{"v":2}' });
    expect(await store.read('map-1')).toBe('{"v":2}');
    expect(await store.read('map-2')).toBeNull();
  });

  it(`keeps only the newest ${BACKUPS_KEPT_PER_MAP} backups of each map`, async () => {
    const store = createBackupStore(root, { now });
    for (let version = 1; version <= 8; version++) {
      await store.write({ mapId: 'map-1', name: 'Onboarding', content: `version ${version}` });
      clock += 60_000;
    }
    const files = await backupFilesOf('map-1');
    expect(files).toHaveLength(BACKUPS_KEPT_PER_MAP);
    const kept = await Promise.all(files.map((file) => readFile(path.join(root, 'map-1', file), 'utf8')));
    expect(kept).toEqual(['version 4', 'version 5', 'version 6', 'version 7', 'version 8']);
    expect(await store.read('map-1')).toBe('version 8');
  });

  it('rotates each map on its own', async () => {
    const store = createBackupStore(root, { now });
    for (let version = 1; version <= 7; version++) {
      await store.write({ mapId: 'busy', name: 'Busy', content: `busy ${version}` });
      clock += 1000;
    }
    await store.write({ mapId: 'quiet', name: 'Quiet', content: 'quiet 1' });
    expect(await backupFilesOf('busy')).toHaveLength(BACKUPS_KEPT_PER_MAP);
    expect(await backupFilesOf('quiet')).toHaveLength(1);
  });

  it('does not let an unchanged snapshot push older versions out', async () => {
    const store = createBackupStore(root, { now });
    await store.write({ mapId: 'map-1', name: 'Onboarding', content: 'before the workshop' });
    for (let i = 0; i < 10; i++) {
      clock += 120_000;
      await store.write({ mapId: 'map-1', name: 'Onboarding', content: 'after the workshop' });
    }
    const files = await backupFilesOf('map-1');
    expect(files).toHaveLength(2);
    expect(await readFile(path.join(root, 'map-1', files[0] ?? ''), 'utf8')).toBe('before the workshop');
  });

  it('lists the newest backup of every map, newest first, with name, time and size', async () => {
    const store = createBackupStore(root, { now });
    await store.write({ mapId: 'older', name: 'Checkout journey', content: 'abc' });
    clock += 5000;
    await store.write({ mapId: 'newer', name: 'Support – Łódź', content: 'ąę' });
    expect(await store.list()).toEqual([
      { mapId: 'newer', name: 'Support – Łódź', savedAt: T0 + 5000, bytes: 4 },
      { mapId: 'older', name: 'Checkout journey', savedAt: T0, bytes: 3 },
    ]);
  });

  it('shows the latest name after a map is renamed', async () => {
    const store = createBackupStore(root, { now });
    await store.write({ mapId: 'map-1', name: 'Draft', content: 'x' });
    clock += 1000;
    await store.write({ mapId: 'map-1', name: 'Onboarding journey', content: 'x' });
    expect((await store.list()).map((entry) => entry.name)).toEqual(['Onboarding journey']);
  });

  it('falls back to the map id when the name file is missing or damaged', async () => {
    const store = createBackupStore(root, { now });
    await store.write({ mapId: 'map-1', name: 'Onboarding', content: 'x' });
    await writeFile(path.join(root, 'map-1', 'name.json'), '{not json');
    expect((await store.list())[0]?.name).toBe('map-1');
  });

  it('gives two backups written in the same millisecond distinct, ordered times', async () => {
    const store = createBackupStore(root, { now });
    await Promise.all([
      store.write({ mapId: 'map-1', name: 'M', content: 'first' }),
      store.write({ mapId: 'map-1', name: 'M', content: 'second' }),
    ]);
    expect(await backupFilesOf('map-1')).toHaveLength(2);
    expect(await store.read('map-1')).toBe('second');
    expect((await store.list())[0]?.savedAt).toBe(T0 + 1);
  });

  it('lists nothing before the first backup and ignores foreign folders and files', async () => {
    const store = createBackupStore(root, { now });
    expect(await createBackupStore(path.join(root, 'not-created-yet')).list()).toEqual([]);
    await mkdir(path.join(root, 'has space'));
    await writeFile(path.join(root, 'has space', '2025-01-01T00-00-00.000Z.backup'), 'x');
    await mkdir(path.join(root, 'empty-map'));
    await writeFile(path.join(root, 'empty-map', 'notes.txt'), 'x');
    await writeFile(path.join(root, 'stray-file'), 'x');
    expect(await store.list()).toEqual([]);
  });

  it('removes temp files a crash left behind on the next write', async () => {
    const store = createBackupStore(root, { now });
    await store.write({ mapId: 'map-1', name: 'M', content: 'v1' });
    await writeFile(path.join(root, 'map-1', '.2025-11-23T09-30-00.000Z.backup.abcdef012345.tmp'), 'half');
    clock += 1000;
    await store.write({ mapId: 'map-1', name: 'M', content: 'v2' });
    expect((await readdir(path.join(root, 'map-1'))).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses map ids that would leave the backup folder', async () => {
    const store = createBackupStore(path.join(root, 'backups'), { now });
    await expect(store.write({ mapId: '../escaped', name: 'x', content: 'x' })).rejects.toThrow('map id');
    await expect(store.read('../escaped')).rejects.toThrow('map id');
    expect(await readdir(root)).toEqual([]);
  });
});
