/**
 * A small streaming PDF writer for office-printer pages: every page is one RGB image covering
 * the sheet exactly, at the poster's DPI, so "Actual size" in any print dialog prints the
 * pieces at poster scale. PDF rather than loose PNGs because a PDF carries its page size (image
 * viewers print PNGs "fit to page", which breaks the overlaps) and prints as one job.
 *
 * Written by hand because what is needed is small (PDF 1.4: catalog, pages, one image XObject
 * and one content stream per page, cross-reference table) and must stream: the JS PDF libraries
 * (jsPDF, pdf-lib) build the whole document in memory. Image data uses FlateDecode with the PNG
 * Up predictor, the same row filter as the PNG encoder (png-filter.ts).
 */
import { filterRowUp } from './png-filter.ts';

export interface PdfImagePage {
  /** The sheet in PostScript points (1/72 in). */
  readonly widthPt: number;
  readonly heightPt: number;
  /** The image in pixels. */
  readonly width: number;
  readonly height: number;
  /** zlib stream of the rows from `createRgbRowPredictor`. */
  readonly data: Uint8Array;
}

export interface PdfWriter {
  addImagePage(page: PdfImagePage): void;
  /** Writes the page tree, cross-reference table and trailer. */
  finish(): void;
  readonly pages: number;
}

/**
 * Turns RGBA rows (as read from a canvas) into RGB rows, each preceded by its PNG filter byte
 * (Up), which is what FlateDecode with /Predictor 15 expects. Alpha is dropped: pages are drawn
 * opaque. Fed an image's rows a band at a time, top to bottom, it keeps the row above the band
 * for the Up filter, so an image need never be read back whole.
 */
export const createRgbRowPredictor = (width: number) => {
  const rowBytes = width * 3;
  let previous = new Uint8Array(rowBytes);
  let current = new Uint8Array(rowBytes);
  return (rgba: Uint8Array | Uint8ClampedArray): Uint8Array => {
    const rows = Math.floor(rgba.length / (width * 4));
    const out = new Uint8Array((rowBytes + 1) * rows);
    for (let y = 0; y < rows; y++) {
      for (let x = 0, i = y * width * 4, o = 0; x < width; x++, i += 4, o += 3) {
        current[o] = rgba[i] as number;
        current[o + 1] = rgba[i + 1] as number;
        current[o + 2] = rgba[i + 2] as number;
      }
      filterRowUp(current, previous, out, y * (rowBytes + 1));
      [previous, current] = [current, previous];
    }
    return out;
  };
};

const encoder = new TextEncoder();

/** Points with at most three decimals: PDF reals take no exponent. */
const pt = (value: number): string => String(Math.round(value * 1000) / 1000);

export const createPdfWriter = (onBytes: (bytes: Uint8Array) => void): PdfWriter => {
  let position = 0;
  /** Byte offset of each object, by object number (0 is the free-list head). */
  const offsets: number[] = [0];
  const kids: number[] = [];
  let finished = false;

  const emit = (part: string | Uint8Array) => {
    const bytes = typeof part === 'string' ? encoder.encode(part) : part;
    position += bytes.length;
    onBytes(bytes);
  };
  const object = (number: number, body: string, stream?: Uint8Array) => {
    offsets[number] = position;
    emit(`${number} 0 obj\n${body}\n`);
    if (stream) {
      emit('stream\n');
      emit(stream);
      emit('\nendstream\n');
    }
    emit('endobj\n');
  };

  // The comment of high bytes tells transfer programs the file is binary.
  emit('%PDF-1.4\n');
  emit(Uint8Array.of(0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a));
  const CATALOG = 1;
  const PAGES = 2;
  object(CATALOG, `<< /Type /Catalog /Pages ${PAGES} 0 R >>`);
  let next = 3;

  return {
    get pages() {
      return kids.length;
    },
    addImagePage(page) {
      if (finished) throw new Error('The PDF is already finished');
      const image = next++;
      const content = next++;
      const pageObject = next++;
      object(
        image,
        `<< /Type /XObject /Subtype /Image /Width ${page.width} /Height ${page.height} /ColorSpace /DeviceRGB ` +
          `/BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors 3 /BitsPerComponent 8 ` +
          `/Columns ${page.width} >> /Length ${page.data.length} >>`,
        page.data,
      );
      const drawing = encoder.encode(`q ${pt(page.widthPt)} 0 0 ${pt(page.heightPt)} 0 0 cm /Im0 Do Q`);
      object(content, `<< /Length ${drawing.length} >>`, drawing);
      object(
        pageObject,
        `<< /Type /Page /Parent ${PAGES} 0 R /MediaBox [0 0 ${pt(page.widthPt)} ${pt(page.heightPt)}] ` +
          `/Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`,
      );
      kids.push(pageObject);
    },
    finish() {
      if (finished) throw new Error('The PDF is already finished');
      if (kids.length === 0) throw new Error('A PDF needs at least one page');
      finished = true;
      object(
        PAGES,
        `<< /Type /Pages /Kids [${kids.map((kid) => `${kid} 0 R`).join(' ')}] /Count ${kids.length} >>`,
      );
      const xref = position;
      const rows = offsets.map((offset, number) =>
        number === 0 ? '0000000000 65535 f \n' : `${String(offset).padStart(10, '0')} 00000 n \n`,
      );
      emit(`xref\n0 ${offsets.length}\n${rows.join('')}`);
      emit(`trailer\n<< /Size ${offsets.length} /Root ${CATALOG} 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
    },
  };
};
