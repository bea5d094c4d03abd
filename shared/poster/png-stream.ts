/**
 * A streaming PNG encoder for posters of any size. The caller pushes full-width bands of RGBA
 * rows as it renders them; each row is filtered, deflated (see zlib-sink.ts) and written out
 * through `onChunk` in IDAT chunks of bounded size, so memory stays around one band no matter
 * how large the image is. The embedded map (iTXt) and the print resolution (pHYs) are written
 * before the pixels, so readers find the map without walking the image data.
 *
 * Filtering runs on the caller's thread, and with the fflate engine deflate does too (about
 * 20 Mpx/s): on the main thread, push a few hundred rows at a time and yield between pushes, or
 * run the encoder in a worker.
 */
import { zlibSync } from 'fflate';
import { encodeChunk, isValidKeyword, latin1Bytes, MAP_KEYWORD, PNG_MAX_INT } from './png-chunks.ts';
import { filterRowUp } from './png-filter.ts';
import { PNG_SIGNATURE } from './png-walk.ts';
import { createZlibSink, type DeflateLevel, type ZlibEngine } from './zlib-sink.ts';

/**
 * Measured on synthetic journey maps (poster-fixture.ts): RGB files are 5–10% smaller than RGBA
 * and a quarter less data to filter and deflate. The native engine is what the app exports with;
 * fflate is for a platform without CompressionStream.
 */
export const PNG_DEFAULTS = {
  color: 'rgb',
  engine: 'native',
  level: 6,
  idatBytes: 256 * 1024,
} as const satisfies {
  color: PngColor;
  engine: ZlibEngine;
  level: DeflateLevel;
  idatBytes: number;
};

/**
 * `rgb` drops the alpha channel (a quarter of the raw data), compositing any translucent pixel
 * over white: posters are printed on white paper. `rgba` keeps alpha as rendered.
 */
export type PngColor = 'rgb' | 'rgba';

export interface PngStreamOptions {
  readonly width: number;
  readonly height: number;
  /** Written to pHYs so print dialogs print the image at its paper size. */
  readonly dpi: number;
  /** Receives the PNG's bytes in order; each call is one whole chunk (or the signature). */
  readonly onChunk: (bytes: Uint8Array) => void;
  /** The .cxmap text to embed, compressed, in an iTXt chunk keyed by MAP_KEYWORD. */
  readonly map?: string;
  readonly color?: PngColor;
  readonly engine?: ZlibEngine;
  /** fflate's level; the native engine always uses zlib's default (6). */
  readonly level?: DeflateLevel;
  /** Upper bound of each IDAT chunk's data. */
  readonly idatBytes?: number;
}

export interface PngSummary {
  /** Bytes passed to onChunk in total. */
  readonly bytes: number;
  /** Every pixel had the same colour: an export that came out blank. */
  readonly uniform: boolean;
  /**
   * Pixels that were not fully opaque. The renderer paints an opaque background, so these
   * point at a tile that failed to draw (a canvas over its limit reads back as transparent).
   */
  readonly translucentPixels: number;
}

export interface PngStream {
  /**
   * Encodes whole rows of RGBA pixels (width * 4 bytes each), top to bottom, any number at a
   * time. Await each push before the next: that is the backpressure that bounds memory.
   */
  pushRows(rgba: Uint8Array | Uint8ClampedArray): Promise<void>;
  /** Ends the image; rejects if fewer rows than `height` were pushed, so a cut-off export is never saved. */
  finish(): Promise<PngSummary>;
  /** Cancels: nothing more reaches onChunk. */
  abort(): void;
  readonly rowsWritten: number;
  /** Pixels pushed so far that were not fully opaque, so a failed tile is caught at its band. */
  readonly translucentPixels: number;
}

const METRES_PER_INCH = 0.0254;

/** pHYs stores pixels per metre as an integer; 300 DPI is 11811. */
export const dpiToPixelsPerMetre = (dpi: number): number => Math.round(dpi / METRES_PER_INCH);

/** Filtered rows are handed to deflate in batches of about this many bytes. */
const DEFLATE_BATCH = 64 * 1024;

export const createPngStream = (options: PngStreamOptions): PngStream => {
  const { width, height, dpi, onChunk } = options;
  const color = options.color ?? PNG_DEFAULTS.color;
  const idatBytes = options.idatBytes ?? PNG_DEFAULTS.idatBytes;
  checkOptions(width, height, dpi, idatBytes);

  const bpp = color === 'rgb' ? 3 : 4;
  const inputRowBytes = width * 4;
  const rowBytes = width * bpp;
  let bytesOut = 0;
  let state: 'open' | 'busy' | 'finished' | 'aborted' = 'open';
  const emit = (bytes: Uint8Array) => {
    if (state === 'aborted') return;
    bytesOut += bytes.length;
    onChunk(bytes);
  };

  emit(PNG_SIGNATURE);
  emit(encodeChunk('IHDR', ihdr(width, height, color)));
  emit(encodeChunk('pHYs', phys(dpi)));
  if (options.map !== undefined) emit(encodeChunk('iTXt', itxt(MAP_KEYWORD, options.map)));

  const idat = new Uint8Array(idatBytes);
  let idatLength = 0;
  const flushIdat = () => {
    if (idatLength === 0) return;
    emit(encodeChunk('IDAT', idat.subarray(0, idatLength)));
    idatLength = 0;
  };
  const sink = createZlibSink(
    options.engine ?? PNG_DEFAULTS.engine,
    options.level ?? PNG_DEFAULTS.level,
    (data) => {
      for (let offset = 0; offset < data.length; ) {
        const take = Math.min(idatBytes - idatLength, data.length - offset);
        idat.set(data.subarray(offset, offset + take), idatLength);
        idatLength += take;
        offset += take;
        if (idatLength === idatBytes) flushIdat();
      }
    },
  );

  let current = new Uint8Array(rowBytes);
  let previous = new Uint8Array(rowBytes);
  const batch = new Uint8Array(Math.max(DEFLATE_BATCH, rowBytes + 1));
  let batchLength = 0;
  let rowsWritten = 0;
  const pixels = new PixelCheck(bpp);

  /** Filters one row into the batch; returns the batch to deflate first when it is full. */
  const filterInto = (rgba: Uint8Array | Uint8ClampedArray, start: number): Promise<void> | undefined => {
    let written: Promise<void> | undefined;
    if (batchLength + rowBytes + 1 > batch.length) {
      written = sink.write(batch.subarray(0, batchLength));
      batchLength = 0;
    }
    pixels.convert(rgba, start, width, current);
    filterRowUp(current, previous, batch, batchLength);
    batchLength += rowBytes + 1;
    [previous, current] = [current, previous];
    rowsWritten++;
    return written;
  };

  const enter = (action: string) => {
    if (state === 'busy') throw new Error(`${action} was called before the previous push finished`);
    if (state !== 'open') throw new Error(`This PNG is already ${state}`);
    state = 'busy';
  };

  return {
    get rowsWritten() {
      return rowsWritten;
    },
    get translucentPixels() {
      return pixels.translucent;
    },
    async pushRows(rgba) {
      enter('pushRows');
      try {
        if (rgba.length % inputRowBytes !== 0) {
          throw new RangeError(
            `A band must hold whole rows of ${width} RGBA pixels (${inputRowBytes} bytes each)`,
          );
        }
        const rows = rgba.length / inputRowBytes;
        if (rowsWritten + rows > height) {
          throw new RangeError(
            `Too many rows: the image is ${height} rows tall, ${rowsWritten + rows} were pushed`,
          );
        }
        for (let row = 0; row < rows; row++) {
          const written = filterInto(rgba, row * inputRowBytes);
          if (written) await written;
          if (state === 'aborted') return;
        }
      } finally {
        if (state === 'busy') state = 'open';
      }
    },
    async finish() {
      enter('finish');
      if (rowsWritten !== height) {
        state = 'open';
        throw new Error(`The image is incomplete: ${rowsWritten} of ${height} rows were rendered`);
      }
      await sink.write(batch.subarray(0, batchLength));
      await sink.end();
      if (state === 'aborted') throw new Error('The export was cancelled');
      flushIdat();
      emit(encodeChunk('IEND', new Uint8Array(0)));
      state = 'finished';
      return { bytes: bytesOut, uniform: pixels.uniform, translucentPixels: pixels.translucent };
    },
    abort() {
      if (state === 'finished' || state === 'aborted') return;
      state = 'aborted';
      sink.abort();
    },
  };
};

const checkOptions = (width: number, height: number, dpi: number, idatBytes: number) => {
  for (const [name, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > PNG_MAX_INT) {
      throw new RangeError(
        `PNG ${name} must be a whole number of pixels from 1 to ${PNG_MAX_INT}, got ${value}`,
      );
    }
  }
  if (!Number.isFinite(dpi) || dpi <= 0) throw new RangeError(`DPI must be a positive number, got ${dpi}`);
  if (!Number.isInteger(idatBytes) || idatBytes < 1 || idatBytes > PNG_MAX_INT) {
    throw new RangeError(`IDAT size must be a whole number of bytes, got ${idatBytes}`);
  }
};

const ihdr = (width: number, height: number, color: PngColor): Uint8Array => {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data[8] = 8; // bit depth
  data[9] = color === 'rgb' ? 2 : 6; // colour type: truecolour, or truecolour with alpha
  // compression 0, filter method 0 and interlace 0 (none) stay zero.
  return data;
};

const phys = (dpi: number): Uint8Array => {
  const data = new Uint8Array(9);
  const view = new DataView(data.buffer);
  const perMetre = dpiToPixelsPerMetre(dpi);
  view.setUint32(0, perMetre);
  view.setUint32(4, perMetre);
  data[8] = 1; // unit: metre
  return data;
};

/** keyword, NUL, compressed (1), method 0 (zlib), empty language tag and translated keyword, text. */
const itxt = (keyword: string, text: string): Uint8Array => {
  if (!isValidKeyword(keyword)) throw new Error(`Invalid PNG keyword "${keyword}"`);
  const head = latin1Bytes(keyword);
  const compressed = zlibSync(new TextEncoder().encode(text), { level: 9 });
  const data = new Uint8Array(head.length + 5 + compressed.length);
  data.set(head, 0);
  data.set([0, 1, 0, 0, 0], head.length);
  data.set(compressed, head.length + 5);
  return data;
};

/**
 * Converts input rows to the output colour type and watches for signs of a failed render: an
 * image of one colour, or pixels that are not opaque.
 */
class PixelCheck {
  uniform = true;
  translucent = 0;
  /** The first output pixel, packed. */
  private first: number | undefined;

  constructor(private readonly bpp: number) {}

  /** Converts the row starting at byte `start` of `rgba` into `out`. */
  convert(rgba: Uint8Array | Uint8ClampedArray, start: number, width: number, out: Uint8Array): void {
    for (let x = 0, i = start, o = 0; x < width; x++, i += 4, o += this.bpp) {
      let r = rgba[i] as number;
      let g = rgba[i + 1] as number;
      let b = rgba[i + 2] as number;
      const a = rgba[i + 3] as number;
      if (a !== 255) {
        this.translucent++;
        if (this.bpp === 3) {
          // Over white paper: 255 - (255 - c) * alpha.
          r = 255 - Math.round(((255 - r) * a) / 255);
          g = 255 - Math.round(((255 - g) * a) / 255);
          b = 255 - Math.round(((255 - b) * a) / 255);
        }
      }
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
      if (this.bpp === 4) out[o + 3] = a;
      if (this.uniform) {
        const pixel = ((this.bpp === 4 ? a : 0) * 0x1000000 + (r << 16)) | (g << 8) | b;
        if (this.first === undefined) this.first = pixel;
        else if (pixel !== this.first) this.uniform = false;
      }
    }
  }
}
