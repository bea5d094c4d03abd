import { describe, expect, it } from 'vitest';
import { IPC_LIMITS } from './contract.ts';
import { FILE_MESSAGES } from './file-messages.ts';
import type { ByteSource } from './png-head.ts';
import { blobByteSource, isFileError, readForOpening } from './read-for-opening.ts';
import { chunk, chunkOffset, posterPng } from './test-support/poster-png.ts';

const MB = 1024 * 1024;

const sourceOf = (bytes: Uint8Array): ByteSource & { bytesRead: number } => {
  const source = {
    size: bytes.length,
    bytesRead: 0,
    read: async (offset: number, length: number) => {
      const part = bytes.slice(offset, offset + length);
      source.bytesRead += part.length;
      return part;
    },
  };
  return source;
};

/** A file of `size` bytes that is never there to read: only its size may be looked at. */
const hugeSource = (
  size: number,
  start: Uint8Array = new Uint8Array(8),
): ByteSource & { bytesRead: number } => {
  const source = {
    size,
    bytesRead: 0,
    read: async (offset: number, length: number) => {
      const part = start.slice(offset, offset + length);
      source.bytesRead += part.length;
      return part;
    },
  };
  return source;
};

describe('readForOpening', () => {
  it('reads a map file whole', async () => {
    const text = '{"type":"journeywall-map","note":"Kündigung ✓"}';
    const result = await readForOpening(sourceOf(new TextEncoder().encode(text)));
    expect(result).toEqual({ bytes: new TextEncoder().encode(text), isPoster: false });
  });

  it('reads an empty file as no bytes, leaving the verdict to the map parser', async () => {
    expect(await readForOpening(sourceOf(new Uint8Array(0)))).toEqual({
      bytes: new Uint8Array(0),
      isPoster: false,
    });
  });

  it('refuses a file over the limit with its size in the message, before reading it', async () => {
    const source = hugeSource(IPC_LIMITS.fileBytes + 1);
    const result = await readForOpening(source);
    expect(result).toEqual({ error: 'This file is too large to open (50.1 MB; the limit is 50 MB).' });
    expect(source.bytesRead).toBeLessThanOrEqual(8);
    expect(FILE_MESSAGES.tooLarge(200 * MB)).toBe(
      'This file is too large to open (200.0 MB; the limit is 50 MB).',
    );
  });

  it('reads only the head of a poster PNG, however large the file', async () => {
    const png = posterPng(32, 32, [chunk('iTXt', new TextEncoder().encode('map\0\0\0\0\0{}'))]);
    const result = await readForOpening(sourceOf(png));
    expect(isFileError(result)).toBe(false);
    if (isFileError(result)) return;
    expect(result.isPoster).toBe(true);
    expect(result.bytes.length).toBe(chunkOffset(png, 'IDAT'));

    // A poster far larger than the map-file limit still opens: only its head counts.
    const headOnly = png.subarray(0, chunkOffset(png, 'IDAT') + 8);
    const huge = hugeSource(IPC_LIMITS.fileBytes * 4, headOnly);
    const fromHuge = await readForOpening(huge);
    expect(isFileError(fromHuge) ? fromHuge.error : fromHuge.bytes.length).toBe(chunkOffset(png, 'IDAT'));
  });

  it('refuses a poster whose head is over the poster limit', async () => {
    const header = posterPng(1, 1, []).subarray(0, 33);
    const giant = Buffer.alloc(8);
    giant.writeUInt32BE(IPC_LIMITS.posterHeadBytes + 10, 0);
    giant.write('zTXt', 4, 'latin1');
    const source = hugeSource(IPC_LIMITS.posterHeadBytes * 2, Buffer.concat([header, giant]));
    expect(await readForOpening(source)).toEqual({ error: FILE_MESSAGES.posterTooLarge });
  });

  it('reads a Blob through blobByteSource', async () => {
    const blob = new Blob(['hello map']);
    expect(await readForOpening(blobByteSource(blob))).toEqual({
      bytes: new TextEncoder().encode('hello map'),
      isPoster: false,
    });
  });
});

describe('isFileError', () => {
  it('tells a FileError from an opened file and from null', () => {
    expect(isFileError({ error: 'no' })).toBe(true);
    expect(isFileError({ handle: null, name: 'a', bytes: new Uint8Array() })).toBe(false);
    expect(isFileError(null)).toBe(false);
    expect(isFileError({ error: 42 })).toBe(false);
  });
});
