import { inflateSync } from 'node:zlib';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createPdfWriter, createRgbRowPredictor } from './pdf-pages.ts';

/** A w × h RGBA image whose every pixel has its own colour. */
const gradient = (width: number, height: number, seed: number) => {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.set([(i * 7 + seed) & 255, (i * 13) & 255, (i >> 3) & 255, 255], i * 4);
  }
  return rgba;
};

/** An image's predicted rows, produced `band` rows at a time as the sheet renderer reads them back. */
const predictedInBands = (rgba: Uint8Array, width: number, band: number) => {
  const predict = createRgbRowPredictor(width);
  const parts: Uint8Array[] = [];
  for (let at = 0; at < rgba.length; at += width * 4 * band) {
    parts.push(predict(rgba.subarray(at, at + width * 4 * band)));
  }
  return Buffer.concat(parts);
};

const write = (pages: { width: number; height: number; rgba: Uint8Array }[]) => {
  const parts: Uint8Array[] = [];
  const writer = createPdfWriter((bytes) => parts.push(bytes));
  for (const page of pages) {
    writer.addImagePage({
      widthPt: (page.width * 72) / 150,
      heightPt: (page.height * 72) / 150,
      width: page.width,
      height: page.height,
      data: zlibSync(predictedInBands(page.rgba, page.width, 5)),
    });
  }
  writer.finish();
  return Buffer.concat(parts);
};

/** Undoes the PNG Up predictor (PDF /Predictor 15) row by row, as a PDF reader does. */
const unpredict = (data: Uint8Array, width: number, height: number) => {
  const rowBytes = width * 3;
  const out = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (rowBytes + 1)];
    if (filter !== 2) throw new Error(`row ${y} uses filter ${filter}`);
    for (let i = 0; i < rowBytes; i++) {
      const up = y > 0 ? (out[(y - 1) * rowBytes + i] as number) : 0;
      out[y * rowBytes + i] = ((data[y * (rowBytes + 1) + 1 + i] as number) + up) & 255;
    }
  }
  return out;
};

describe('print pages as a PDF', () => {
  const pages = [
    { width: 31, height: 17, rgba: gradient(31, 17, 1) },
    { width: 20, height: 40, rgba: gradient(20, 40, 2) },
  ];
  const pdf = write(pages);
  const text = pdf.toString('latin1');

  it('has a cross-reference table whose every offset points at its object', () => {
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const [, count] = /^xref\n0 (\d+)\n/.exec(text.slice(startxref)) ?? [];
    const rows = text
      .slice(startxref)
      .split('\n')
      .slice(2, 2 + Number(count));
    expect(rows[0]).toBe('0000000000 65535 f ');
    rows.slice(1).forEach((row, index) => {
      const offset = Number(row.slice(0, 10));
      expect(text.slice(offset, offset + 12), `object ${index + 1}`).toMatch(
        new RegExp(`^${index + 1} 0 obj\\n`),
      );
    });
    expect(text).toMatch(/trailer\n<< \/Size \d+ \/Root 1 0 R >>/);
  });

  it('has one page per sheet, each the sheet’s size in points with its image over all of it', () => {
    expect(text).toContain('/Type /Pages /Kids [5 0 R 8 0 R] /Count 2');
    expect(text).toContain('/MediaBox [0 0 14.88 8.16]');
    expect(text).toContain('q 14.88 0 0 8.16 0 0 cm /Im0 Do Q');
    expect(text).toContain('/MediaBox [0 0 9.6 19.2]');
  });

  it('holds each image pixel for pixel, as RGB, though its rows were predicted a band at a time', () => {
    const streams = [...text.matchAll(/\/Width (\d+) \/Height (\d+) [\s\S]*?\/Length (\d+) >>\nstream\n/g)];
    expect(streams).toHaveLength(2);
    streams.forEach((match, index) => {
      const page = pages[index];
      if (!page || match.index === undefined) throw new Error('missing page');
      const start = match.index + match[0].length;
      const data = inflateSync(pdf.subarray(start, start + Number(match[3])));
      const rgb = unpredict(data, page.width, page.height);
      const expected = page.rgba.filter((_, i) => i % 4 !== 3);
      expect(Buffer.compare(Buffer.from(rgb), Buffer.from(expected))).toBe(0);
    });
  });

  it('refuses to finish without pages or to add pages after finishing', () => {
    expect(() => createPdfWriter(() => {}).finish()).toThrow('at least one page');
    const writer = createPdfWriter(() => {});
    writer.addImagePage({ widthPt: 1, heightPt: 1, width: 1, height: 1, data: zlibSync(new Uint8Array(4)) });
    writer.finish();
    expect(() => writer.finish()).toThrow('already finished');
  });
});
