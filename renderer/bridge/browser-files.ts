import { FILE_MIME_TYPE } from '../../shared/format/envelope.ts';
import {
  type FileError,
  IPC_LIMITS,
  type OpenedFile,
  type OpenResult,
  type SavedFile,
  type SaveResult,
} from '../../shared/ipc/contract.ts';
import { FILE_MESSAGES } from '../../shared/ipc/file-messages.ts';
import { safeMapFileName } from '../../shared/ipc/file-name.ts';
import { blobByteSource, isFileError, readForOpening } from '../../shared/ipc/read-for-opening.ts';
import { downloadBlob } from './download.ts';

/** What the file picker offers: maps (also under their JSON type) and poster PNGs. */
export const OPEN_ACCEPT = '.cxmap,.png,application/json,image/png';

/** Reads a File the user picked or dropped, with the desktop shell's limits; never writable back. */
export const readPickedFile = async (file: File): Promise<OpenedFile | FileError> => {
  try {
    const read = await readForOpening(blobByteSource(file));
    return isFileError(read) ? read : { handle: null, name: file.name, bytes: read.bytes };
  } catch {
    return { error: FILE_MESSAGES.unreadable(file.name) };
  }
};

/**
 * Shows the browser's file picker through a hidden file input. It must be called while handling
 * the user's click or key press (nothing awaited before): browsers open pickers only then.
 * Resolves null when the user cancels.
 */
export const pickFile = (): Promise<OpenResult> =>
  new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = OPEN_ACCEPT;
    input.hidden = true;
    const finish = (result: Promise<OpenResult> | OpenResult): void => {
      input.remove();
      resolve(result);
    };
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      finish(file ? readPickedFile(file) : null);
    });
    input.addEventListener('cancel', () => finish(null));
    document.body.append(input);
    input.click();
  });

const utf8 = new TextEncoder();

/**
 * "Saving" in the browser is a download. Handles map to the name a map was last saved under, so
 * Save after Save As downloads under the same name again; they last as long as the page.
 */
export const createDownloadSaver = () => {
  const names = new Map<string, string>();

  const download = (name: string, content: string): FileError | null => {
    const bytes = utf8.encode(content);
    if (bytes.byteLength > IPC_LIMITS.fileBytes) {
      return { error: FILE_MESSAGES.tooLargeToSave(bytes.byteLength) };
    }
    downloadBlob(new Blob([bytes], { type: FILE_MIME_TYPE }), name);
    return null;
  };

  const saveAs = (handle: string, name: string, content: string): SaveResult => {
    const failed = download(name, content);
    if (isFileError(failed)) return failed;
    names.set(handle, name);
    return { handle, name } satisfies SavedFile;
  };

  return {
    save: async (handle: string, content: string): Promise<SaveResult> => {
      const name = names.get(handle);
      return name === undefined ? { error: FILE_MESSAGES.unknownHandle } : saveAs(handle, name, content);
    },
    saveAs: async (suggestedName: string, content: string): Promise<SaveResult> =>
      saveAs(crypto.randomUUID(), safeMapFileName(suggestedName), content),
  };
};
