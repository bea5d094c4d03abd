/**
 * The rolling file backup of each map: IndexedDB must not be the only copy, because Chromium may
 * wipe it when the disk fills up. Layout: <root>/<mapId>/<timestamp>.backup plus name.json (the
 * map's display name, so the library can list backups without parsing them). Content is opaque
 * text chosen by the renderer. Writes are atomic; each map's operations run one at a time, so
 * naming, rotation and reads never race; the newest BACKUPS_KEPT_PER_MAP stay.
 */
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { BackupEntry, MapBackup } from '../../shared/ipc/contract.ts';
import { IPC_LIMITS } from '../../shared/ipc/contract.ts';
import { isTempFileName, writeFileAtomic } from './atomic-write.ts';

export const BACKUPS_KEPT_PER_MAP = 5;

const NAME_FILE = 'name.json';
const BACKUP_FILE = /^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2}\.\d{3}Z)\.backup$/;
const nameFileSchema = z.object({ name: z.string().max(IPC_LIMITS.nameLength) });

export interface BackupStore {
  write(backup: MapBackup): Promise<void>;
  /** The newest backup of every map, newest first. */
  list(): Promise<BackupEntry[]>;
  /** The content of a map's newest backup, or null when there is none. */
  read(mapId: string): Promise<string | null>;
}

interface BackupFile {
  readonly file: string;
  readonly savedAt: number;
}

/** ISO time with ':' replaced (not allowed in Windows file names); sorts like the time itself. */
function backupFileName(savedAt: number): string {
  return `${new Date(savedAt).toISOString().replaceAll(':', '-')}.backup`;
}

function parseBackupFileName(name: string): number | null {
  const match = BACKUP_FILE.exec(name);
  if (!match) return null;
  const savedAt = Date.parse(`${match[1]}:${match[2]}:${match[3]}`);
  return Number.isFinite(savedAt) ? savedAt : null;
}

function assertMapId(mapId: string): void {
  // Main already validated the IPC argument; this keeps the store safe on its own (no '../').
  if (!IPC_LIMITS.mapIdPattern.test(mapId)) throw new Error('Not a valid map id');
}

/** Nothing to list: the folder does not exist yet, or the name is a stray file. */
function isNoFolder(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}

async function readDirOrEmpty(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isNoFolder(error)) return [];
    throw error;
  }
}

/** Backups of one map, newest first. */
async function backupFiles(dir: string): Promise<BackupFile[]> {
  const files: BackupFile[] = [];
  for (const file of await readDirOrEmpty(dir)) {
    const savedAt = parseBackupFileName(file);
    if (savedAt !== null) files.push({ file, savedAt });
  }
  return files.sort((a, b) => b.savedAt - a.savedAt);
}

async function readName(dir: string): Promise<string | null> {
  try {
    const parsed = nameFileSchema.safeParse(JSON.parse(await readFile(path.join(dir, NAME_FILE), 'utf8')));
    return parsed.success ? parsed.data.name : null;
  } catch {
    return null;
  }
}

async function sameContent(file: string, content: string): Promise<boolean> {
  const { size } = await stat(file);
  return size === Buffer.byteLength(content) && (await readFile(file, 'utf8')) === content;
}

export function createBackupStore(root: string, options: { now?: () => number } = {}): BackupStore {
  const now = options.now ?? Date.now;
  const queues = new Map<string, Promise<unknown>>();

  /** One operation at a time per map. */
  function serialized<T>(mapId: string, task: () => Promise<T>): Promise<T> {
    const previous = queues.get(mapId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    queues.set(mapId, next);
    return next;
  }

  async function writeNow({ mapId, name, content }: MapBackup): Promise<void> {
    const dir = path.join(root, mapId);
    await mkdir(dir, { recursive: true });
    const existing = await backupFiles(dir);
    const newest = existing[0];
    // An unchanged snapshot must not rotate out older, different versions.
    if (!newest || !(await sameContent(path.join(dir, newest.file), content))) {
      const savedAt = Math.max(now(), (newest?.savedAt ?? 0) + 1);
      await writeFileAtomic(path.join(dir, backupFileName(savedAt)), content);
    }
    if ((await readName(dir)) !== name) {
      await writeFileAtomic(path.join(dir, NAME_FILE), JSON.stringify({ name }));
    }
    await prune(dir);
  }

  /** Keeps the newest backups and removes temp files left by a crash (single instance: none is live). */
  async function prune(dir: string): Promise<void> {
    const stale = (await backupFiles(dir)).slice(BACKUPS_KEPT_PER_MAP).map((entry) => entry.file);
    const temps = (await readDirOrEmpty(dir)).filter(isTempFileName);
    await Promise.all([...stale, ...temps].map((file) => unlink(path.join(dir, file))));
  }

  async function newestEntry(mapId: string): Promise<BackupEntry | null> {
    const dir = path.join(root, mapId);
    const newest = (await backupFiles(dir))[0];
    if (!newest) return null;
    const { size } = await stat(path.join(dir, newest.file));
    return { mapId, name: (await readName(dir)) ?? mapId, savedAt: newest.savedAt, bytes: size };
  }

  return {
    async write(backup) {
      assertMapId(backup.mapId);
      return serialized(backup.mapId, () => writeNow(backup));
    },

    async list() {
      const mapIds = (await readDirOrEmpty(root)).filter((entry) => IPC_LIMITS.mapIdPattern.test(entry));
      const entries = await Promise.all(mapIds.map((mapId) => serialized(mapId, () => newestEntry(mapId))));
      return entries.filter((entry) => entry !== null).sort((a, b) => b.savedAt - a.savedAt);
    },

    async read(mapId) {
      assertMapId(mapId);
      return serialized(mapId, async () => {
        const dir = path.join(root, mapId);
        const newest = (await backupFiles(dir))[0];
        return newest ? readFile(path.join(dir, newest.file), 'utf8') : null;
      });
    },
  };
}
