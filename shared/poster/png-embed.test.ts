import { constants, createDeflate, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import type { FlateStreamHandler } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { encodeChunk, MAP_KEYWORD } from './png-chunks.ts';
import { EMBED_MESSAGES, MAX_EMBEDDED_MAP_BYTES, readEmbeddedMap } from './png-embed.ts';
import { encodeBands, listChunks } from './png-test-support.ts';
import { fixturePoster } from './poster-fixture.ts';

/** Bytes fflate's inflater has produced, to see where a reader stopped a compression bomb. */
const inflated = vi.hoisted(() => ({ bytes: 0 }));
vi.mock('fflate', async (importOriginal) => {
  const fflate = await importOriginal<typeof import('fflate')>();
  class CountingUnzlib extends fflate.Unzlib {
    constructor(onData: FlateStreamHandler) {
      super((data, final) => {
        inflated.bytes += data.length;
        onData(data, final);
      });
    }
  }
  return { ...fflate, Unzlib: CountingUnzlib };
});

const width = 64;
const height = 48;
const band = fixturePoster({ width, height, dpi: 72, seed: 3 }).band(0, height);
const MAP = JSON.stringify({
  formatVersion: 1,
  name: 'Checkout journey — Zürich workshop 🚀',
  records: Array.from({ length: 40 }, (_, i) => ({ id: `note-${i}`, text: `Waits ${i} days for a reply` })),
});

const posterWith = async (map?: string) =>
  (
    await encodeBands({ width, height, dpi: 150, idatBytes: 2048, ...(map === undefined ? {} : { map }) }, [
      band,
    ])
  ).png;

/** A PNG from our encoder (no map) with `chunk` spliced in right after IHDR. */
const withChunkAfterHeader = async (chunk: Uint8Array) => {
  const png = await posterWith();
  return Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]);
};

/** iTXt data for our keyword with the given flag, method and body, and a valid CRC. */
const itxtChunk = (body: Uint8Array, compressed = 1, method = 0) =>
  encodeChunk(
    'iTXt',
    Buffer.concat([Buffer.from(`${MAP_KEYWORD}\0`, 'latin1'), Buffer.from([compressed, method, 0, 0]), body]),
  );

/** Where the first chunk of `type` starts in the file. */
const chunkOffset = (png: Buffer, type: string) => {
  for (let at = 8; at + 12 <= png.length; at += 12 + png.readUInt32BE(at)) {
    if (png.toString('latin1', at + 4, at + 8) === type) return at;
  }
  throw new Error(`no ${type}`);
};

const flip = (bytes: Buffer, at: number, mask: number) => {
  bytes[at] = (bytes[at] ?? 0) ^ mask;
};

describe('reading the map back from a poster', () => {
  it('returns exactly the text that was embedded', async () => {
    expect(readEmbeddedMap(await posterWith(MAP))).toEqual({ ok: true, text: MAP });
  });

  it('reads a large map (1 MB of JSON)', async () => {
    const big = JSON.stringify({
      notes: Array.from({ length: 20_000 }, (_, i) => ({ id: i, text: `note text ${i * 7919}` })),
    });
    expect(big.length).toBeGreaterThan(500_000);
    expect(readEmbeddedMap(await posterWith(big))).toEqual({ ok: true, text: big });
  });

  it('reads the map from a Node Buffer that is a slice of a larger allocation', async () => {
    const png = await posterWith(MAP);
    const pool = Buffer.concat([Buffer.alloc(13, 7), png, Buffer.alloc(5)]);
    expect(readEmbeddedMap(pool.subarray(13, 13 + png.length))).toEqual({ ok: true, text: MAP });
  });

  it('still reads the map when the picture data is damaged (only the map chunk is checked)', async () => {
    const png = await posterWith(MAP);
    flip(png, chunkOffset(png, 'IDAT') + 20, 0xff);
    expect(readEmbeddedMap(png)).toEqual({ ok: true, text: MAP });
  });

  it('reads an uncompressed iTXt too', async () => {
    expect(readEmbeddedMap(await withChunkAfterHeader(itxtChunk(Buffer.from(MAP), 0)))).toEqual({
      ok: true,
      text: MAP,
    });
  });
});

describe('posters without a readable map say why, and never throw', () => {
  it('a PNG without our chunk, or with another iTXt, has no map', async () => {
    expect(readEmbeddedMap(await posterWith())).toEqual({
      ok: false,
      error: 'This PNG has no Journeywall map inside.',
    });
    const other = encodeChunk('iTXt', Buffer.from('application/vnd.excalidraw+json\0\0\0\0\0{}', 'latin1'));
    expect(readEmbeddedMap(await withChunkAfterHeader(other))).toEqual({
      ok: false,
      error: EMBED_MESSAGES.noMap,
    });
  });

  it('a file that is not a PNG', () => {
    expect(readEmbeddedMap(new TextEncoder().encode('{"formatVersion":1}'))).toEqual({
      ok: false,
      error: 'This file is not a PNG image.',
    });
    expect(readEmbeddedMap(new Uint8Array(0))).toEqual({ ok: false, error: EMBED_MESSAGES.notPng });
  });

  it('a flipped byte in the map fails its checksum', async () => {
    const png = await posterWith(MAP);
    flip(png, chunkOffset(png, 'iTXt') + 60, 0x01);
    expect(readEmbeddedMap(png)).toEqual({
      ok: false,
      error:
        'The map inside this poster is damaged: its checksum does not match, so some bytes have changed.',
    });
  });

  it('a map whose zlib data changed under a valid chunk CRC fails its Adler-32, not "ends early"', async () => {
    const stream = deflateSync(Buffer.from(MAP));
    const CHANGED = {
      ok: false,
      error:
        'The map inside this poster is damaged: its checksum does not match, so some bytes have changed.',
    };
    const wrongTrailer = Buffer.from(stream);
    flip(wrongTrailer, wrongTrailer.length - 1, 0x01);
    expect(readEmbeddedMap(await withChunkAfterHeader(itxtChunk(wrongTrailer)))).toEqual(CHANGED);
    // A stored (uncompressed) deflate block: a changed byte still inflates, to different text.
    const stored = deflateSync(Buffer.from(MAP), { level: 0 });
    flip(stored, 20, 0x01);
    expect(readEmbeddedMap(await withChunkAfterHeader(itxtChunk(stored)))).toEqual(CHANGED);
  });

  it('a file cut short says where: before, inside or after the map', async () => {
    const png = await posterWith(MAP);
    const itxt = chunkOffset(png, 'iTXt');
    const itxtEnd = itxt + 12 + png.readUInt32BE(itxt);
    for (let length = 0; length <= png.length; length++) {
      const result = readEmbeddedMap(png.subarray(0, length));
      if (length < 8) expect(result).toEqual({ ok: false, error: EMBED_MESSAGES.notPng });
      else if (length < itxt + 8 + MAP_KEYWORD.length + 1)
        expect(result).toEqual({ ok: false, error: EMBED_MESSAGES.noMap });
      else if (length < itxtEnd) {
        expect(result).toEqual({
          ok: false,
          error: 'The map inside this poster is damaged: the file ends before the map does.',
        });
      } else expect(result).toEqual({ ok: true, text: MAP });
    }
  });

  it('data that does not decompress, or is not UTF-8, or has a bad header', async () => {
    const garbage = await withChunkAfterHeader(
      itxtChunk(Buffer.from([0x78, 0x9c, 0xff, 0xff, 0xff, 0x00, 0x01, 0x02, 0x03])),
    );
    expect(readEmbeddedMap(garbage)).toEqual({
      ok: false,
      error: 'The map inside this poster is damaged: it could not be decompressed.',
    });
    const cut = deflateSync(Buffer.from(MAP)).subarray(0, 30);
    expect(readEmbeddedMap(await withChunkAfterHeader(itxtChunk(cut)))).toMatchObject({ ok: false });
    const latin1 = await withChunkAfterHeader(itxtChunk(deflateSync(Buffer.from([0x7b, 0xe9, 0x7d]))));
    expect(readEmbeddedMap(latin1)).toEqual({
      ok: false,
      error: 'The map inside this poster is damaged: its text is not valid UTF-8.',
    });
    const method = await withChunkAfterHeader(itxtChunk(deflateSync(Buffer.from(MAP)), 1, 8));
    expect(readEmbeddedMap(method)).toEqual({
      ok: false,
      error: 'The map inside this poster is damaged: its header is not valid.',
    });
    expect(readEmbeddedMap(await withChunkAfterHeader(itxtChunk(new Uint8Array(0))))).toEqual({
      ok: false,
      error: 'The map inside this poster is damaged: its compressed data ends early.',
    });
  });

  it('stops inflating a compression bomb (1 GB of zeros in 1 MB) just past the limit, without filling memory', async () => {
    const bomb = await new Promise<Buffer>((resolve) => {
      const deflate = createDeflate({ level: 9, strategy: constants.Z_RLE });
      const parts: Buffer[] = [];
      deflate.on('data', (part: Buffer) => parts.push(part));
      deflate.on('end', () => resolve(Buffer.concat(parts)));
      const zeros = Buffer.alloc(1 << 20);
      for (let i = 0; i < 1024; i++) deflate.write(zeros);
      deflate.end();
    });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const png = await withChunkAfterHeader(itxtChunk(bomb));
    const before = process.memoryUsage();
    inflated.bytes = 0;
    const result = readEmbeddedMap(png);
    const after = process.memoryUsage();
    expect(result).toEqual({
      ok: false,
      error: 'The map inside this poster is larger than 50 MB, so Journeywall will not open it.',
    });
    // It stops just past 50 MB of output (one step of input more at most); the bomb holds 1024 MB.
    expect(inflated.bytes).toBeGreaterThan(MAX_EMBEDDED_MAP_BYTES);
    expect(inflated.bytes).toBeLessThan(MAX_EMBEDDED_MAP_BYTES + 16 * 1024 * 1024);
    expect(after.rss - before.rss).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses an uncompressed map over the limit', async () => {
    const huge = await withChunkAfterHeader(itxtChunk(new Uint8Array(50 * 1024 * 1024 + 1).fill(0x20), 0));
    expect(readEmbeddedMap(huge)).toEqual({ ok: false, error: EMBED_MESSAGES.tooLarge });
  });

  it('random damage anywhere never throws, and never yields a different map', async () => {
    const png = await posterWith(MAP);
    const chunkCount = listChunks(png).length;
    expect(chunkCount).toBeGreaterThan(3);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ at: fc.nat({ max: png.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        fc.option(fc.nat({ max: png.length }), { nil: undefined }),
        (edits, cut) => {
          const damaged = Buffer.from(png);
          for (const { at, value } of edits) damaged[at] = value;
          const result = readEmbeddedMap(cut === undefined ? damaged : damaged.subarray(0, cut));
          if (result.ok) expect(result.text).toBe(MAP);
          else
            expect(result.error).toMatch(
              /^(This PNG has no Journeywall map inside\.|The map inside this poster is|This file is not a PNG image\.)/,
            );
        },
      ),
      { numRuns: 3000 },
    );
  });
});
