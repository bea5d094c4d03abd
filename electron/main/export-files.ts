/**
 * Exports (poster PNGs, print-page PDFs) streamed from the renderer into a file the user chose in
 * the native Save dialog. The renderer gets an opaque token, never the path; the bytes go to a
 * temporary file beside the target, and only a finished export is fsynced and renamed over it,
 * so a cancelled, failed or crashed export leaves the chosen path as it was. Every operation
 * answers in words rather than throwing, as file-service does.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  type BeginExportResult,
  type ExportKind,
  type FileError,
  IPC_LIMITS,
  type SavedExport,
} from '../../shared/ipc/contract.ts';
import { removeStaleTempFiles, type StagedStream, stageStream } from './atomic-write.ts';
import type { FileDialogs } from './file-dialogs.ts';
import { errorCode } from './file-errors.ts';

export interface ExportFilesOptions {
  readonly dialogs: Pick<FileDialogs, 'chooseExportTarget'>;
  readonly newToken?: () => string;
  /** Largest export accepted; IPC_LIMITS.exportBytes unless a test says otherwise. */
  readonly maxBytes?: number;
}

export interface ExportFiles {
  begin(kind: ExportKind, suggestedName: string): Promise<BeginExportResult>;
  write(token: string, bytes: Uint8Array): Promise<FileError | null>;
  finish(token: string): Promise<SavedExport | FileError>;
  abort(token: string): Promise<void>;
  /**
   * Drops every unfinished export (the window closed, its renderer is gone, or the app quits)
   * and settles once no temp file of any export is left, including drops and completions
   * already under way.
   */
  abortAll(): Promise<void>;
}

interface ExportSession {
  readonly name: string;
  readonly file: StagedStream;
  bytes: number;
  /** Writes run one after another in arrival order. */
  queue: Promise<unknown>;
}

export const EXPORT_MESSAGES = {
  unknown: 'This export is no longer open. Export the poster again.',
  tooLarge: (name: string) =>
    `${name} would be larger than ${IPC_LIMITS.exportBytes / 1024 ** 3} GB, so it was not saved. Choose a lower DPI or smaller paper.`,
} as const;

export function exportWriteError(error: unknown, name: string): string {
  switch (errorCode(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `The disk is full: ${name} was not saved.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `Journeywall is not allowed to write ${name} there. Choose another folder.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `The folder for ${name} no longer exists. Choose another folder.`;
    default:
      return `${name} could not be saved (${errorCode(error) ?? (error instanceof Error ? error.message : String(error))}).`;
  }
}

export function createExportFiles({
  dialogs,
  newToken = randomUUID,
  maxBytes = IPC_LIMITS.exportBytes,
}: ExportFilesOptions): ExportFiles {
  const sessions = new Map<string, ExportSession>();
  /** Discards and completions under way: a quit waits for them, or a temp file could outlive it. */
  const settling = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    settling.add(work);
    const untrack = () => settling.delete(work);
    work.then(untrack, untrack);
    return work;
  };

  const drop = (token: string): Promise<void> => {
    const session = sessions.get(token);
    if (!session) return Promise.resolve();
    sessions.delete(token);
    return track(
      (async () => {
        await session.queue.catch(() => undefined);
        await session.file.discard();
      })(),
    );
  };

  const complete = async (session: ExportSession): Promise<SavedExport | FileError> => {
    try {
      await session.queue;
      await session.file.commit();
      return { name: session.name };
    } catch (error) {
      await session.file.discard();
      return { error: exportWriteError(error, session.name) };
    }
  };

  return {
    async begin(kind, suggestedName) {
      let target: string | null = null;
      try {
        target = await dialogs.chooseExportTarget(kind, suggestedName);
        if (target === null) return null;
        // Temp files of this target are from an export a crash or power cut cut short: the
        // dialog runs one export at a time, so none is in use.
        await removeStaleTempFiles(target);
        const file = await stageStream(target);
        const token = newToken();
        const name = path.basename(target);
        sessions.set(token, { name, file, bytes: 0, queue: Promise.resolve() });
        return { token, name };
      } catch (error) {
        return { error: exportWriteError(error, target ? path.basename(target) : 'The export') };
      }
    },

    async write(token, bytes) {
      const session = sessions.get(token);
      if (!session) return { error: EXPORT_MESSAGES.unknown };
      session.bytes += bytes.byteLength;
      if (session.bytes > maxBytes) {
        await drop(token);
        return { error: EXPORT_MESSAGES.tooLarge(session.name) };
      }
      const written = session.queue.then(() => session.file.write(bytes));
      session.queue = written;
      try {
        await written;
        return null;
      } catch (error) {
        await drop(token);
        return { error: exportWriteError(error, session.name) };
      }
    },

    async finish(token) {
      const session = sessions.get(token);
      if (!session) return { error: EXPORT_MESSAGES.unknown };
      sessions.delete(token);
      return track(complete(session));
    },

    abort: drop,

    async abortAll() {
      for (const token of [...sessions.keys()]) void drop(token);
      await Promise.all(settling);
    },
  };
}
