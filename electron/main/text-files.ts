/**
 * Text the renderer saves as a file of its own (the gap list as CSV or Markdown): the user
 * chooses where in the native Save dialog, and the file is written atomically, like a map. The
 * renderer never sees the path. Answers in words rather than throwing, as file-service does.
 */
import path from 'node:path';
import type { SaveTextResult, TextExportKind } from '../../shared/ipc/contract.ts';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write.ts';
import { exportWriteError } from './export-files.ts';
import type { FileDialogs } from './file-dialogs.ts';
import type { PendingWrites } from './pending-writes.ts';

export interface TextFilesOptions {
  readonly dialogs: Pick<FileDialogs, 'chooseExportTarget'>;
  /** The writes quitting waits for. */
  readonly writes: PendingWrites;
}

export interface TextFiles {
  save(kind: TextExportKind, suggestedName: string, text: string): Promise<SaveTextResult>;
}

export function createTextFiles({ dialogs, writes }: TextFilesOptions): TextFiles {
  const write = async (target: string, text: string): Promise<SaveTextResult> => {
    const name = path.basename(target);
    try {
      // Temp files of this target are from a save a crash cut short: the modal dialog lets one
      // save of it start at a time.
      await removeStaleTempFiles(target);
      await writeFileAtomic(target, text);
      return { name };
    } catch (error) {
      return { error: exportWriteError(error, name) };
    }
  };

  return {
    async save(kind, suggestedName, text) {
      let target: string | null;
      try {
        target = await dialogs.chooseExportTarget(kind, suggestedName);
      } catch (error) {
        return { error: exportWriteError(error, 'The file') };
      }
      return target === null ? null : writes.track(write(target, text));
    },
  };
}
