/**
 * Reads a map file or poster from disk for the renderer, through shared/ipc/read-for-opening.ts:
 * the size is checked before reading, and a poster is read only up to its image data. Failures
 * come back as a FileError in words, never as an exception.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileError } from '../../shared/ipc/contract.ts';
import { type OpenedBytes, readForOpening } from '../../shared/ipc/read-for-opening.ts';
import { notAFileMessage, readErrorMessage } from './file-errors.ts';

export async function readMapFile(filePath: string): Promise<OpenedBytes | FileError> {
  const name = path.basename(filePath);
  try {
    // Checked before opening: opening a FIFO or a device could block or never end.
    if (!(await stat(filePath)).isFile()) return { error: notAFileMessage(name) };
    const file = await open(filePath, 'r');
    try {
      const { size } = await file.stat();
      return await readForOpening({
        size,
        read: async (offset, length) => {
          const bytes = new Uint8Array(length);
          const { bytesRead } = await file.read(bytes, 0, length, offset);
          return bytes.subarray(0, bytesRead);
        },
      });
    } finally {
      await file.close();
    }
  } catch (error) {
    return { error: readErrorMessage(error, name) };
  }
}
