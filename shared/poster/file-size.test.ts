import { describe, expect, it } from 'vitest';
import { estimatePngBytes, formatBytes } from './file-size.ts';
import { pagePixels, paperById, type StandardPaperId } from './paper.ts';
import { createPngStream } from './png-stream.ts';
import { fixturePoster } from './poster-fixture.ts';

/** Encodes a fixture poster with the default settings; counts the pixels that are not paper. */
const encodeFixture = async (paper: StandardPaperId, dpi: number, density: number) => {
  const { width, height } = pagePixels(paperById(paper), 'landscape', dpi);
  const poster = fixturePoster({ width, height, dpi, density, seed: 9 });
  let bytes = 0;
  let drawnPixels = 0;
  const stream = createPngStream({
    width,
    height,
    dpi,
    engine: 'native',
    onChunk: (chunk) => (bytes += chunk.length),
  });
  for (let y = 0; y < height; y += 512) {
    const band = poster.band(y, Math.min(512, height - y));
    for (let i = 0; i < band.length; i += 4) {
      if (band[i] !== 255 || band[i + 1] !== 255 || band[i + 2] !== 255) drawnPixels++;
    }
    await stream.pushRows(band);
  }
  await stream.finish();
  return {
    bytes,
    estimate: estimatePngBytes({ pixels: width * height, drawnPixels, dpi }),
    fill: drawnPixels / (width * height),
  };
};

describe('estimating the file size', () => {
  const cases: [StandardPaperId, number, number][] = [
    ['a3', 72, 0],
    ['a3', 72, 0.3],
    ['a3', 72, 0.8],
    ['a4', 150, 0],
    ['a4', 150, 0.3],
    ['a4', 150, 0.8],
    ['a2', 150, 0.8],
    ['a4', 300, 0.3],
    ['a4', 300, 0.8],
  ];

  it('is within ±25% of real encodes when a fifth of the page is drawn, and at most 75% high below that', async () => {
    const report: string[] = [];
    for (const [paper, dpi, density] of cases) {
      const { bytes, estimate, fill } = await encodeFixture(paper, dpi, density);
      const error = estimate / bytes - 1;
      report.push(
        `${paper} ${dpi} DPI, ${Math.round(fill * 100)}% drawn: ${bytes} B, estimate ${estimate} B (${(error * 100).toFixed(0)}%)`,
      );
      if (fill >= 0.2) expect(Math.abs(error), report.at(-1)).toBeLessThan(0.25);
      else {
        expect(error, report.at(-1)).toBeGreaterThan(-0.3);
        expect(error, report.at(-1)).toBeLessThan(0.75);
      }
    }
    console.info(report.join('\n'));
  });

  it('grows with what is drawn and falls per pixel as the DPI rises', () => {
    const at = (dpi: number, drawnPixels: number) => estimatePngBytes({ pixels: 1e8, drawnPixels, dpi });
    expect(at(150, 2e7)).toBeGreaterThan(at(150, 1e7));
    const a1At150 = estimatePngBytes({ pixels: 3508 * 4967, drawnPixels: 3508 * 4967 * 0.4, dpi: 150 });
    const a1At300 = estimatePngBytes({ pixels: 7016 * 9933, drawnPixels: 7016 * 9933 * 0.4, dpi: 300 });
    expect(a1At300 / a1At150).toBeGreaterThan(1.5);
    expect(a1At300 / a1At150).toBeLessThan(4);
    expect(estimatePngBytes({ pixels: 100, drawnPixels: 0, dpi: 150, embeddedBytes: 5000 })).toBe(6024);
  });

  it('reads the way the dialog shows it', () => {
    expect(formatBytes(850_400)).toBe('850 KB');
    expect(formatBytes(120)).toBe('1 KB');
    expect(formatBytes(2_440_000)).toBe('2.4 MB');
    expect(formatBytes(58_340_000)).toBe('58 MB');
  });
});
