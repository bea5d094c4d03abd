/**
 * The part of a PNG before its image data. A poster keeps its map in a chunk ahead of the first
 * IDAT, while the image after it can be hundreds of MB: reading only the head keeps opening a
 * poster cheap. Plain TS over a random-access byte source, so the desktop shell (a file handle)
 * and the browser (a Blob) read posters the same way.
 */
import { CHUNK_HEADER, chunkAt, PNG_SIGNATURE, startsWithPngSignature } from '../poster/png-walk.ts';

/** Random access to a file's bytes; `read` may return fewer bytes than asked for at the end. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export type PngHead =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'not-png' | 'too-large' };

/** Bytes fetched per read at least, so a head of many tiny chunks still takes few reads. */
const READ_BLOCK = 256 * 1024;

/**
 * The signature and every chunk before the first IDAT (the whole file if it has none, up to
 * IEND), at most `limit` bytes. Chunks are not checked here: the map reader validates what it
 * uses, and a damaged head is reported by it in words.
 */
export async function readPngHead(source: ByteSource, limit: number): Promise<PngHead> {
  // The IDAT header that ends a head of exactly `limit` bytes must still be seen.
  const cap = Math.min(source.size, limit + CHUNK_HEADER);
  let buffer = new Uint8Array(0);
  let filled = 0;

  /** Makes bytes [0, end) available; false when the file (or the cap) ends first. */
  const ensure = async (end: number): Promise<boolean> => {
    if (end <= filled) return true;
    if (end > cap) return false;
    if (end > buffer.length) {
      const grown = new Uint8Array(Math.min(cap, Math.max(end, buffer.length * 2, READ_BLOCK)));
      grown.set(buffer.subarray(0, filled));
      buffer = grown;
    }
    while (filled < end) {
      const bytes = await source.read(filled, buffer.length - filled);
      if (bytes.length === 0) return false;
      buffer.set(bytes.subarray(0, buffer.length - filled), filled);
      filled += Math.min(bytes.length, buffer.length - filled);
    }
    return true;
  };

  const finish = async (end: number): Promise<PngHead> => {
    if (end > limit) return { ok: false, reason: 'too-large' };
    await ensure(end);
    return { ok: true, bytes: buffer.slice(0, Math.min(end, filled)) };
  };

  if (!(await ensure(PNG_SIGNATURE.length)) || !startsWithPngSignature(buffer)) {
    return { ok: false, reason: 'not-png' };
  }
  let at = PNG_SIGNATURE.length;
  for (;;) {
    if (at > limit) return { ok: false, reason: 'too-large' };
    const chunk = (await ensure(at + CHUNK_HEADER)) ? chunkAt(buffer, at) : undefined;
    // The file ends before another chunk: all of it is head.
    if (!chunk) return finish(Math.min(at, filled));
    if (chunk.type === 'IDAT') return finish(at);
    // A chunk that runs past the end (damaged, or a lying length): hand over what there is.
    if (chunk.type === 'IEND' || chunk.next > source.size) return finish(Math.min(chunk.next, source.size));
    at = chunk.next;
  }
}
