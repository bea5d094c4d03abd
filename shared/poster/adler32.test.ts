import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { adler32 } from './adler32.ts';

/** The checksum Node's zlib writes at the end of a zlib stream: an independent reference. */
const zlibTrailer = (bytes: Uint8Array): number => {
  const stream = deflateSync(bytes);
  return stream.readUInt32BE(stream.length - 4);
};

describe('adler32', () => {
  it('matches the published values', () => {
    expect(adler32(new Uint8Array(0))).toBe(1);
    expect(adler32(new TextEncoder().encode('Wikipedia'))).toBe(0x11e60398);
  });

  it('matches zlib on long runs, where the sums must be reduced', () => {
    for (const bytes of [new Uint8Array(100_000).fill(255), randomBytes(70_001), new Uint8Array(5553)]) {
      expect(adler32(bytes)).toBe(zlibTrailer(bytes));
    }
  });

  it('continues from a previous value as if the bytes were one', () => {
    const bytes = randomBytes(20_000);
    expect(adler32(bytes.subarray(7_000), adler32(bytes.subarray(0, 7_000)))).toBe(adler32(bytes));
  });
});
