import { describe, expect, it } from 'vitest';
import { MAP_KEYWORD } from './png-chunks.ts';
import { readEmbeddedMap } from './png-embed.ts';
import { createPngStream, dpiToPixelsPerMetre } from './png-stream.ts';
import { decodePng, encodeBands, listChunks, splitRows } from './png-test-support.ts';
import { fixturePoster } from './poster-fixture.ts';

const width = 311;
const height = 203;
const poster = fixturePoster({ width, height, dpi: 72, seed: 7 });
const pixels = poster.band(0, height);
const unevenBands = splitRows(pixels, width, [1, 7, 64, 2]);

describe('encoding a poster in bands', () => {
  it('reads back pixel for pixel with an independent decoder', async () => {
    const { png } = await encodeBands({ width, height, dpi: 150 }, unevenBands);
    const decoded = decodePng(png);
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    expect(Buffer.compare(decoded.data, Buffer.from(pixels))).toBe(0);
  });

  it('reads back identically from the fflate compressor at every level, and as RGBA', async () => {
    const variants = [
      { engine: 'fflate' as const },
      { engine: 'fflate' as const, level: 0 as const },
      { engine: 'fflate' as const, level: 1 as const },
      { engine: 'fflate' as const, level: 9 as const },
      { color: 'rgba' as const },
      { color: 'rgba' as const, engine: 'fflate' as const },
    ];
    for (const variant of variants) {
      const { png } = await encodeBands({ width, height, dpi: 150, ...variant }, unevenBands);
      expect(Buffer.compare(decodePng(png).data, Buffer.from(pixels)), JSON.stringify(variant)).toBe(0);
    }
  });

  it('writes RGB by default, which is smaller than RGBA for the same opaque poster', async () => {
    const rgb = await encodeBands({ width, height, dpi: 150 }, unevenBands);
    const rgba = await encodeBands({ width, height, dpi: 150, color: 'rgba' }, unevenBands);
    expect(listChunks(rgb.png)[0]?.data[9]).toBe(2);
    expect(listChunks(rgba.png)[0]?.data[9]).toBe(6);
    expect(rgb.png.length).toBeLessThan(rgba.png.length);
  });

  it('composites translucent pixels over white paper in RGB, and keeps them in RGBA', async () => {
    // Four pixels: opaque red, half-transparent black, fully transparent blue, quarter-opaque green.
    const rgba = Uint8Array.of(255, 0, 0, 255, 0, 0, 0, 128, 0, 0, 255, 0, 0, 200, 0, 64);
    const rgb = await encodeBands({ width: 2, height: 2, dpi: 72 }, [rgba]);
    expect([...decodePng(rgb.png).data]).toEqual([
      255, 0, 0, 255, 127, 127, 127, 255, 255, 255, 255, 255, 191, 241, 191, 255,
    ]);
    expect(rgb.summary.translucentPixels).toBe(3);
    const kept = await encodeBands({ width: 2, height: 2, dpi: 72, color: 'rgba' }, [rgba]);
    expect([...decodePng(kept.png).data]).toEqual([...rgba]);
  });

  it('writes pHYs with the DPI in pixels per metre, so print dialogs print at paper size', async () => {
    // 72, 150 and 300 DPI are 2834.6, 5905.5 and 11811.02 pixels per metre.
    const expected = { 72: 2835, 150: 5906, 300: 11811 };
    for (const [dpi, perMetre] of Object.entries(expected)) {
      const { png } = await encodeBands({ width: 4, height: 1, dpi: Number(dpi) }, [
        new Uint8Array(16).fill(255),
      ]);
      const phys = listChunks(png).find((chunk) => chunk.type === 'pHYs');
      expect(phys?.data.length).toBe(9);
      expect([phys?.data.readUInt32BE(0), phys?.data.readUInt32BE(4), phys?.data[8]]).toEqual([
        perMetre,
        perMetre,
        1,
      ]);
      expect(dpiToPixelsPerMetre(Number(dpi))).toBe(perMetre);
    }
  });

  it('puts the map before the image data and keeps every IDAT chunk within its bound', async () => {
    const map = JSON.stringify({
      name: 'Onboarding — größer 🚀',
      notes: Array.from({ length: 50 }, (_, i) => `note ${i}`),
    });
    const { png } = await encodeBands(
      { width, height, dpi: 150, map, idatBytes: 1000, engine: 'fflate', level: 0 },
      unevenBands,
    );
    const chunks = listChunks(png);
    const types = chunks.map((chunk) => chunk.type);
    expect(types.slice(0, 3)).toEqual(['IHDR', 'pHYs', 'iTXt']);
    expect(types.at(-1)).toBe('IEND');
    const idats = chunks.filter((chunk) => chunk.type === 'IDAT');
    expect(idats.length).toBeGreaterThan(100);
    expect(types.slice(3, -1).every((type) => type === 'IDAT')).toBe(true);
    for (const idat of idats) expect(idat.data.length).toBeLessThanOrEqual(1000);
    expect(chunks[2]?.data.subarray(0, MAP_KEYWORD.length + 1).toString('latin1')).toBe(`${MAP_KEYWORD}\0`);
    expect(readEmbeddedMap(png)).toEqual({ ok: true, text: map });
    expect(Buffer.compare(decodePng(png).data, Buffer.from(pixels))).toBe(0);
  });

  it('emits the file as it goes, not all at the end', async () => {
    const chunks: string[] = [];
    let rowsWhenFirstIdat = -1;
    const stream = createPngStream({
      width,
      height,
      dpi: 72,
      engine: 'fflate',
      level: 0,
      idatBytes: 4096,
      onChunk: (bytes) => {
        const type = Buffer.from(bytes.subarray(4, 8)).toString('latin1');
        if (type === 'IDAT' && rowsWhenFirstIdat < 0) rowsWhenFirstIdat = stream.rowsWritten;
        chunks.push(type);
      },
    });
    for (const band of unevenBands) await stream.pushRows(band);
    expect(rowsWhenFirstIdat).toBeGreaterThan(0);
    expect(rowsWhenFirstIdat).toBeLessThan(height);
    await stream.finish();
    expect(chunks.at(-1)).toBe('IEND');
  });
});

describe('exports that must not be saved', () => {
  it('refuses to finish a cut-off image and writes no end chunk', async () => {
    const types: string[] = [];
    const stream = createPngStream({
      width,
      height,
      dpi: 72,
      onChunk: (bytes) => types.push(Buffer.from(bytes.subarray(4, 8)).toString('latin1')),
    });
    await stream.pushRows(unevenBands[0] ?? new Uint8Array());
    await expect(stream.finish()).rejects.toThrow('The image is incomplete: 1 of 203 rows were rendered');
    expect(types).not.toContain('IEND');
  });

  it('refuses bands that are not whole rows, too many rows, and pushes after the end', async () => {
    const stream = createPngStream({ width: 2, height: 2, dpi: 72, onChunk: () => undefined });
    await expect(stream.pushRows(new Uint8Array(12))).rejects.toThrow(
      'A band must hold whole rows of 2 RGBA pixels',
    );
    await expect(stream.pushRows(new Uint8Array(24))).rejects.toThrow(
      'Too many rows: the image is 2 rows tall, 3 were pushed',
    );
    await stream.pushRows(new Uint8Array(16).fill(255));
    await stream.finish();
    await expect(stream.pushRows(new Uint8Array(8))).rejects.toThrow('This PNG is already finished');
  });

  it('refuses a second push before the first has finished', async () => {
    const stream = createPngStream({ width, height, dpi: 72, engine: 'native', onChunk: () => undefined });
    const first = stream.pushRows(pixels);
    await expect(stream.pushRows(pixels)).rejects.toThrow(
      'pushRows was called before the previous push finished',
    );
    await first;
  });

  it('reports a blank image (one colour everywhere) and a failed tile (transparent pixels)', async () => {
    const blank = await encodeBands({ width: 50, height: 40, dpi: 72 }, [
      new Uint8Array(50 * 40 * 4).fill(255),
    ]);
    expect(blank.summary).toMatchObject({ uniform: true, translucentPixels: 0 });
    const drawn = await encodeBands({ width, height, dpi: 72 }, unevenBands);
    expect(drawn.summary).toMatchObject({ uniform: false, translucentPixels: 0, bytes: drawn.png.length });
    const failedTile = new Uint8Array(width * height * 4);
    failedTile.set(pixels.subarray(0, width * 100 * 4));
    const failed = await encodeBands({ width, height, dpi: 72 }, [failedTile]);
    expect(failed.summary.translucentPixels).toBe(width * (height - 100));
  });

  it('counts transparent pixels as the rows come, before the image is finished', async () => {
    const stream = createPngStream({ width, height, dpi: 72, onChunk: () => undefined });
    await stream.pushRows(pixels.subarray(0, width * 10 * 4));
    expect(stream.translucentPixels).toBe(0);
    await stream.pushRows(new Uint8Array(width * 5 * 4));
    expect(stream.translucentPixels).toBe(width * 5);
    stream.abort();
  });

  it('stops writing when cancelled', async () => {
    for (const engine of ['fflate', 'native'] as const) {
      let calls = 0;
      const stream = createPngStream({
        width,
        height,
        dpi: 72,
        engine,
        idatBytes: 512,
        onChunk: () => calls++,
      });
      await stream.pushRows(pixels.subarray(0, width * 100 * 4));
      stream.abort();
      const before = calls;
      await stream.pushRows(pixels.subarray(width * 100 * 4)).catch(() => undefined);
      await expect(stream.finish()).rejects.toThrow('This PNG is already aborted');
      expect(calls).toBe(before);
    }
  });

  it('refuses impossible sizes and DPI up front', () => {
    const onChunk = () => undefined;
    expect(() => createPngStream({ width: 0, height: 10, dpi: 72, onChunk })).toThrow(RangeError);
    expect(() => createPngStream({ width: 10, height: 2.5, dpi: 72, onChunk })).toThrow(RangeError);
    expect(() => createPngStream({ width: 10, height: 10, dpi: 0, onChunk })).toThrow(
      'DPI must be a positive number',
    );
  });
});
