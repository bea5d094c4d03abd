/**
 * What the user reads when a file cannot be opened or saved, the same in the desktop shell and
 * the browser. Sizes are rounded up, so a file just over a limit does not read as being at it.
 */
import { IPC_LIMITS } from './contract.ts';

const MB = 1024 * 1024;
const megabytes = (bytes: number): string => (Math.ceil((bytes / MB) * 10) / 10).toFixed(1);

export const FILE_MESSAGES = {
  tooLarge: (bytes: number): string =>
    `This file is too large to open (${megabytes(bytes)} MB; the limit is ${IPC_LIMITS.fileBytes / MB} MB).`,
  posterTooLarge: `This poster has more than ${IPC_LIMITS.posterHeadBytes / MB} MB before its image, so Journeywall will not open it.`,
  unreadable: (name: string): string => `${name} could not be read.`,
  unknownHandle:
    'Journeywall no longer knows where this file is. Use Save As… to choose where to save the map.',
  tooLargeToSave: (bytes: number): string =>
    `This map is too large to save (${megabytes(bytes)} MB; the limit is ${IPC_LIMITS.fileBytes / MB} MB). Your work is safe in Journeywall.`,
} as const;
