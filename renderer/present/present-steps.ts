import { GRID } from '../../shared/journey/grid-geometry.ts';
import type { GridLayout, LaneRow, StageColumn } from '../../shared/journey/layout.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import { boundsOf, fitViewport, intersects, type Rect, type Size } from '../board/viewport.ts';
import type { Viewport } from '../store/session-slice.ts';
import type { FinalStep } from './final-steps.ts';

/**
 * Present mode's walk through the map, as pure logic: the whole map with the persona first,
 * then each stage in turn, framed with its neighbours' edges at the zoom that brings its
 * smallest text to the projector minimum (a stage too big for the screen at that zoom is split
 * into parts, lanes in turn, rather than drawn smaller), then the final steps (the gap list).
 */

/** The smallest text the drawing draws for each thing a step frames, in board units. */
export interface TextSizes {
  /** A note's smallest text (its words, its channel and ratings, a glyph drawn as text); null: none. */
  note(note: NoteRecord): number | null;
  stageName(column: StageColumn): number | null;
  laneName(row: LaneRow): number | null;
  /** The emotion lane's text in a stage (its score's tag, or "No score yet"); null: none. */
  emotion(column: StageColumn): number | null;
  /** The labels of the band over the stage headers; null without a band. */
  readonly band: number | null;
}

export interface PresentInput {
  readonly layout: GridLayout;
  /** Height of the band over the stage headers (categories or the continuum); 0 without one. */
  readonly bandHeight: number;
  /** The part of the screen the map is shown in, in CSS pixels. */
  readonly screen: Size;
  /** The projector minimum on this screen, in CSS pixels. */
  readonly minTextPx: number;
  readonly text: TextSizes;
  /** CSS pixels at the left the persona takes on the first step; 0 without a persona. */
  readonly personaWidth: number;
  readonly finalSteps: readonly FinalStep[];
}

/** The first step: the whole map, beside the persona. */
export interface OverviewStep {
  readonly kind: 'overview';
  readonly viewport: Viewport;
}

/** A stage, or a part of one. */
export interface StageStep {
  readonly kind: 'stage';
  readonly stageId: string;
  /** 1-based, as the digit keys count stages. */
  readonly stageNumber: number;
  /** 1-based part of the stage, of `parts`. */
  readonly part: number;
  readonly parts: number;
  /** The lanes in view, top to bottom. */
  readonly laneIds: readonly string[];
  /** The board area framed: its notes are the ones Tab goes through. */
  readonly frame: Rect;
  readonly viewport: Viewport;
  /** The headers kept at the screen's top and left edges when the view is past them. */
  readonly pinned: { readonly stages: boolean; readonly lanes: boolean };
}

export type PresentStep = OverviewStep | StageStep | FinalStep;

/** How much of a neighbouring stage shows on each side, in board units. */
export const NEIGHBOUR_EDGE = 60;
/** Space above and below the lanes framed, in board units. */
const FRAME_PAD = 12;
/** Headers are pinned to the screen's edge only while they take at most this share of it. */
const MAX_PINNED_SHARE = 0.3;
/** The closest a stage with little in it is shown. */
const MAX_SCALE = 4;
/** The overview's margin around the map, in CSS pixels. */
const OVERVIEW_MARGIN = 32;

export const presentSteps = (input: PresentInput): PresentStep[] => [
  overviewStep(input),
  ...input.layout.stages.flatMap((column, index) => stageSteps(input, column, index)),
  ...input.finalSteps,
];

const overviewStep = ({ layout, bandHeight, screen, personaWidth }: PresentInput): OverviewStep => {
  const grid: Rect[] =
    layout.stages.length > 0 || layout.lanes.length > 0
      ? [
          {
            x: -GRID.laneHeaderWidth,
            y: -GRID.headerHeight - bandHeight,
            w: GRID.laneHeaderWidth + Math.max(layout.width, GRID.minStageWidth),
            h: GRID.headerHeight + bandHeight + Math.max(layout.height, GRID.minLaneHeight),
          },
        ]
      : [];
  const content = boundsOf([...grid, ...layout.notes]);
  const fit = fitViewport(
    content,
    { width: screen.width - personaWidth, height: screen.height },
    OVERVIEW_MARGIN,
  );
  return { kind: 'overview', viewport: { ...fit, x: fit.x + personaWidth } };
};

/** The zoom that draws text of `size` board units at the minimum; 0 when there is no text. */
const zoomFor = (minTextPx: number, sizes: readonly (number | null)[]): number => {
  const shown = sizes.filter((size): size is number => size !== null && size > 0);
  return shown.length === 0 ? 0 : minTextPx / Math.min(...shown);
};

/** A stage's notes in the cells of the lanes shown. */
const stageNotes = (layout: GridLayout, column: StageColumn): NoteRecord[] =>
  layout.notes.filter((note) => note.stageId === column.stage.id && note.laneId !== null);

/**
 * A lane framed in a stage, and how much of it: a lane grows to its fullest cell, so in the
 * other stages only its top holds notes, and only that much is shown.
 */
interface FramedLane {
  readonly row: LaneRow;
  readonly y: number;
  readonly h: number;
}

/** The lanes worth framing in a stage: those with notes in its cells, and the emotion curve. */
const contentLanes = (layout: GridLayout, notes: readonly NoteRecord[]): FramedLane[] => {
  const bottoms = new Map<string, number>();
  for (const note of notes) {
    const bottom = note.y + note.h + GRID.cellPadding;
    bottoms.set(note.laneId ?? '', Math.max(bottoms.get(note.laneId ?? '') ?? 0, bottom));
  }
  const framed = (row: LaneRow): FramedLane => {
    const bottom = bottoms.get(row.lane.id);
    const h = row.lane.role === 'emotion' || bottom === undefined ? row.h : Math.min(row.h, bottom - row.y);
    return { row, y: row.y, h };
  };
  const lanes = layout.lanes.filter((row) => row.lane.role === 'emotion' || bottoms.has(row.lane.id));
  return (lanes.length > 0 ? lanes : layout.lanes.slice(0, 1)).map(framed);
};

const stageSteps = (input: PresentInput, column: StageColumn, index: number): StageStep[] => {
  const { layout, screen, text, minTextPx } = input;
  const notes = stageNotes(layout, column);
  const lanes = contentLanes(layout, notes);
  const framed = new Set(lanes.map(({ row }) => row.lane.id));
  const top = GRID.headerHeight + input.bandHeight;
  const noteSizes = notes.filter((note) => framed.has(note.laneId ?? '')).map((note) => text.note(note));
  const hasEmotion = lanes.some(({ row }) => row.lane.role === 'emotion');
  const base = [...noteSizes, hasEmotion ? text.emotion(column) : null];
  const headers = [text.stageName(column), text.band];
  const laneNames = lanes.map(({ row }) => text.laneName(row));

  // Pinned headers are on screen on every part, so their text counts; a header that would take
  // too much of the screen at that zoom scrolls with the map instead (the caption names the stage).
  const withAll = zoomFor(minTextPx, [...base, ...headers, ...laneNames]);
  const pinStages = top * withAll <= MAX_PINNED_SHARE * screen.height;
  const pinLanes = GRID.laneHeaderWidth * withAll <= MAX_PINNED_SHARE * screen.width;
  const needed = zoomFor(minTextPx, [...base, ...(pinStages ? headers : []), ...(pinLanes ? laneNames : [])]);
  const left = pinLanes ? GRID.laneHeaderWidth : 0;
  const above = pinStages ? top : 0;

  // The stage and its neighbours' edges (a first or last stage has a neighbour on one side only).
  const x0 = column.x - (index > 0 ? NEIGHBOUR_EDGE : 0);
  const x1 = column.x + column.w + (index < layout.stages.length - 1 ? NEIGHBOUR_EDGE : 0);
  // A grid without lanes has only its headers to show.
  const first = lanes[0];
  const last = lanes.at(-1);
  const span = first && last ? { y: first.y, h: last.y + last.h - first.y } : { y: -top, h: top };
  const whole = { x: x0, y: span.y - FRAME_PAD, w: x1 - x0, h: span.h + 2 * FRAME_PAD };
  const fits = Math.min(screen.width / (left + whole.w), screen.height / (above + whole.h), MAX_SCALE);
  const pinned = { stages: pinStages, lanes: pinLanes };
  const across: Across = index === 0 ? 'start' : index === layout.stages.length - 1 ? 'end' : 'centre';
  const placing = { left, above, across };
  const step = { kind: 'stage', stageId: column.stage.id, stageNumber: index + 1, pinned } as const;
  if (fits >= needed || lanes.length === 0) {
    return [
      {
        ...step,
        part: 1,
        parts: 1,
        laneIds: lanes.map(({ row }) => row.lane.id),
        frame: whole,
        viewport: framing(whole, fits, placing, screen),
      },
    ];
  }

  // Too much for the screen at the minimum: parts of it, lanes in turn, top to bottom (and, for a
  // stage wider than the screen, side by side within each band of lanes).
  const room = { w: screen.width / needed - left, h: screen.height / needed - above };
  const spans = columnSpans(x0, x1, room.w);
  const bands = laneBands(lanes, notes, room.h - 2 * FRAME_PAD);
  const frames = bands.flatMap((band) =>
    spans.map((span) => ({
      laneIds: band.lanes.map(({ row }) => row.lane.id),
      frame: { x: span.x, y: band.y - FRAME_PAD, w: span.w, h: band.h + 2 * FRAME_PAD },
    })),
  );
  return frames.map(({ laneIds, frame }, part) => ({
    ...step,
    part: part + 1,
    parts: frames.length,
    laneIds,
    frame,
    viewport: framing(frame, needed, placing, screen),
  }));
};

/** Where a frame narrower than the screen sits across it. */
type Across = 'start' | 'centre' | 'end';

/**
 * The viewport that shows `frame` at `scale` beside the pinned headers, from the top down (a
 * stage's first part has its header at the top of the screen). Across, the first stage starts
 * at the left and the last ends at the right, so the room goes to their one neighbour.
 */
const framing = (
  frame: Rect,
  scale: number,
  { left, above, across }: { left: number; above: number; across: Across },
  screen: Size,
): Viewport => {
  const insetX = left * scale;
  const slack = screen.width - insetX - frame.w * scale;
  const share = across === 'start' ? 0 : across === 'end' ? 1 : 0.5;
  return {
    scale,
    x: insetX + slack * share - frame.x * scale,
    // A frame from the first lane starts right under the headers, without its margin above.
    y: (above - Math.max(frame.y, 0)) * scale,
  };
};

/** [x0, x1] in spans at most `room` wide, the last one ending at x1. */
const columnSpans = (x0: number, x1: number, room: number): { x: number; w: number }[] => {
  const width = x1 - x0;
  if (width <= room) return [{ x: x0, w: width }];
  const count = Math.ceil(width / room);
  return Array.from({ length: count }, (_, index) => ({
    x: Math.min(x0 + index * room, x1 - room),
    w: room,
  }));
};

interface LaneBand {
  readonly lanes: readonly FramedLane[];
  readonly y: number;
  readonly h: number;
}

/**
 * The framed lanes in bands at most `room` high: as many lanes as fit (the empty lanes between
 * them come along), each band starting at a lane with something to show. A lane whose notes
 * take more than `room` is cut between its rows of notes.
 */
const laneBands = (lanes: readonly FramedLane[], notes: readonly NoteRecord[], room: number): LaneBand[] => {
  const bands: LaneBand[] = [];
  let index = 0;
  while (index < lanes.length) {
    const start = lanes[index] as FramedLane;
    if (start.h > room) {
      const inLane = notes.filter((note) => note.laneId === start.row.lane.id);
      for (const slice of laneSlices(start, inLane, room)) bands.push({ lanes: [start], ...slice });
      index++;
      continue;
    }
    let end = index;
    while (end + 1 < lanes.length) {
      const next = lanes[end + 1] as FramedLane;
      if (next.y + next.h - start.y > room) break;
      end++;
    }
    const last = lanes[end] as FramedLane;
    bands.push({ lanes: lanes.slice(index, end + 1), y: start.y, h: last.y + last.h - start.y });
    index = end + 1;
  }
  return bands;
};

/** A lane taller than `room` in slices, each ending after a whole row of notes where one fits. */
const laneSlices = (
  lane: FramedLane,
  notes: readonly NoteRecord[],
  room: number,
): { y: number; h: number }[] => {
  const slices: { y: number; h: number }[] = [];
  const bottom = lane.y + lane.h;
  let y = lane.y;
  while (y < bottom) {
    const limit = Math.min(y + room, bottom);
    const whole = notes
      .filter((note) => note.y >= y && note.y + note.h + GRID.cellPadding <= limit)
      .map((note) => note.y + note.h + GRID.cellPadding);
    const end = limit === bottom || whole.length === 0 ? limit : Math.max(...whole);
    slices.push({ y, h: end - y });
    y = end;
  }
  return slices;
};

/** The notes of a stage step, in reading order (top to bottom, then left to right). */
export const stepNotes = (layout: GridLayout, step: PresentStep): NoteRecord[] => {
  if (step.kind !== 'stage') return [];
  return layout.notes
    .filter((note) => note.stageId === step.stageId && intersects(note, step.frame))
    .sort((a, b) => a.y - b.y || a.x - b.x);
};

/** Where the keys move: one step on or back, the first or last, or the first step of a stage. */
export type StepMove = 'next' | 'previous' | 'first' | 'last' | { readonly stage: number };

export const moveStep = (steps: readonly PresentStep[], index: number, move: StepMove): number => {
  const last = steps.length - 1;
  if (move === 'next') return Math.min(index + 1, last);
  if (move === 'previous') return Math.max(index - 1, 0);
  if (move === 'first') return 0;
  if (move === 'last') return last;
  const found = steps.findIndex((step) => step.kind === 'stage' && step.stageNumber === move.stage);
  return found === -1 ? index : found;
};
