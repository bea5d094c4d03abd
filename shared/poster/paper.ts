/**
 * Paper for posters: the standard sheets in the units their standards define them in, print
 * resolutions, and the exact pixel size of a page. Pixel sizes round to the nearest pixel, the
 * way print shops quote them (A0 at 300 DPI is 9933 × 14043).
 */
export type LengthUnit = 'mm' | 'in';

export const MM_PER_INCH = 25.4;

export type StandardPaperId =
  | 'a4'
  | 'a3'
  | 'a2'
  | 'a1'
  | 'a0'
  | 'letter'
  | 'tabloid'
  | 'arch-d'
  | 'arch-e'
  | 'poster-24x36';

export interface Paper {
  readonly id: StandardPaperId | 'custom' | 'banner';
  readonly label: string;
  /**
   * Standard sheets: the short side, as standardised (portrait). Banners: as laid out, width
   * is the length along the roll and height the roll's width.
   */
  readonly width: number;
  readonly height: number;
  readonly unit: LengthUnit;
}

/** ISO 216 A series in millimetres; ANSI and ARCH sizes in inches. */
export const STANDARD_PAPERS: readonly Paper[] = [
  { id: 'a4', label: 'A4', width: 210, height: 297, unit: 'mm' },
  { id: 'a3', label: 'A3', width: 297, height: 420, unit: 'mm' },
  { id: 'a2', label: 'A2', width: 420, height: 594, unit: 'mm' },
  { id: 'a1', label: 'A1', width: 594, height: 841, unit: 'mm' },
  { id: 'a0', label: 'A0', width: 841, height: 1189, unit: 'mm' },
  { id: 'letter', label: 'US Letter', width: 8.5, height: 11, unit: 'in' },
  { id: 'tabloid', label: 'Tabloid', width: 11, height: 17, unit: 'in' },
  { id: 'arch-d', label: 'ARCH D', width: 24, height: 36, unit: 'in' },
  { id: 'arch-e', label: 'ARCH E', width: 36, height: 48, unit: 'in' },
  { id: 'poster-24x36', label: '24 × 36 in', width: 24, height: 36, unit: 'in' },
];

export const paperById = (id: StandardPaperId): Paper => {
  const paper = STANDARD_PAPERS.find((candidate) => candidate.id === id);
  if (!paper) throw new Error(`Unknown paper ${id}`);
  return paper;
};

export type Orientation = 'portrait' | 'landscape';
export type OrientationChoice = Orientation | 'auto';

export const DPI_PRESETS = [72, 150, 200, 300] as const;

/** Custom values outside these make no sense for print (and 1200 DPI A0 would be 2.2 gigapixels). */
export const DPI_RANGE = { min: 36, max: 1200 } as const;

/** Sides of custom paper and banners, in millimetres: a stamp to a 10 m roll. */
export const PAPER_SIDE_RANGE_MM = { min: 50, max: 10_000 } as const;

/**
 * The largest poster the exporter attempts: a 36 × 120 in banner at 300 DPI (389 Mpx) fits,
 * with room; beyond this an export takes minutes and the file is unwieldy for any print shop.
 */
export const MAX_POSTER_PIXELS = 600_000_000;

export const toMillimetres = (length: number, unit: LengthUnit): number =>
  unit === 'mm' ? length : length * MM_PER_INCH;

/** A physical length in whole pixels at `dpi`, rounded to nearest. */
export const toPixels = (length: number, unit: LengthUnit, dpi: number): number =>
  Math.round(unit === 'in' ? length * dpi : (length * dpi) / MM_PER_INCH);

export interface PixelSize {
  readonly width: number;
  readonly height: number;
}

/** The page's exact pixel size; landscape swaps the standard's sides. */
export const pagePixels = (paper: Paper, orientation: Orientation, dpi: number): PixelSize => {
  const short = toPixels(Math.min(paper.width, paper.height), paper.unit, dpi);
  const long = toPixels(Math.max(paper.width, paper.height), paper.unit, dpi);
  return orientation === 'portrait' ? { width: short, height: long } : { width: long, height: short };
};

/** Why a DPI cannot be used, or undefined when it can. */
export const dpiProblem = (dpi: number): string | undefined =>
  Number.isFinite(dpi) && dpi >= DPI_RANGE.min && dpi <= DPI_RANGE.max
    ? undefined
    : `Choose a resolution from ${DPI_RANGE.min} to ${DPI_RANGE.max} DPI.`;

const sideProblem = (length: number, unit: LengthUnit): boolean => {
  const mm = toMillimetres(length, unit);
  return !Number.isFinite(mm) || mm < PAPER_SIDE_RANGE_MM.min || mm > PAPER_SIDE_RANGE_MM.max;
};

/** A custom sheet, or a message saying why its sides are out of range. */
export const customPaper = (
  width: number,
  height: number,
  unit: LengthUnit,
): { ok: true; paper: Paper } | { ok: false; error: string } => {
  if (sideProblem(width, unit) || sideProblem(height, unit)) {
    const { min, max } = PAPER_SIDE_RANGE_MM;
    const range =
      unit === 'mm' ? `${min} mm to ${max / 1000} m` : `2 in to ${Math.floor(max / MM_PER_INCH)} in`;
    return { ok: false, error: `Each side of the paper must be from ${range}.` };
  }
  return { ok: true, paper: { id: 'custom', label: 'Custom', width, height, unit } };
};

/** Why a page of this many pixels cannot be exported, or undefined when it can. */
export const pixelProblem = (size: PixelSize): string | undefined => {
  const megapixels = (size.width * size.height) / 1e6;
  return megapixels * 1e6 <= MAX_POSTER_PIXELS
    ? undefined
    : `This poster would be ${Math.round(megapixels).toLocaleString('en-US')} megapixels; the most Journeywall exports is ${MAX_POSTER_PIXELS / 1e6}. Choose a lower DPI or a smaller paper.`;
};
