/**
 * Opening and saving map files for the renderer, which holds handles and never paths. Every
 * operation answers with a result or a FileError in words, never an exception: an exception would
 * cross IPC as an unreadable "Error invoking remote method". Saves to one file run one at a time.
 */
import path from 'node:path';
import type { FileError, OpenPurpose, OpenResult, SaveResult } from '../../shared/ipc/contract.ts';
import { FILE_MESSAGES } from '../../shared/ipc/file-messages.ts';
import { isFileError } from '../../shared/ipc/read-for-opening.ts';
import type { FileDialogs } from './file-dialogs.ts';
import { writeErrorMessage } from './file-errors.ts';
import type { FileHandles } from './file-handles.ts';
import { readMapFile } from './map-file-read.ts';
import { writeMapFile } from './map-file-write.ts';
import { hasOpenableExtension, isOpenablePath } from './os-open.ts';
import type { RecentFiles } from './recent-files.ts';

export interface FileServiceOptions {
  readonly dialogs: FileDialogs;
  readonly handles: FileHandles;
  readonly recent: RecentFiles;
  /** Adds the file to the OS's own recent list (macOS Dock menu, Windows jump list). */
  readonly addRecentDocument: (filePath: string) => void;
}

export interface FileService {
  /** Shows the Open dialog and reads the chosen file; null when cancelled. */
  openFile(purpose: OpenPurpose): Promise<OpenResult>;
  /** Reads a file main already trusts: from the OS, Open Recent, or a validated dropped path. */
  openPath(filePath: string): Promise<OpenResult>;
  /** Reads a dropped file's path from the preload, after checking it names an openable file. */
  openDroppedPath(filePath: string): Promise<OpenResult>;
  saveFile(handle: string, content: string): Promise<SaveResult>;
  saveFileAs(suggestedName: string, content: string): Promise<SaveResult>;
}

const unexpected = (what: string, error: unknown): FileError => {
  console.error(`[files] ${what} failed`, error);
  return { error: `Something went wrong while ${what}. Your work is safe in Journeywall.` };
};

export function createFileService({
  dialogs,
  handles,
  recent,
  addRecentDocument,
}: FileServiceOptions): FileService {
  const writes = new Map<string, Promise<unknown>>();

  /** Runs saves to one path one after another, so two saves never race on its temp and .bak. */
  const serialized = <T>(filePath: string, task: () => Promise<T>): Promise<T> => {
    const key = path.resolve(filePath);
    const previous = writes.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    writes.set(key, settled);
    void settled.then(() => {
      if (writes.get(key) === settled) writes.delete(key);
    });
    return next;
  };

  const remember = async (filePath: string): Promise<void> => {
    await recent.add(filePath);
    addRecentDocument(filePath);
  };

  const openPath = async (filePath: string): Promise<OpenResult> => {
    try {
      const read = await readMapFile(filePath);
      if (isFileError(read)) {
        // A recent file that is gone should not stay in the menu.
        if (!(await isOpenablePath(filePath))) await recent.remove(filePath);
        return read;
      }
      // A poster is never written back: saving a map over it would destroy the picture.
      const handle = read.isPoster ? null : await handles.handleFor(filePath);
      // Whether another file holds a map only the renderer knows; Open Recent lists likely maps.
      if (hasOpenableExtension(filePath)) await remember(filePath);
      return { handle, name: path.basename(filePath), bytes: read.bytes };
    } catch (error) {
      return unexpected(`opening ${path.basename(filePath)}`, error);
    }
  };

  const writeTo = (filePath: string, content: string): Promise<SaveResult> =>
    serialized(filePath, async () => {
      const name = path.basename(filePath);
      try {
        await writeMapFile(filePath, content);
      } catch (error) {
        return { error: writeErrorMessage(error, name) };
      }
      const handle = await handles.handleFor(filePath);
      await remember(filePath);
      return { handle, name };
    });

  return {
    async openFile(purpose) {
      try {
        const chosen = await dialogs.chooseFileToOpen(purpose);
        return chosen === null ? null : await openPath(chosen);
      } catch (error) {
        return unexpected('opening a file', error);
      }
    },

    openPath,

    async openDroppedPath(filePath) {
      // The one path that comes from the renderer's side: the preload read it from a File the
      // user dropped. It is only ever read, never written, and only if it names a map or poster.
      if (!(await isOpenablePath(filePath))) {
        return { error: `${path.basename(filePath)} is not a Journeywall map (.cxmap) or poster (.png).` };
      }
      return openPath(filePath);
    },

    async saveFile(handle, content) {
      try {
        const filePath = await handles.pathOf(handle);
        if (filePath === null) return { error: FILE_MESSAGES.unknownHandle };
        return await writeTo(filePath, content);
      } catch (error) {
        return unexpected('saving the map', error);
      }
    },

    async saveFileAs(suggestedName, content) {
      try {
        const target = await dialogs.chooseSaveTarget(suggestedName);
        return target === null ? null : await writeTo(target, content);
      } catch (error) {
        return unexpected('saving the map', error);
      }
    },
  };
}
