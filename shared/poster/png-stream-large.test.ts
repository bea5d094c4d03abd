import { describe, expect, it } from 'vitest';
import { createPngStream } from './png-stream.ts';
import { streamRows } from './png-test-support.ts';
import { fixturePoster } from './poster-fixture.ts';
import { CANVAS_LIMITS, copyTileIntoBand, planBands } from './tiles.ts';

const MB = 1024 * 1024;

describe('a poster larger than any canvas', () => {
  it('streams 20000 × 14000 pixels through bounded memory and decodes to exactly those rows', async () => {
    const width = 20_000;
    const height = 14_000;
    expect(width * height).toBeGreaterThan(CANVAS_LIMITS.maxPixels);
    const bands = planBands({ width, height }, { maxBandBytes: 16 * MB });
    const bandRows = bands[0]?.height ?? 0;
    // One band's worth of poster: the encoder does the same work per pixel whatever they are.
    const source = fixturePoster({ width, height: bandRows, dpi: 72, seed: 11 }).band(0, bandRows);

    const parts: Uint8Array[] = [];
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakBuffers = before.arrayBuffers;
    let bytesWhileRendering = 0;
    let encodeMs = 0;
    const stream = createPngStream({
      width,
      height,
      dpi: 72,
      engine: 'native',
      map: '{"name":"huge"}',
      onChunk: (bytes) => parts.push(bytes.slice()),
    });
    // Assemble one band from its canvas-sized tiles, as the renderer does, and feed it for every band.
    const band = new Uint8Array(width * bandRows * 4);
    for (const tile of bands[0]?.tiles ?? []) {
      const pixels = new Uint8Array(tile.width * bandRows * 4);
      for (let row = 0; row < bandRows; row++) {
        const from = (row * width + tile.x) * 4;
        pixels.set(source.subarray(from, from + tile.width * 4), row * tile.width * 4);
      }
      copyTileIntoBand(band, width, pixels, tile.x, tile.width);
    }
    expect(Buffer.compare(band, source)).toBe(0);
    const started = performance.now();
    for (const { height: rows } of bands) {
      await stream.pushRows(band.subarray(0, rows * width * 4));
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakBuffers = Math.max(peakBuffers, usage.arrayBuffers);
    }
    encodeMs = performance.now() - started;
    bytesWhileRendering = parts.reduce((sum, part) => sum + part.length, 0);
    const summary = await stream.finish();

    const fullImage = width * height * 3;
    expect(summary.uniform).toBe(false);
    // The file came out as the bands went in, not at the end.
    expect(bytesWhileRendering).toBeGreaterThan(summary.bytes * 0.9);
    // The whole image would be 840 MB as RGB; the encoder never holds more than a band.
    expect(peakRss - before.rss).toBeLessThan(fullImage / 4);
    expect(peakBuffers - before.arrayBuffers).toBeLessThan(fullImage / 8);

    const png = Buffer.concat(parts);
    parts.length = 0;
    let mismatches = 0;
    const decodeStarted = performance.now();
    const decoded = await streamRows(png, (y, row) => {
      const from = (y % bandRows) * width * 4;
      for (let x = 0; x < width; x += 97) {
        const i = from + x * 4;
        if (row[x * 3] !== source[i] || row[x * 3 + 1] !== source[i + 1] || row[x * 3 + 2] !== source[i + 2])
          mismatches++;
      }
    });
    expect(decoded).toEqual({ width, height, rows: height });
    expect(mismatches).toBe(0);
    console.info(
      `20000 × 14000: encoded in ${Math.round(encodeMs)} ms, ${(summary.bytes / MB).toFixed(1)} MB, ` +
        `peak RSS +${Math.round((peakRss - before.rss) / MB)} MB; decoded in ${Math.round(performance.now() - decodeStarted)} ms`,
    );
  }, 60_000);
});
