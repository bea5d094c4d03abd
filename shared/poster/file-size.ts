/**
 * Estimates a poster's PNG size for the export dialog, before anything is rendered.
 *
 * Posters are mostly flat colour: empty paper compresses to almost nothing, and the bytes come
 * from what is drawn, chiefly the anti-aliased edges of text and shapes. Edges grow with the
 * resolution but more slowly than the pixel count, so the bytes per drawn pixel fall as the DPI
 * rises. Fitted to the default encoder (RGB, Up filter, deflate level 6) on synthetic journey
 * maps (poster-fixture.ts) from A4 to A0 at 72–300 DPI:
 *
 *   bytes ≈ 0.136 × drawn pixels × (150 / dpi)^0.68 + embedded map + 1 KB
 *
 * Over 70 fixture encodes (A4, A2, A0; 72–300 DPI; both orientations) the estimate was within
 * -24% to +17% of the real size when a fifth of the page or more is drawn. Sparser pages (a
 * header, a grid, a few notes) compress better than the fit, so their estimate runs up to 65%
 * high, on files of tens or hundreds of kilobytes. file-size.test.ts re-checks both bounds.
 * Text in real fonts has more edge than the fixture's glyphs, so the renderer should check the
 * estimate against its own exports and adjust SIZE_MODEL if needed.
 */
export const SIZE_MODEL = {
  /** Bytes per drawn pixel at 150 DPI. */
  bytesPerDrawnPixel: 0.136,
  /** How the bytes per drawn pixel fall with resolution: (150 / dpi) ^ this. */
  dpiExponent: 0.68,
  /** Signature, IHDR, pHYs, IEND and chunk framing, rounded up. */
  overhead: 1024,
} as const;

export interface SizeEstimateInput {
  /** Pixels on the page (width × height). */
  readonly pixels: number;
  /**
   * Page pixels covered by something drawn (notes, headers, title block, legend, curve),
   * as opposed to empty paper; the renderer sums these from the layout.
   */
  readonly drawnPixels: number;
  readonly dpi: number;
  /** The embedded map's compressed size, if known. */
  readonly embeddedBytes?: number;
}

export const estimatePngBytes = ({
  pixels,
  drawnPixels,
  dpi,
  embeddedBytes = 0,
}: SizeEstimateInput): number => {
  const drawn = Math.min(Math.max(drawnPixels, 0), pixels);
  const perPixel = SIZE_MODEL.bytesPerDrawnPixel * (150 / dpi) ** SIZE_MODEL.dpiExponent;
  // IDAT framing adds 12 bytes per 256 KiB chunk: negligible, covered by the fit.
  return Math.round(drawn * perPixel + embeddedBytes + SIZE_MODEL.overhead);
};

/** "2.4 MB", "850 KB": what the dialog shows. */
export const formatBytes = (bytes: number): string => {
  if (bytes < 1000 * 1000) return `${Math.max(1, Math.round(bytes / 1000))} KB`;
  const megabytes = bytes / 1000 / 1000;
  return `${megabytes < 10 ? megabytes.toFixed(1) : Math.round(megabytes)} MB`;
};
