/**
 * Crash-safe file replacement: a reader (or the next launch) sees either the old file or the new
 * one, never a half-written mix. Write a temp file in the same directory (rename is only atomic
 * within one file system), fsync it, rename it over the target, then fsync the directory so the
 * rename itself survives a power cut. Same approach as npm's write-file-atomic and VS Code. On
 * Windows the rename is retried for a few seconds while another program holds a file open.
 *
 * The two halves are exposed as a StagedFile so a caller can do more between them (a map save
 * makes its .bak there) while the target still holds the old version.
 */
import { randomBytes } from 'node:crypto';
import { constants, copyFile, open, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { renameWithRetry } from './rename-retry.ts';

const TEMP_SUFFIX = '.tmp';
const TEMP_ID_BYTES = 6;

/** A complete, fsynced temp file waiting to replace its target. */
export interface StagedFile {
  /** Renames the temp file over the target and makes the rename durable. */
  commit(): Promise<void>;
  /** Removes the temp file; the target is untouched. */
  discard(): Promise<void>;
}

/** Temp files are hidden and marked so that cleanup can tell them from real files. */
export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.endsWith(TEMP_SUFFIX);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `name` is a temp file staged for `target` (by this module, in any earlier run). */
export function isTempFileOf(name: string, target: string): boolean {
  const base = escapeRegExp(path.basename(target));
  return new RegExp(`^\\.${base}\\.[0-9a-f]{${TEMP_ID_BYTES * 2}}${escapeRegExp(TEMP_SUFFIX)}$`).test(name);
}

function tempPathFor(target: string): string {
  const id = randomBytes(TEMP_ID_BYTES).toString('hex');
  return path.join(path.dirname(target), `.${path.basename(target)}.${id}${TEMP_SUFFIX}`);
}

async function stage(target: string, fill: (temp: string) => Promise<void>): Promise<StagedFile> {
  const temp = tempPathFor(target);
  const discard = (): Promise<void> => unlink(temp).catch(() => undefined);
  try {
    await fill(temp);
  } catch (error) {
    await discard();
    throw error;
  }
  return { commit: () => renameInto(temp, target, discard), discard };
}

async function renameInto(temp: string, target: string, discard: () => Promise<void>): Promise<void> {
  try {
    await renameWithRetry(temp, target);
  } catch (error) {
    await discard();
    throw error;
  }
  await syncDirectory(path.dirname(target));
}

/** A temp file filled piece by piece (a poster of hundreds of MB is never held whole). */
export interface StagedStream extends StagedFile {
  /** Appends bytes; call one at a time, awaiting each. */
  write(bytes: Uint8Array): Promise<void>;
}

/** Opens a temp file beside `target` to stream into; `commit` fsyncs it and renames it over `target`. */
export async function stageStream(target: string): Promise<StagedStream> {
  const temp = tempPathFor(target);
  const file = await open(temp, 'wx');
  let isOpen = true;
  const close = async (): Promise<void> => {
    if (!isOpen) return;
    isOpen = false;
    await file.close();
  };
  const discard = async (): Promise<void> => {
    await close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
  };
  return {
    async write(bytes) {
      // writeFile on a handle writes all of it from the current position, across short writes.
      await file.writeFile(bytes);
    },
    async commit() {
      try {
        await file.sync();
        await close();
      } catch (error) {
        await discard();
        throw error;
      }
      await renameInto(temp, target, discard);
    },
    discard,
  };
}

/** Writes `data` to a temp file beside `target` and fsyncs it. */
export function stageWrite(target: string, data: string | Uint8Array): Promise<StagedFile> {
  return stage(target, async (temp) => {
    const file = await open(temp, 'wx');
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
  });
}

/** Copies `source` to a temp file beside `target` and fsyncs it. */
export function stageCopy(source: string, target: string): Promise<StagedFile> {
  return stage(target, async (temp) => {
    await copyFile(source, temp, constants.COPYFILE_EXCL);
    // Opened for writing because Windows flushes a file only through a writable handle.
    const file = await open(temp, 'r+');
    try {
      await file.sync();
    } finally {
      await file.close();
    }
  });
}

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await (await stageWrite(target, data)).commit();
}

/**
 * Removes temp files that a crash left behind for `target`. Only safe while nothing else writes
 * that target: callers serialize their writes, and the app runs as a single instance.
 */
export async function removeStaleTempFiles(target: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(path.dirname(target));
  } catch {
    return;
  }
  const stale = names.filter((name) => isTempFileOf(name, target));
  await Promise.all(
    stale.map((name) => unlink(path.join(path.dirname(target), name)).catch(() => undefined)),
  );
}

/** Windows cannot open a directory for fsync (EPERM/EISDIR); there NTFS journals the rename. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!isUnsupportedDirectorySync(error)) throw error;
  } finally {
    await handle?.close();
  }
}

function isUnsupportedDirectorySync(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return code === 'EPERM' || code === 'EISDIR' || code === 'EINVAL' || code === 'EACCES';
}
