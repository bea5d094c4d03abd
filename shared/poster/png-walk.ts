/**
 * The PNG signature and the walk from chunk to chunk, for the embedded-map reader and the
 * poster-head reader used when opening a file. Free of imports on purpose: the preload bundles
 * the head reader, and should not carry the map format (zod) with it.
 */

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export const startsWithPngSignature = (bytes: Uint8Array): boolean =>
  bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((byte, i) => bytes[i] === byte);

/** Length and type: the bytes before a chunk's data. */
export const CHUNK_HEADER = 8;
/** The CRC after a chunk's data. */
export const CHUNK_CRC = 4;

/** Where a chunk lies. Its data and the next chunk may lie past the bytes at hand (a lying length). */
export interface ChunkPosition {
  readonly type: string;
  readonly dataStart: number;
  readonly dataEnd: number;
  /** Where the next chunk starts: after the data and the CRC. */
  readonly next: number;
}

/**
 * The chunk whose header starts at `at`, or undefined when `bytes` end before its header does:
 * one step of a walk from the signature on. Only the header is read, so a walk skips image data
 * without touching it, and each reader checks the CRC of only the chunks it uses.
 */
export const chunkAt = (bytes: Uint8Array, at: number): ChunkPosition | undefined => {
  if (at + CHUNK_HEADER > bytes.length) return undefined;
  const length = new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0);
  const type = String.fromCharCode(
    bytes[at + 4] ?? 0,
    bytes[at + 5] ?? 0,
    bytes[at + 6] ?? 0,
    bytes[at + 7] ?? 0,
  );
  const dataStart = at + CHUNK_HEADER;
  const dataEnd = dataStart + length;
  return { type, dataStart, dataEnd, next: dataEnd + CHUNK_CRC };
};
