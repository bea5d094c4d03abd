/**
 * Opening and saving map files for the renderer, which holds handles and never paths. Every
 * operation answers with a result or a FileError in words, never an exception: an exception would
 * cross IPC as an unreadable "Error invoking remote method". Saves to one file run one at a time,
 * and each is tracked so that quitting waits for it.
 *
 * Only a .cxmap file is ever written: a poster, or any other file that happens to hold a map, is
 * opened without a handle. A dropped file's path comes from the renderer's side, so it gets a
 * read handle: its first save asks in the Save dialog, which starts at the dropped file.
 */
import path from 'node:path';
import type { FileError, OpenPurpose, OpenResult, SaveResult } from '../../shared/ipc/contract.ts';
import { FILE_MESSAGES } from '../../shared/ipc/file-messages.ts';
import { hasExtension, MAP_EXTENSION } from '../../shared/ipc/file-name.ts';
import { isFileError } from '../../shared/ipc/read-for-opening.ts';
import type { FileDialogs } from './file-dialogs.ts';
import { writeErrorMessage } from './file-errors.ts';
import type { FileHandles, HandleAccess } from './file-handles.ts';
import { readMapFile } from './map-file-read.ts';
import { writeMapFile } from './map-file-write.ts';
import { hasOpenableExtension, isOpenablePath } from './os-open.ts';
import type { PendingWrites } from './pending-writes.ts';
import type { RecentFiles } from './recent-files.ts';

export interface FileServiceOptions {
  readonly dialogs: FileDialogs;
  readonly handles: FileHandles;
  readonly recent: RecentFiles;
  /** Adds the file to the OS's own recent list (macOS Dock menu, Windows jump list). */
  readonly addRecentDocument: (filePath: string) => void;
  /** The writes quitting waits for. */
  readonly writes: PendingWrites;
}

export interface FileService {
  /** Shows the Open dialog and reads the chosen file; null when cancelled. */
  openFile(purpose: OpenPurpose): Promise<OpenResult>;
  /** Reads a file main already trusts, from the OS or Open Recent; a map gets a write handle. */
  openPath(filePath: string): Promise<OpenResult>;
  /**
   * Reads a dropped file's path from the preload, after checking it names an openable file. Its
   * handle is a read handle: nothing is written there without the user choosing it in a dialog.
   */
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
  writes,
}: FileServiceOptions): FileService {
  const queues = new Map<string, Promise<unknown>>();

  /** Runs saves to one path one after another, so two saves never race on its temp and .bak. */
  const serialized = <T>(filePath: string, task: () => Promise<T>): Promise<T> => {
    const key = path.resolve(filePath);
    const previous = queues.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return next;
  };

  const remember = async (filePath: string): Promise<void> => {
    await recent.add(filePath);
    addRecentDocument(filePath);
  };

  const openPath = async (filePath: string, access: HandleAccess = 'write'): Promise<OpenResult> => {
    try {
      const read = await readMapFile(filePath);
      if (isFileError(read)) {
        // A recent file that is gone should not stay in the menu.
        if (!(await isOpenablePath(filePath))) await recent.remove(filePath);
        return read;
      }
      // A poster is never written back: saving a map over it would destroy the picture. Nor is a
      // file of another name holding a map (a ".png" that is not a PNG): it may be anything.
      const writable = !read.isPoster && hasExtension(filePath, MAP_EXTENSION);
      const handle = writable ? await handles.handleFor(filePath, access) : null;
      // Whether another file holds a map only the renderer knows; Open Recent lists likely maps.
      if (hasOpenableExtension(filePath)) await remember(filePath);
      return { handle, name: path.basename(filePath), bytes: read.bytes };
    } catch (error) {
      return unexpected(`opening ${path.basename(filePath)}`, error);
    }
  };

  const writeTo = (filePath: string, content: string): Promise<SaveResult> =>
    writes.track(
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
      }),
    );

  /** The Save dialog, starting at the file: the user confirms the path the renderer holds. */
  const confirmTarget = (filePath: string): Promise<string | null> =>
    dialogs.chooseSaveTarget(path.basename(filePath), path.dirname(filePath));

  return {
    async openFile(purpose) {
      try {
        const chosen = await dialogs.chooseFileToOpen(purpose);
        return chosen === null ? null : await openPath(chosen);
      } catch (error) {
        return unexpected('opening a file', error);
      }
    },

    openPath: (filePath) => openPath(filePath),

    async openDroppedPath(filePath) {
      // The one path that comes from the renderer's side: the preload read it from a File the
      // user dropped. It is read only if it names a map or poster, and never written as it is.
      if (!(await isOpenablePath(filePath))) {
        return { error: `${path.basename(filePath)} is not a Journeywall map (.cxmap) or poster (.png).` };
      }
      return openPath(filePath, 'read');
    },

    async saveFile(handle, content) {
      try {
        const target = await handles.targetOf(handle);
        if (target === null) return { error: FILE_MESSAGES.unknownHandle };
        if (target.access === 'write' && hasExtension(target.path, MAP_EXTENSION)) {
          return await writeTo(target.path, content);
        }
        const chosen = await confirmTarget(target.path);
        return chosen === null ? null : await writeTo(chosen, content);
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
