/**
 * Estimates a poster's PNG size for the export dialog, before anything is rendered.
 *
 * With the default encoder (RGB, Up filter, deflate level 6) a poster's bytes come from three
 * places. Empty paper: a white row filters to zeros, which deflate packs about 1000:1, so even
 * a blank page costs 3 bytes per thousand pixels (an A0 at 300 DPI, 440 KB). Text: anti-aliased
 * glyphs hardly compress, and a line costs about its characters × (its size in pixels)^1.25.
 * The outlines of flat shapes (notes, rules, header boxes): a flat fill repeats the row above
 * and costs nothing, its edges a little, and a shape that repeats one just drawn on the same
 * rows (notes side by side) costs almost nothing. Covered area says little: a few hundred short
 * notes in small type make 2–3 times the bytes of a few dozen in large type on the same paper.
 *
 *   bytes ≈ 0.003 × pixels + 1.94 × rows + 66 × Σ characters × (font pixels / 10)^1.25
 *           + 0.59 × outline pixels + embedded map + 100
 *
 * The renderer measures the text and outlines from the layout (renderer/poster/poster-estimate.ts).
 * Fitted to 210 real exports in Chromium (seven maps of 25 to 600 notes, in cells and around
 * them; A4 to A1 and a banner; 72 to 300 DPI; with and without title block and legend; one
 * scenario or Current and Ideal stacked): all within ±21%, 7% RMS; ±19% over 100 KB. It also gives the poster
 * benchmark's 400-note map within 5% at A1 150 DPI and A0 300 DPI, and 16% high for a 36 × 120 in
 * banner at 300 DPI. Weakest: sparse posters whose notes are too small for words, tens of
 * kilobytes. poster-estimate.browser.test.ts holds real exports to ±30% of the estimate.
 */
export const SIZE_MODEL = {
  /** Bytes per page pixel of white paper (deflate's ceiling on Up-filtered zero rows). */
  bytesPerPagePixel: 0.003,
  /** Bytes per row: its filter byte interrupts deflate's runs of zeros. */
  bytesPerRow: 1.94,
  /** Bytes per character of 10-pixel text. */
  bytesPerCharacter: 66,
  /** How a character's bytes grow with its size in pixels: (size / 10) ^ this. */
  textExponent: 1.25,
  /** Bytes per pixel of the outline of a flat shape or rule. */
  bytesPerOutlinePixel: 0.59,
  /** Signature, IHDR, pHYs, IEND, IDAT and zlib framing, rounded up. */
  overhead: 100,
} as const;

/** What is drawn on the page, as the model counts it (see textUnits). */
export interface PosterInk {
  /** Σ textUnits over every line of text. */
  readonly text: number;
  /** Outline length of flat shapes and rules, in page pixels. */
  readonly edges: number;
}

export interface SizeEstimateInput {
  /** Page size in pixels. */
  readonly width: number;
  readonly height: number;
  readonly ink: PosterInk;
  /** The embedded map's compressed size, if known. */
  readonly embeddedBytes?: number;
}

/** A run of text in model units: its characters, weighted by their size on the page. */
export const textUnits = (characters: number, fontPixels: number): number =>
  characters > 0 && fontPixels > 0 ? characters * (fontPixels / 10) ** SIZE_MODEL.textExponent : 0;

export const estimatePngBytes = ({ width, height, ink, embeddedBytes = 0 }: SizeEstimateInput): number =>
  // IDAT framing adds 12 bytes per 256 KiB chunk: negligible, covered by the fit.
  Math.round(
    width * height * SIZE_MODEL.bytesPerPagePixel +
      height * SIZE_MODEL.bytesPerRow +
      Math.max(0, ink.text) * SIZE_MODEL.bytesPerCharacter +
      Math.max(0, ink.edges) * SIZE_MODEL.bytesPerOutlinePixel +
      embeddedBytes +
      SIZE_MODEL.overhead,
  );

/** "2.4 MB", "850 KB": what the dialog shows. */
export const formatBytes = (bytes: number): string => {
  if (bytes < 1000 * 1000) return `${Math.max(1, Math.round(bytes / 1000))} KB`;
  const megabytes = bytes / 1000 / 1000;
  return `${megabytes < 10 ? megabytes.toFixed(1) : Math.round(megabytes)} MB`;
};
