import { describe, expect, it } from 'vitest';
import { PNG_SIGNATURE } from '../poster/png-walk.ts';
import { type ByteSource, readPngHead } from './png-head.ts';
import { chunk, chunkOffset, decodes, posterPng } from './test-support/poster-png.ts';

/** A ByteSource over bytes that records what was read and can answer in short pieces. */
const sourceOf = (bytes: Uint8Array, maxPerRead = Number.POSITIVE_INFINITY) => {
  const reads: Array<{ offset: number; length: number }> = [];
  const source: ByteSource = {
    size: bytes.length,
    read: async (offset, length) => {
      reads.push({ offset, length });
      return bytes.slice(offset, Math.min(offset + length, offset + maxPerRead, bytes.length));
    },
  };
  const furthestRead = (): number =>
    Math.max(0, ...reads.map((r) => Math.min(r.offset + r.length, bytes.length)));
  return { source, reads, furthestRead };
};

const mapChunk = chunk(
  'iTXt',
  new TextEncoder().encode('application/vnd.journeywall.map+json\0\0\0\0\0{"map":1}'),
);

describe('readPngHead', () => {
  it('returns a poster’s signature and chunks up to, and not including, the first IDAT', async () => {
    const png = posterPng(64, 64, [mapChunk, chunk('tEXt', new TextEncoder().encode('Comment\0hello'))]);
    expect(decodes(png)).toBe(true);
    const idat = chunkOffset(png, 'IDAT');
    expect(idat).toBeGreaterThan(0);

    const head = await readPngHead(sourceOf(png).source, 1024 * 1024);

    expect(head.ok).toBe(true);
    if (!head.ok) return;
    expect(head.bytes.length).toBe(idat);
    expect(Buffer.from(head.bytes).equals(png.subarray(0, idat))).toBe(true);
    expect(Buffer.from(head.bytes).includes(Buffer.from('{"map":1}'))).toBe(true);
    expect(Buffer.from(head.bytes).includes(Buffer.from('IDAT'))).toBe(false);
  });

  it('reads little beyond the head of a large poster, whatever the image size', async () => {
    const png = posterPng(1200, 1200, [mapChunk]);
    expect(png.length).toBeGreaterThan(4 * 1024 * 1024);
    const { source, furthestRead } = sourceOf(png);
    const head = await readPngHead(source, 64 * 1024 * 1024);
    expect(head.ok && head.bytes.length).toBe(chunkOffset(png, 'IDAT'));
    expect(furthestRead()).toBeLessThanOrEqual(256 * 1024);
  });

  it('gives the same head when the source answers a few bytes at a time', async () => {
    const png = posterPng(16, 16, [mapChunk]);
    const head = await readPngHead(sourceOf(png, 3).source, 1024 * 1024);
    expect(head.ok && Buffer.from(head.bytes).equals(png.subarray(0, chunkOffset(png, 'IDAT')))).toBe(true);
  });

  it('refuses a head over the limit without reading past it, and accepts one exactly at it', async () => {
    const big = chunk('zTXt', new Uint8Array(50_000));
    const png = posterPng(16, 16, [big, mapChunk]);
    const idat = chunkOffset(png, 'IDAT');

    const { source, furthestRead } = sourceOf(png);
    expect(await readPngHead(source, 40_000)).toEqual({ ok: false, reason: 'too-large' });
    expect(furthestRead()).toBeLessThanOrEqual(40_000 + 8);

    const exact = await readPngHead(sourceOf(png).source, idat);
    expect(exact.ok && exact.bytes.length).toBe(idat);
    expect(await readPngHead(sourceOf(png).source, idat - 1)).toEqual({ ok: false, reason: 'too-large' });
  });

  it('says when the bytes are not a PNG at all', async () => {
    const text = new TextEncoder().encode('{"type":"journeywall-map"}');
    expect(await readPngHead(sourceOf(text).source, 1024)).toEqual({ ok: false, reason: 'not-png' });
    expect(await readPngHead(sourceOf(new Uint8Array(0)).source, 1024)).toEqual({
      ok: false,
      reason: 'not-png',
    });
  });

  it('hands over the whole of a truncated PNG that never reaches its image data', async () => {
    const png = posterPng(16, 16, [mapChunk]);
    const cut = png.subarray(0, chunkOffset(png, 'IDAT') - 5);
    const head = await readPngHead(sourceOf(cut).source, 1024 * 1024);
    expect(head.ok && Buffer.from(head.bytes).equals(cut)).toBe(true);
  });

  it('stops at IEND in a PNG without image data, ignoring anything after it', async () => {
    const ihdr = chunk('IHDR', new Uint8Array(13));
    const iend = chunk('IEND', new Uint8Array(0));
    const png = Buffer.concat([PNG_SIGNATURE, ihdr, mapChunk, iend, Buffer.from('trailing junk')]);
    const head = await readPngHead(sourceOf(png).source, 1024 * 1024);
    expect(head.ok && head.bytes.length).toBe(png.length - 'trailing junk'.length);
  });

  it('does not trust a chunk length that runs past the end of the file', async () => {
    const lying = Buffer.from(chunk('tEXt', new Uint8Array(4)));
    lying.writeUInt32BE(0xffffffff, 0);
    const png = Buffer.concat([PNG_SIGNATURE, chunk('IHDR', new Uint8Array(13)), lying]);
    const head = await readPngHead(sourceOf(png).source, 1024 * 1024);
    expect(head.ok && Buffer.from(head.bytes).equals(png)).toBe(true);
  });
});
