/**
 * The export dialog's choices and what they mean for the layout: which page, which DPI, how
 * large the title block and legend are. Pure, so the dialog, the exporter and the benchmark
 * agree on what "A1 at 150 DPI" produces.
 */
import { withoutBidiControls } from '../../shared/ipc/file-name.ts';
import type { BoardBox, PageChoice, PosterSpec } from '../../shared/poster/layout.ts';
import { uniformMargins } from '../../shared/poster/layout.ts';
import {
  customPaper,
  type LengthUnit,
  type OrientationChoice,
  PAPER_SIDE_RANGE_MM,
  paperById,
  type StandardPaperId,
  toMillimetres,
} from '../../shared/poster/paper.ts';
import { voteBoxSizeFor } from '../../shared/poster/vote-box.ts';

export type PaperChoice = StandardPaperId | 'custom' | 'banner';

export interface PosterOptions {
  readonly paper: PaperChoice;
  /** Custom paper's sides. */
  readonly customWidth: number;
  readonly customHeight: number;
  /** The roll's width across a banner (the banner's height). */
  readonly bannerHeight: number;
  /** Unit of the custom and banner lengths. */
  readonly unit: LengthUnit;
  readonly orientation: OrientationChoice;
  readonly dpi: number;
  /** Millimetres of white on every side. */
  readonly margin: number;
  readonly content: 'active' | 'stacked';
  readonly titleBlock: boolean;
  readonly subtitle: string;
  readonly legend: boolean;
  readonly emotionCurve: boolean;
  readonly omitEmptyLanes: boolean;
  /**
   * The newest revealed vote's dots on its notes and its results in a box; only where the
   * scenario has a revealed vote. On by default: after a vote, the room wants its results kept.
   */
  readonly votes: boolean;
}

export const DEFAULT_POSTER_OPTIONS: PosterOptions = {
  paper: 'a1',
  customWidth: 600,
  customHeight: 900,
  bannerHeight: 900,
  unit: 'mm',
  orientation: 'auto',
  dpi: 150,
  margin: 10,
  content: 'active',
  titleBlock: true,
  subtitle: '',
  legend: true,
  emotionCurve: true,
  omitEmptyLanes: false,
  votes: true,
};

export type PageResult = { ok: true; page: PageChoice; shortSideMm: number } | { ok: false; error: string };

export const pageOf = (options: PosterOptions): PageResult => {
  if (options.paper === 'banner') {
    return {
      ok: true,
      page: { kind: 'banner', height: options.bannerHeight, unit: options.unit },
      shortSideMm: toMillimetres(options.bannerHeight, options.unit),
    };
  }
  if (options.paper === 'custom') {
    const custom = customPaper(options.customWidth, options.customHeight, options.unit);
    if (!custom.ok) return custom;
    return {
      ok: true,
      page: { kind: 'sheet', paper: custom.paper, orientation: options.orientation },
      shortSideMm: toMillimetres(Math.min(options.customWidth, options.customHeight), options.unit),
    };
  }
  const paper = paperById(options.paper);
  return {
    ok: true,
    page: { kind: 'sheet', paper, orientation: options.orientation },
    shortSideMm: toMillimetres(Math.min(paper.width, paper.height), paper.unit),
  };
};

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * The title block and legend grow with the paper, so they read from as far away as the map:
 * on A1 (594 mm across) the title block is 36 mm high and the legend strip 30 mm.
 */
export const titleHeightFor = (shortSideMm: number): number => clamp(shortSideMm * 0.06, 12, 120);
export const legendSizeFor = (shortSideMm: number, side: 'bottom' | 'right'): number =>
  side === 'bottom' ? clamp(shortSideMm * 0.05, 12, 100) : clamp(shortSideMm * 0.25, 50, 500);

export type SpecResult = { ok: true; spec: PosterSpec } | { ok: false; error: string };

/** `voteResults`: the poster has a vote's results box (options.votes, and a revealed vote). */
export const posterSpecOf = (options: PosterOptions, content: BoardBox, voteResults = false): SpecResult => {
  const page = pageOf(options);
  if (!page.ok) return page;
  if (!(options.margin >= 0 && options.margin <= PAPER_SIDE_RANGE_MM.min)) {
    return { ok: false, error: `Margins must be from 0 to ${PAPER_SIDE_RANGE_MM.min} mm.` };
  }
  // A banner is short and long: its legend goes at the end rather than under the map.
  const side = options.paper === 'banner' ? 'right' : 'bottom';
  return {
    ok: true,
    spec: {
      page: page.page,
      dpi: options.dpi,
      margins: uniformMargins(options.margin),
      titleHeight: options.titleBlock ? titleHeightFor(page.shortSideMm) : 0,
      ...(options.legend ? { legend: { side, size: legendSizeFor(page.shortSideMm, side) } } : {}),
      ...(voteResults ? { results: voteBoxSizeFor(page.shortSideMm) } : {}),
      content,
    },
  };
};

/** As much of the map's name as a map file's suggested name keeps (renderer/files/map-file.ts). */
const MAP_NAME_IN_FILE_NAME = 120;

/**
 * "Toner poster A1 150 dpi": what the file is suggested as. A long map name is cut (by whole
 * characters) so the paper and DPI stay in the name and the shell never sees an overlong one.
 */
export const posterFileName = (mapName: string, options: PosterOptions, kind: 'poster' | 'print'): string => {
  const name = Array.from(withoutBidiControls(mapName).replace(/\s+/g, ' ').trim())
    .slice(0, MAP_NAME_IN_FILE_NAME)
    .join('')
    .trim();
  const paper =
    options.paper === 'banner'
      ? 'banner'
      : options.paper === 'custom'
        ? `${options.customWidth}x${options.customHeight} ${options.unit}`
        : paperById(options.paper).label;
  return `${name || 'Journey map'} ${kind === 'poster' ? 'poster' : 'print pages'} ${paper} ${options.dpi} dpi`;
};
