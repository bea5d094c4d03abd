/**
 * Test support: encode to one buffer, and list a PNG's chunks. The chunk lister is written
 * here, apart from the code under test, so the tests check the file format independently.
 */
import { createInflate } from 'node:zlib';
import { PNG } from 'pngjs';
import { createPngStream, type PngStreamOptions, type PngSummary } from './png-stream.ts';

export const encodeBands = async (
  options: Omit<PngStreamOptions, 'onChunk'>,
  bands: readonly (Uint8Array | Uint8ClampedArray)[],
): Promise<{ png: Buffer; summary: PngSummary; calls: number }> => {
  const parts: Uint8Array[] = [];
  const stream = createPngStream({ ...options, onChunk: (bytes) => parts.push(bytes.slice()) });
  for (const band of bands) await stream.pushRows(band);
  const summary = await stream.finish();
  return { png: Buffer.concat(parts), summary, calls: parts.length };
};

/** Splits rows of RGBA into bands of the given heights (the last takes the rest). */
export const splitRows = (rgba: Uint8Array, width: number, heights: readonly number[]): Uint8Array[] => {
  const bands: Uint8Array[] = [];
  let row = 0;
  const rows = rgba.length / (width * 4);
  for (const height of [...heights, rows]) {
    const take = Math.min(height, rows - row);
    if (take <= 0) break;
    bands.push(rgba.subarray(row * width * 4, (row + take) * width * 4));
    row += take;
  }
  return bands;
};

/** pngjs, an independent decoder, with CRC checks on; always answers RGBA. */
export const decodePng = (png: Buffer) => PNG.sync.read(png, { checkCRC: true });

export interface RawChunk {
  readonly type: string;
  readonly data: Buffer;
}

export const listChunks = (png: Buffer): RawChunk[] => {
  const chunks: RawChunk[] = [];
  for (let at = 8; at + 12 <= png.length; ) {
    const length = png.readUInt32BE(at);
    chunks.push({
      type: png.toString('latin1', at + 4, at + 8),
      data: png.subarray(at + 8, at + 8 + length),
    });
    at += 12 + length;
  }
  return chunks;
};

/**
 * Decodes a truecolour PNG row by row with Node's zlib and the specification's reconstruction
 * (PNG 9.2), calling `onRow` with each row's bytes: checks a huge image while holding only two rows.
 */
export const streamRows = async (
  png: Buffer,
  onRow: (y: number, row: Uint8Array) => void,
): Promise<{ width: number; height: number; rows: number }> => {
  const chunks = listChunks(png);
  const header = chunks[0]?.data;
  if (!header || chunks[0]?.type !== 'IHDR') throw new Error('no IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const bpp = header[9] === 2 ? 3 : 4;
  const stride = width * bpp + 1;
  let previous = new Uint8Array(stride - 1);
  let current = new Uint8Array(stride - 1);
  let filled = 0;
  let filter = -1;
  let rows = 0;
  const inflate = createInflate();
  const done = new Promise<void>((resolve, reject) => {
    inflate.on('end', resolve);
    inflate.on('error', reject);
  });
  inflate.on('data', (data: Buffer) => {
    for (let at = 0; at < data.length; ) {
      if (filter < 0) {
        filter = data[at++] as number;
        if (filter > 4) throw new Error(`bad filter type ${filter} on row ${rows}`);
        continue;
      }
      const take = Math.min(data.length - at, current.length - filled);
      current.set(data.subarray(at, at + take), filled);
      filled += take;
      at += take;
      if (filled < current.length) continue;
      reconstruct(filter, current, previous, bpp);
      onRow(rows++, current);
      [previous, current] = [current, previous];
      filled = 0;
      filter = -1;
    }
  });
  for (const chunk of chunks) if (chunk.type === 'IDAT') inflate.write(chunk.data);
  inflate.end();
  await done;
  return { width, height, rows };
};

const reconstruct = (filter: number, row: Uint8Array, previous: Uint8Array, bpp: number) => {
  const length = row.length;
  if (filter === 1) {
    for (let i = bpp; i < length; i++) row[i] = ((row[i] as number) + (row[i - bpp] as number)) & 0xff;
  } else if (filter === 2) {
    for (let i = 0; i < length; i++) row[i] = ((row[i] as number) + (previous[i] as number)) & 0xff;
  } else if (filter === 3) {
    for (let i = 0; i < length; i++) {
      const left = i >= bpp ? (row[i - bpp] as number) : 0;
      row[i] = ((row[i] as number) + ((left + (previous[i] as number)) >> 1)) & 0xff;
    }
  } else if (filter === 4) {
    for (let i = 0; i < length; i++) {
      const left = i >= bpp ? (row[i - bpp] as number) : 0;
      const up = previous[i] as number;
      const upLeft = i >= bpp ? (previous[i - bpp] as number) : 0;
      const p = left + up - upLeft;
      const pa = Math.abs(p - left);
      const pb = Math.abs(p - up);
      const pc = Math.abs(p - upLeft);
      row[i] = ((row[i] as number) + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft)) & 0xff;
    }
  }
};
