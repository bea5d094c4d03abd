/**
 * Files the operating system asks Journeywall to open: a double-click on a .cxmap (the file
 * association puts its path on the command line of the first launch, or of a second launch that
 * hands it to the running one through 'second-instance'; macOS sends 'open-file' instead, possibly
 * before the app is ready), and File ▸ Open Recent. Requests wait in a queue until the renderer
 * has loaded, then each file is read and sent to it, or its problem is shown in a message box.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenedFile, OpenResult } from '../../shared/ipc/contract.ts';
import { FILE_MESSAGES } from '../../shared/ipc/file-messages.ts';
import { isFileError } from '../../shared/ipc/read-for-opening.ts';

const OPENABLE_EXTENSIONS = ['.cxmap', '.png'];

export const hasOpenableExtension = (filePath: string): boolean =>
  OPENABLE_EXTENSIONS.includes(path.extname(filePath).toLowerCase());

/** An absolute path to an existing regular file named .cxmap or .png. */
export async function isOpenablePath(filePath: string): Promise<boolean> {
  if (!path.isAbsolute(filePath) || !hasOpenableExtension(filePath)) return false;
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
}

/**
 * The path a command-line argument names. Linux file managers launch the app through its
 * .desktop entry's %U, which passes file:// URIs; a URI of another host or scheme names nothing.
 */
function pathOfArgument(arg: string, workingDirectory: string): string | null {
  if (!/^file:/i.test(arg)) return path.resolve(workingDirectory, arg);
  try {
    return fileURLToPath(arg);
  } catch {
    return null;
  }
}

/**
 * The files named on a command line, as paths or file:// URIs. The first entry is the executable;
 * flags (Chromium adds some of its own) and anything that is not an existing .cxmap or .png file
 * are ignored.
 */
export async function filesFromArgv(argv: readonly string[], workingDirectory: string): Promise<string[]> {
  const candidates = argv
    .slice(1)
    .filter((arg) => arg.length > 0 && !arg.startsWith('-'))
    .map((arg) => pathOfArgument(arg, workingDirectory))
    .filter((candidate) => candidate !== null);
  const unique = [...new Set(candidates)];
  const openable = await Promise.all(unique.map(isOpenablePath));
  return unique.filter((_, i) => openable[i]);
}

export interface OutsideOpenerOptions {
  /** Reads the file and mints its handle (FileService.openPath). */
  readonly open: (filePath: string) => Promise<OpenResult>;
  /** Hands an opened file to the renderer (EVENTS.openFile). */
  readonly send: (file: OpenedFile) => void;
  /** Tells the user why a file could not be opened. */
  readonly showError: (filePath: string, message: string) => Promise<void> | void;
}

export interface OutsideOpener {
  /** Opens the file now if the renderer is ready, else once it is. */
  request(filePath: string): void;
  /** The renderer has loaded (did-finish-load) or is gone or reloading. */
  setReady(ready: boolean): void;
}

export function createOutsideOpener({ open, send, showError }: OutsideOpenerOptions): OutsideOpener {
  const waiting: string[] = [];
  let ready = false;
  let draining = false;

  // One file at a time, in the order asked, so the renderer receives them in that order.
  const drain = async (): Promise<void> => {
    if (draining) return;
    draining = true;
    try {
      while (ready) {
        const filePath = waiting.shift();
        if (filePath === undefined) break;
        const result = await open(filePath).catch((error: unknown) => {
          console.error('[os-open] opening failed', error);
          return { error: FILE_MESSAGES.unreadable(path.basename(filePath)) };
        });
        if (result === null) continue;
        if (isFileError(result)) await showError(filePath, result.error);
        else if (ready) send(result);
        else waiting.unshift(filePath);
      }
    } finally {
      draining = false;
    }
  };

  return {
    request(filePath) {
      waiting.push(filePath);
      void drain();
    },
    setReady(value) {
      ready = value;
      if (ready) void drain();
    },
  };
}
