import { type BackupEntry, IPC_LIMITS, type MapBackup } from '../../shared/ipc/contract.ts';
import { BACKUPS_KEPT, type BackupStore } from './backup-store.ts';

/** What the newest backup of a map is, kept beside the backups so listing reads no map. */
interface BackupMeta {
  readonly name: string;
  readonly savedAt: number;
  readonly bytes: number;
}

const META_FILE = 'latest.json';
const BACKUP_FILE = /^(\d+)\.json$/;

/** The directory iteration that lib.dom types only with DOM.AsyncIterable. */
interface ListableDirectory extends FileSystemDirectoryHandle {
  keys(): AsyncIterableIterator<string>;
}

/**
 * Backups in the Origin Private File System: one folder per map holding its newest backups as
 * `<savedAt>.json`. createWritable() writes to a swap file and swaps it in on close, so a
 * backup is either complete or absent.
 */
export const openOpfsBackupStore = async (
  directoryName = 'backups',
  keep: number = BACKUPS_KEPT,
): Promise<BackupStore> => {
  const root = await navigator.storage.getDirectory();
  const backups = await root.getDirectoryHandle(directoryName, { create: true });

  const mapDirectory = (mapId: string, create: boolean) => {
    if (!IPC_LIMITS.mapIdPattern.test(mapId)) throw new Error(`Invalid map id: ${mapId}`);
    return backups.getDirectoryHandle(mapId, { create });
  };

  const savedTimes = async (directory: FileSystemDirectoryHandle): Promise<number[]> => {
    const times: number[] = [];
    for await (const name of (directory as ListableDirectory).keys()) {
      const match = BACKUP_FILE.exec(name);
      if (match?.[1]) times.push(Number(match[1]));
    }
    return times.sort((a, b) => b - a);
  };

  const readMeta = async (directory: FileSystemDirectoryHandle): Promise<BackupMeta | null> => {
    try {
      const file = await (await directory.getFileHandle(META_FILE)).getFile();
      const meta: unknown = JSON.parse(await file.text());
      return isMeta(meta) ? meta : null;
    } catch {
      return null;
    }
  };

  return {
    write: async ({ mapId, name, content }: MapBackup) => {
      const directory = await mapDirectory(mapId, true);
      const times = await savedTimes(directory);
      const savedAt = Math.max(Date.now(), (times[0] ?? 0) + 1);
      // The size is read back from the file: encoding a big map again just to count it would be
      // another long task on the main thread.
      const bytes = await writeText(directory, `${savedAt}.json`, content);
      await writeText(directory, META_FILE, JSON.stringify({ name, savedAt, bytes }));
      for (const old of [savedAt, ...times].slice(keep)) await directory.removeEntry(`${old}.json`);
    },
    list: async () => {
      const entries: BackupEntry[] = [];
      for await (const mapId of (backups as ListableDirectory).keys()) {
        if (!IPC_LIMITS.mapIdPattern.test(mapId)) continue;
        const meta = await readMeta(await backups.getDirectoryHandle(mapId));
        if (meta) entries.push({ mapId, ...meta });
      }
      return entries;
    },
    read: async (mapId) => {
      let directory: FileSystemDirectoryHandle;
      try {
        directory = await mapDirectory(mapId, false);
      } catch {
        return null;
      }
      const newest = (await savedTimes(directory))[0];
      if (newest === undefined) return null;
      return (await (await directory.getFileHandle(`${newest}.json`)).getFile()).text();
    },
  };
};

/** Writes a file whole and returns its size in bytes. */
const writeText = async (
  directory: FileSystemDirectoryHandle,
  name: string,
  text: string,
): Promise<number> => {
  const handle = await directory.getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  await writable.write(text);
  await writable.close();
  return (await handle.getFile()).size;
};

const isMeta = (value: unknown): value is BackupMeta =>
  typeof value === 'object' &&
  value !== null &&
  'name' in value &&
  typeof value.name === 'string' &&
  'savedAt' in value &&
  typeof value.savedAt === 'number' &&
  'bytes' in value &&
  typeof value.bytes === 'number';
