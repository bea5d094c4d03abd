/**
 * Places the map on the page: the page less its margins is the printable area; a title block
 * takes the top of it, the legend a strip at the bottom or right and a vote's results box a
 * strip inside that, on whichever side leaves the map larger; the map's bounding box is scaled,
 * keeping its aspect ratio, to fill what is left, and centred there. Physical lengths are
 * millimetres; everything returned is in page pixels.
 */
import {
  dpiProblem,
  type LengthUnit,
  MM_PER_INCH,
  type Orientation,
  type OrientationChoice,
  PAPER_SIDE_RANGE_MM,
  type Paper,
  type PixelSize,
  pagePixels,
  pixelProblem,
  toMillimetres,
  toPixels,
} from './paper.ts';

/** The map's extent in board units. */
export interface BoardBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** In millimetres. */
export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export const uniformMargins = (mm: number): Margins => ({ top: mm, right: mm, bottom: mm, left: mm });

export type PageChoice =
  | { readonly kind: 'sheet'; readonly paper: Paper; readonly orientation: OrientationChoice }
  /** A roll: `height` across, as long as the map needs (up to PAPER_SIDE_RANGE_MM.max). */
  | { readonly kind: 'banner'; readonly height: number; readonly unit: LengthUnit };

/** A banner as high as the short side of `paper`: an A1 banner is 594 mm high. */
export const bannerOn = (paper: Paper): PageChoice => ({
  kind: 'banner',
  height: Math.min(paper.width, paper.height),
  unit: paper.unit,
});

export interface PosterSpec {
  readonly page: PageChoice;
  readonly dpi: number;
  readonly margins: Margins;
  /** Height of the title block across the top of the printable area, mm; 0 for none. */
  readonly titleHeight: number;
  /** A strip for the legend, mm across; absent for none. */
  readonly legend?: { readonly side: 'bottom' | 'right'; readonly size: number };
  /**
   * A strip for a vote's results box, mm across if it is put at the bottom or at the right;
   * absent for none. A banner puts it at the right; a sheet where the map comes out larger.
   */
  readonly results?: { readonly bottom: number; readonly right: number };
  readonly content: BoardBox;
}

type Side = 'bottom' | 'right';

export interface PosterLayout {
  readonly paper: Paper;
  readonly orientation: Orientation;
  readonly dpi: number;
  readonly page: PixelSize;
  /** The page less its margins. */
  readonly printable: Rect;
  readonly title?: Rect;
  readonly legend?: Rect;
  readonly results?: Rect;
  /** Where the map may go: the printable area less title, legend and results box. */
  readonly contentArea: Rect;
  /** Where the map's bounding box lands, centred in contentArea. */
  readonly content: Rect;
  /** Page pixels per board unit. */
  readonly scale: number;
  /** Board to page: pageX = boardX * scale + offsetX, likewise y. */
  readonly offsetX: number;
  readonly offsetY: number;
}

export type PosterPlan =
  | { readonly ok: true; readonly layout: PosterLayout }
  | { readonly ok: false; readonly error: string };

const noRoom = (spec: PosterSpec): string =>
  `The margins, title${spec.results ? ', legend and vote results' : ' and legend'} leave no room for the map. Make them smaller or choose larger paper.`;

/** Takes a strip of `size` pixels off the bottom or right of `area`: what is left, and the strip. */
const strip = (area: Rect, side: Side, size: number): { rest: Rect; strip: Rect } =>
  side === 'bottom'
    ? {
        rest: { ...area, height: area.height - size },
        strip: { ...area, y: area.y + area.height - size, height: size },
      }
    : {
        rest: { ...area, width: area.width - size },
        strip: { ...area, x: area.x + area.width - size, width: size },
      };

/** The page pixels every part takes, before the map is placed; the results box on `resultsSide`. */
const frame = (page: PixelSize, spec: PosterSpec, resultsSide: Side) => {
  const px = (mm: number) => toPixels(mm, 'mm', spec.dpi);
  const { top, right, bottom, left } = spec.margins;
  const printable = {
    x: px(left),
    y: px(top),
    width: page.width - px(left) - px(right),
    height: page.height - px(top) - px(bottom),
  };
  const titleHeight = px(spec.titleHeight);
  const title = titleHeight > 0 ? { ...printable, height: titleHeight } : undefined;
  let contentArea = { ...printable, y: printable.y + titleHeight, height: printable.height - titleHeight };
  let legend: Rect | undefined;
  if (spec.legend && spec.legend.size > 0) {
    const taken = strip(contentArea, spec.legend.side, px(spec.legend.size));
    contentArea = taken.rest;
    legend = taken.strip;
  }
  let results: Rect | undefined;
  if (spec.results) {
    const taken = strip(contentArea, resultsSide, px(spec.results[resultsSide]));
    contentArea = taken.rest;
    results = taken.strip;
  }
  return { printable, title, legend, results, contentArea };
};

/** Scales the box to the largest size that fits the area, keeping its aspect ratio, centred. */
const place = (area: Rect, box: BoardBox) => {
  const scale = Math.min(area.width / box.width, area.height / box.height);
  const width = box.width * scale;
  const height = box.height * scale;
  const x = area.x + (area.width - width) / 2;
  const y = area.y + (area.height - height) / 2;
  return { scale, content: { x, y, width, height }, offsetX: x - box.x * scale, offsetY: y - box.y * scale };
};

const layoutOn = (
  paper: Paper,
  orientation: Orientation,
  page: PixelSize,
  spec: PosterSpec,
  resultsSide: Side,
): PosterPlan => {
  const parts = frame(page, spec, resultsSide);
  if (parts.contentArea.width < 1 || parts.contentArea.height < 1) return { ok: false, error: noRoom(spec) };
  const placed = place(parts.contentArea, spec.content);
  return {
    ok: true,
    layout: {
      paper,
      orientation,
      dpi: spec.dpi,
      page,
      printable: parts.printable,
      ...(parts.title ? { title: parts.title } : {}),
      ...(parts.legend ? { legend: parts.legend } : {}),
      ...(parts.results ? { results: parts.results } : {}),
      contentArea: parts.contentArea,
      ...placed,
    },
  };
};

/**
 * With `auto`, the orientation in which the map is drawn largest, which is the one that leaves
 * the least paper empty; portrait on a tie. The results box, likewise, goes on the side that
 * leaves the map larger; the bottom on a tie.
 */
const sheetPlan = (paper: Paper, choice: OrientationChoice, spec: PosterSpec): PosterPlan => {
  const orientations: readonly Orientation[] = choice === 'auto' ? ['portrait', 'landscape'] : [choice];
  const sides: readonly Side[] = spec.results ? ['bottom', 'right'] : ['bottom'];
  let best: PosterPlan | undefined;
  for (const orientation of orientations) {
    for (const side of sides) {
      const plan = layoutOn(paper, orientation, pagePixels(paper, orientation, spec.dpi), spec, side);
      if (!best || (plan.ok && (!best.ok || plan.layout.scale > best.layout.scale))) best = plan;
    }
  }
  return best ?? { ok: false, error: noRoom(spec) };
};

/**
 * A banner's length is what the map needs at the height the roll allows, plus the side margins,
 * a right-hand legend and results box; past PAPER_SIDE_RANGE_MM.max the length stops and the
 * map shrinks.
 */
const bannerPlan = (height: number, unit: LengthUnit, spec: PosterSpec): PosterPlan => {
  const heightMm = toMillimetres(height, unit);
  if (!(heightMm >= PAPER_SIDE_RANGE_MM.min && heightMm <= PAPER_SIDE_RANGE_MM.max)) {
    return {
      ok: false,
      error: `A banner must be from ${PAPER_SIDE_RANGE_MM.min} mm to ${PAPER_SIDE_RANGE_MM.max / 1000} m high.`,
    };
  }
  const pageHeight = toPixels(height, unit, spec.dpi);
  // Lay out on a page of the longest length first: only the content area's height matters here.
  const longest = toPixels(PAPER_SIDE_RANGE_MM.max, 'mm', spec.dpi);
  const probe = frame({ width: longest, height: pageHeight }, spec, 'right');
  if (probe.contentArea.height < 1) return { ok: false, error: noRoom(spec) };
  const mapWidth = Math.ceil((spec.content.width * probe.contentArea.height) / spec.content.height);
  const around = longest - probe.contentArea.width;
  const minimum = toPixels(PAPER_SIDE_RANGE_MM.min, 'mm', spec.dpi);
  const length = Math.min(longest, Math.max(minimum, mapWidth + around));
  const lengthInUnit = unit === 'mm' ? (length / spec.dpi) * MM_PER_INCH : length / spec.dpi;
  const paper: Paper = { id: 'banner', label: 'Banner', width: lengthInUnit, height, unit };
  const orientation: Orientation = length >= pageHeight ? 'landscape' : 'portrait';
  return layoutOn(paper, orientation, { width: length, height: pageHeight }, spec, 'right');
};

export const planPoster = (spec: PosterSpec): PosterPlan => {
  const { content, margins } = spec;
  if (!(content.width > 0 && content.height > 0)) {
    return { ok: false, error: 'The map is empty: there is nothing to put on the poster.' };
  }
  const dpi = dpiProblem(spec.dpi);
  if (dpi) return { ok: false, error: dpi };
  const lengths = [
    margins.top,
    margins.right,
    margins.bottom,
    margins.left,
    spec.titleHeight,
    spec.legend?.size ?? 0,
    spec.results?.bottom ?? 0,
    spec.results?.right ?? 0,
  ];
  if (!lengths.every((mm) => Number.isFinite(mm) && mm >= 0)) {
    return { ok: false, error: 'Margins, title and legend sizes must be zero or more.' };
  }
  const plan =
    spec.page.kind === 'sheet'
      ? sheetPlan(spec.page.paper, spec.page.orientation, spec)
      : bannerPlan(spec.page.height, spec.page.unit, spec);
  if (!plan.ok) return plan;
  const tooBig = pixelProblem(plan.layout.page);
  return tooBig ? { ok: false, error: tooBig } : plan;
};
