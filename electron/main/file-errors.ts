/**
 * File-system errors in words for the user. Reading and writing a map file fails in a few ways
 * people can act on (a full disk, a locked folder, a file that moved); each gets a sentence that
 * names the file, and a failed save always says that nothing in the app was lost.
 */

export const errorCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

const SAFE = 'Your work is safe in Journeywall.';

export const notAFileMessage = (name: string): string => `${name} is not a file that Journeywall can open.`;

export function readErrorMessage(error: unknown, name: string): string {
  switch (errorCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `${name} was not found. It may have been moved, renamed or deleted.`;
    case 'EACCES':
    case 'EPERM':
      return `Journeywall is not allowed to read ${name}. Check the file’s permissions.`;
    case 'EISDIR':
      return notAFileMessage(name);
    case 'EBUSY':
    case 'EAGAIN':
      return `${name} is in use by another program. Close it there and try again.`;
    default:
      return `${name} could not be read (${codeOrMessage(error)}).`;
  }
}

export function writeErrorMessage(error: unknown, name: string): string {
  switch (errorCode(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `The disk is full: the map was not saved to ${name}. ${SAFE}`;
    case 'EACCES':
    case 'EPERM':
      return `Journeywall is not allowed to write ${name}: the map was not saved. ${SAFE} Use Save As… to save it somewhere else.`;
    case 'EROFS':
      return `${name} is on a disk that cannot be written to: the map was not saved. ${SAFE} Use Save As… to save it somewhere else.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `The folder of ${name} no longer exists: the map was not saved. ${SAFE} Use Save As… to save it somewhere else.`;
    case 'EISDIR':
      return `${name} is a folder: the map was not saved. ${SAFE} Use Save As… to choose a file name.`;
    case 'EBUSY':
    case 'EAGAIN':
    case 'ETXTBSY':
      return `${name} is in use by another program: the map was not saved. ${SAFE} Close it there and save again.`;
    default:
      return `The map could not be saved to ${name} (${codeOrMessage(error)}). ${SAFE}`;
  }
}

function codeOrMessage(error: unknown): string {
  return errorCode(error) ?? (error instanceof Error ? error.message : String(error));
}
