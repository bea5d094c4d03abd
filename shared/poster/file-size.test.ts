import { describe, expect, it } from 'vitest';
import { estimatePngBytes, formatBytes, SIZE_MODEL, textUnits } from './file-size.ts';
import { pagePixels, paperById, type StandardPaperId } from './paper.ts';
import { createPngStream } from './png-stream.ts';

/** Encodes a white page with the default settings, as the exporter would. */
const encodeBlank = async (paper: StandardPaperId, dpi: number) => {
  const { width, height } = pagePixels(paperById(paper), 'landscape', dpi);
  let bytes = 0;
  const stream = createPngStream({
    width,
    height,
    dpi,
    engine: 'native',
    onChunk: (chunk) => (bytes += chunk.length),
  });
  const rows = 256;
  const white = new Uint8Array(width * rows * 4).fill(255);
  for (let y = 0; y < height; y += rows) {
    await stream.pushRows(white.subarray(0, Math.min(rows, height - y) * width * 4));
  }
  await stream.finish();
  return { bytes, estimate: estimatePngBytes({ width, height, ink: { text: 0, edges: 0 } }) };
};

// What is drawn (text and outlines) is fitted to real exports of real maps, with the app's fonts,
// in Chromium: renderer/poster/poster-estimate.browser.test.ts checks it. Here, the paper.
describe('estimating the file size', () => {
  it('prices empty paper as the encoder packs it', async () => {
    const report: string[] = [];
    for (const [paper, dpi] of [
      ['a4', 72],
      ['a4', 150],
      ['a2', 150],
      ['a1', 150],
    ] as const) {
      const { bytes, estimate } = await encodeBlank(paper, dpi);
      const error = estimate / bytes - 1;
      report.push(
        `${paper} ${dpi} DPI, blank: ${bytes} B, estimate ${estimate} B (${(error * 100).toFixed(1)}%)`,
      );
      expect(Math.abs(error), report.at(-1)).toBeLessThan(0.05);
    }
    console.info(report.join('\n'));
  });

  it('grows with text, outlines and paper; text grows faster than its size', () => {
    const page = { width: 3508, height: 4967 };
    const at = (text: number, edges: number) => estimatePngBytes({ ...page, ink: { text, edges } });
    expect(at(1000, 0)).toBeGreaterThan(at(0, 0));
    expect(at(0, 1000)).toBeGreaterThan(at(0, 0));
    expect(at(1000, 0) - at(0, 0)).toBe(1000 * SIZE_MODEL.bytesPerCharacter);
    expect(textUnits(30, 10)).toBe(30);
    expect(textUnits(0, 10)).toBe(0);
    // The same line at twice the resolution: more than twice the bytes, less than four times.
    expect(textUnits(30, 20) / textUnits(30, 10)).toBeGreaterThan(2);
    expect(textUnits(30, 20) / textUnits(30, 10)).toBeLessThan(4);
    // The same poster at 300 instead of 150 DPI: more than twice the bytes, at most four times.
    const a1At150 = estimatePngBytes({ ...page, ink: { text: 20_000, edges: 200_000 } });
    const a1At300 = estimatePngBytes({
      width: 7016,
      height: 9933,
      ink: { text: 20_000 * 2 ** SIZE_MODEL.textExponent, edges: 400_000 },
    });
    expect(a1At300 / a1At150).toBeGreaterThan(2);
    expect(a1At300 / a1At150).toBeLessThan(4);
  });

  it('adds the embedded map as it is', () => {
    const ink = { text: 0, edges: 0 };
    const without = estimatePngBytes({ width: 10, height: 10, ink });
    expect(estimatePngBytes({ width: 10, height: 10, ink, embeddedBytes: 5000 })).toBe(without + 5000);
  });

  it('reads the way the dialog shows it', () => {
    expect(formatBytes(850_400)).toBe('850 KB');
    expect(formatBytes(120)).toBe('1 KB');
    expect(formatBytes(2_440_000)).toBe('2.4 MB');
    expect(formatBytes(58_340_000)).toBe('58 MB');
  });
});
