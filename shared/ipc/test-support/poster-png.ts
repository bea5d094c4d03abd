/**
 * Test support: a real PNG (encoded by pngjs, an independent encoder) with an extra chunk
 * inserted after IHDR, before the image data, where a poster keeps its map.
 */
import CRC32 from 'crc-32';
import { PNG } from 'pngjs';

export const chunk = (type: string, data: Uint8Array): Buffer => {
  const typeBytes = Buffer.from(type, 'latin1');
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  typeBytes.copy(out, 4);
  out.set(data, 8);
  out.writeUInt32BE(CRC32.buf(data, CRC32.buf(typeBytes)) >>> 0, 8 + data.length);
  return out;
};

/** Offset of the first chunk of `type`, found by walking the chunks from the signature. */
export const chunkOffset = (png: Uint8Array, type: string): number => {
  const view = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  for (let at = 8; at + 8 <= view.length; at += 12 + view.readUInt32BE(at)) {
    if (view.toString('latin1', at + 4, at + 8) === type) return at;
  }
  return -1;
};

/** A width × height PNG of noise (so its IDAT is large) with `extra` chunks before the IDAT. */
export const posterPng = (width: number, height: number, extra: readonly Buffer[]): Buffer => {
  const image = new PNG({ width, height });
  // xorshift32: noise that deflate cannot shrink, from a fixed seed.
  let state = 0x9e3779b9;
  for (let i = 0; i < image.data.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    image.data[i] = state & 0xff;
  }
  const encoded = PNG.sync.write(image);
  const afterIhdr = 8 + 12 + encoded.readUInt32BE(8);
  return Buffer.concat([encoded.subarray(0, afterIhdr), ...extra, encoded.subarray(afterIhdr)]);
};

export const decodes = (png: Buffer): boolean => {
  try {
    PNG.sync.read(png, { checkCRC: true });
    return true;
  } catch {
    return false;
  }
};
