/**
 * Reads a file the user chose to open, the same way in the desktop shell and the browser: a map
 * file whole (refused over IPC_LIMITS.fileBytes before any of it is read), a PNG poster only up
 * to its image data. PNGs are recognised by their signature, not their name.
 */
import { PNG_SIGNATURE, startsWithPngSignature } from '../poster/png-walk.ts';
import { type FileError, IPC_LIMITS } from './contract.ts';
import { FILE_MESSAGES } from './file-messages.ts';
import { type ByteSource, readPngHead } from './png-head.ts';

export interface OpenedBytes {
  readonly bytes: Uint8Array;
  /** A PNG poster: the bytes are its head, and the file is never written back. */
  readonly isPoster: boolean;
}

export const isFileError = (value: unknown): value is FileError =>
  typeof value === 'object' && value !== null && 'error' in value && typeof value.error === 'string';

/** All `length` bytes from `offset`, across short reads; fewer only where the file ends. */
async function readFully(source: ByteSource, offset: number, length: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  let filled = 0;
  while (filled < length) {
    const part = await source.read(offset + filled, length - filled);
    if (part.length === 0) break;
    bytes.set(part.subarray(0, length - filled), filled);
    filled += Math.min(part.length, length - filled);
  }
  return filled === length ? bytes : bytes.slice(0, filled);
}

export async function readForOpening(source: ByteSource): Promise<OpenedBytes | FileError> {
  const start = await readFully(source, 0, Math.min(source.size, PNG_SIGNATURE.length));
  if (startsWithPngSignature(start)) {
    const head = await readPngHead(source, IPC_LIMITS.posterHeadBytes);
    if (head.ok) return { bytes: head.bytes, isPoster: true };
    // Unreachable for 'not-png' (the signature matched); the size is the only way to fail.
    return { error: FILE_MESSAGES.posterTooLarge };
  }
  if (source.size > IPC_LIMITS.fileBytes) return { error: FILE_MESSAGES.tooLarge(source.size) };
  return { bytes: await readFully(source, 0, source.size), isPoster: false };
}

/** Anything with Blob's slice (a File, in the browser or the preload) as a ByteSource. */
export interface SliceableBlob {
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

export const blobByteSource = (blob: SliceableBlob): ByteSource => ({
  size: blob.size,
  read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
});
