import { CONNECTED_ENDS, CONNECTED_LABELS } from '../../shared/journey/connected.ts';
import { GRID } from '../../shared/journey/grid-geometry.ts';
import type { Cell, GridLayout, LaneRow, StageColumn } from '../../shared/journey/layout.ts';
import {
  CONNECTED_TYPES,
  type ConnectedType,
  EMOTION_RANGE,
  type ExperienceCategory,
  type ScenarioRecord,
} from '../../shared/model/journey-records.ts';
import { NOTE_INK, NOTE_PALETTE } from '../../shared/model/palette.ts';
import { font } from './font.ts';
import { textLayouts } from './text-layout.ts';
import { BOARD_TEXT, drawsText, MARK_FONT_SIZES, type TextSizing } from './text-sizing.ts';

/**
 * Draws the journey grid in board units: category bands, stage headers, lane headers, cell
 * lines and the emotion curve. The board, the poster exporter and present mode draw it with this.
 */
export const GRID_COLORS = {
  line: '#C9C1B1',
  header: '#FFFFFF',
  laneHeader: '#EFE9DD',
  ink: NOTE_INK,
  muted: '#5C5F66',
  baseline: '#A39E93',
  curve: '#1C7ED6',
  // White text on it reads at 6:1 (WCAG AA asks 4.5:1); the curve's blue is too light for text.
  chosenStep: '#1864AB',
  low: '#C92A2A',
} as const;

export const CATEGORY_COLORS: Readonly<Record<ExperienceCategory, { fill: string; label: string }>> = {
  discovery: { fill: '#D0EBFF', label: 'Discovery' },
  relationship: { fill: '#FFDEEB', label: 'Relationship' },
  purchase: { fill: '#D3F9D8', label: 'Purchase' },
  'follow-up': { fill: '#FFF3BF', label: 'Follow-up' },
};

export interface GridDrawing {
  readonly layout: GridLayout;
  readonly showCategories: boolean;
  /** The map's place on the connected-experience continuum, drawn over the stage headers. */
  readonly connectedType?: ConnectedType | null;
  readonly scenario: ScenarioRecord | null;
  readonly lowEmotion: number;
  /** Board units per screen pixel: keeps lines one pixel wide on screen. */
  readonly pixel: number;
  /** The stage or lane whose header is selected on the board (never on a poster). */
  readonly selectedHeader?: string | null;
  /** The cell selected on the board (typing starts a note there). */
  readonly selectedCell?: Cell | null;
  /** Present mode's text sizing; the board and posters draw with BOARD_TEXT. */
  readonly text?: TextSizing;
}

export const drawGrid = (ctx: CanvasRenderingContext2D, drawing: GridDrawing): void => {
  const { layout, showCategories } = drawing;
  const text = drawing.text ?? BOARD_TEXT;
  if (layout.stages.length === 0 && layout.lanes.length === 0) return;
  const top = -GRID.headerHeight;
  const width = Math.max(layout.width, GRID.minStageWidth);
  const height = Math.max(layout.height, GRID.minLaneHeight);
  ctx.save();
  // Lane header column and cells' background.
  ctx.fillStyle = GRID_COLORS.laneHeader;
  ctx.fillRect(-GRID.laneHeaderWidth, top, GRID.laneHeaderWidth, GRID.headerHeight + height);
  ctx.fillStyle = 'rgba(255,255,255,0.55)';
  ctx.fillRect(0, 0, width, height);
  if (showCategories) drawCategoryBands(ctx, layout.stages, text);
  else if (drawing.connectedType) drawContinuum(ctx, drawing.connectedType, width, text);
  for (const column of layout.stages) drawStageHeader(ctx, column, text);
  for (const row of layout.lanes) drawLaneHeader(ctx, row, text);
  if (drawing.scenario) drawScenarioName(ctx, drawing.scenario.name, text);
  drawLines(ctx, drawing, width, height);
  const emotion = layout.lanes.find((row) => row.lane.role === 'emotion');
  if (emotion && drawing.scenario) drawEmotionCurve(ctx, drawing, emotion);
  if (drawing.selectedHeader) drawHeaderSelection(ctx, drawing, width, height);
  if (drawing.selectedCell) drawCellSelection(ctx, drawing, drawing.selectedCell);
  ctx.restore();
};

/**
 * The font size of the band's labels over the stage headers (categories, or the continuum's
 * steps): enlarged with the marks, never taller than the band.
 */
export const bandFontSize = (base: number, markScale: number): number =>
  Math.min(base * markScale, Math.max(base, GRID.categoryHeight - 6));

const drawCategoryBands = (
  ctx: CanvasRenderingContext2D,
  stages: readonly StageColumn[],
  text: TextSizing,
) => {
  const size = bandFontSize(MARK_FONT_SIZES.band, text.markScale);
  const y = -GRID.headerHeight - GRID.categoryHeight;
  let index = 0;
  while (index < stages.length) {
    const first = stages[index];
    if (!first) break;
    let last = first;
    while (stages[index + 1]?.stage.category === first.stage.category) {
      index++;
      last = stages[index] ?? last;
    }
    index++;
    const category = first.stage.category;
    if (!category) continue;
    const band = CATEGORY_COLORS[category];
    const x = first.x;
    const w = last.x + last.w - first.x;
    ctx.fillStyle = band.fill;
    ctx.fillRect(x + 2, y + 2, w - 4, GRID.categoryHeight - 4);
    if (!drawsText(size, text)) continue;
    ctx.fillStyle = GRID_COLORS.ink;
    ctx.font = font(size, 700);
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'center';
    ctx.fillText(band.label.toUpperCase(), x + w / 2, y + GRID.categoryHeight / 2, w - 16);
  }
};

/** The four steps of the continuum across the grid, the map's own step filled, the ends named. */
const drawContinuum = (
  ctx: CanvasRenderingContext2D,
  chosen: ConnectedType,
  width: number,
  text: TextSizing,
) => {
  const y = -GRID.headerHeight - GRID.categoryHeight;
  const step = width / CONNECTED_TYPES.length;
  const size = bandFontSize(MARK_FONT_SIZES.continuum, text.markScale);
  ctx.textBaseline = 'middle';
  CONNECTED_TYPES.forEach((type, index) => {
    const x = index * step;
    const mine = type === chosen;
    ctx.fillStyle = mine ? GRID_COLORS.chosenStep : GRID_COLORS.laneHeader;
    ctx.fillRect(x + 2, y + 2, step - 4, GRID.categoryHeight - 4);
    if (!drawsText(size, text)) return;
    ctx.fillStyle = mine ? '#FFFFFF' : GRID_COLORS.muted;
    ctx.font = font(size, mine ? 700 : 400);
    ctx.textAlign = 'center';
    ctx.fillText(CONNECTED_LABELS[type].toUpperCase(), x + step / 2, y + GRID.categoryHeight / 2, step - 16);
  });
  const endSize = bandFontSize(MARK_FONT_SIZES.band, text.markScale);
  if (!drawsText(endSize, text)) return;
  ctx.fillStyle = GRID_COLORS.muted;
  ctx.font = font(endSize, 400);
  ctx.textAlign = 'right';
  ctx.fillText(`${CONNECTED_ENDS.first} →`, -12, y + GRID.categoryHeight / 2, GRID.laneHeaderWidth - 16);
};

/**
 * The scenario the board shows (Current, Ideal...), named in the corner above the lane headers,
 * so nobody in the room mistakes the ideal for today's journey.
 */
const drawScenarioName = (ctx: CanvasRenderingContext2D, name: string, text: TextSizing) => {
  const x = -GRID.laneHeaderWidth + 20;
  const w = GRID.laneHeaderWidth - 32;
  const labelSize = MARK_FONT_SIZES.scenarioLabel * text.markScale;
  if (drawsText(labelSize, text)) {
    ctx.fillStyle = GRID_COLORS.muted;
    ctx.font = font(labelSize, 700);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText('SCENARIO', x, -GRID.headerHeight + 8, w);
  }
  const top = 8 + labelSize + 6;
  drawHeaderText(ctx, name, x, -GRID.headerHeight + top, w, GRID.headerHeight - top - 8, 'left', text);
};

/** Where a stage's name is fitted: its header less the margins and the coloured edge. */
export const stageNameBox = (column: StageColumn) => ({
  x: column.x + 12,
  y: -GRID.headerHeight + 8,
  w: column.w - 24,
  h: GRID.headerHeight - 20,
});

/** Where a lane's name is fitted: its header less the margins and the colour strip. */
export const laneNameBox = (row: LaneRow) => ({
  x: -GRID.laneHeaderWidth + 20,
  y: row.y + 12,
  w: GRID.laneHeaderWidth - 32,
  h: Math.min(row.h - 24, 96),
});

const drawStageHeader = (ctx: CanvasRenderingContext2D, column: StageColumn, text: TextSizing) => {
  const { stage, x, w } = column;
  ctx.fillStyle = GRID_COLORS.header;
  ctx.fillRect(x, -GRID.headerHeight, w, GRID.headerHeight);
  ctx.fillStyle = stage.color ? NOTE_PALETTE[stage.color].edge : GRID_COLORS.line;
  ctx.fillRect(x, -6, w, 6);
  const box = stageNameBox(column);
  drawHeaderText(ctx, stage.name, box.x, box.y, box.w, box.h, 'center', text);
};

const drawLaneHeader = (ctx: CanvasRenderingContext2D, row: LaneRow, text: TextSizing) => {
  const { lane, y, h } = row;
  if (lane.color) {
    ctx.fillStyle = NOTE_PALETTE[lane.color].fill;
    ctx.fillRect(-GRID.laneHeaderWidth, y, 10, h);
  }
  const box = laneNameBox(row);
  drawHeaderText(ctx, lane.name, box.x, box.y, box.w, box.h, 'left', text);
};

const drawHeaderText = (
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  w: number,
  h: number,
  align: 'left' | 'center',
  sizing: TextSizing,
) => {
  const layout = textLayouts.header(text, w, h);
  if (!drawsText(layout.fontSize, sizing)) return;
  ctx.fillStyle = GRID_COLORS.ink;
  ctx.font = font(layout.fontSize, 700);
  ctx.textBaseline = 'top';
  ctx.textAlign = align;
  const left = align === 'center' ? x + w / 2 : x;
  const top = y + Math.max(0, (h - layout.lines.length * layout.lineHeight) / 2);
  layout.lines.forEach((line, index) => {
    ctx.fillText(line, left, top + index * layout.lineHeight);
  });
};

const drawLines = (ctx: CanvasRenderingContext2D, drawing: GridDrawing, width: number, height: number) => {
  const { layout, pixel } = drawing;
  ctx.strokeStyle = GRID_COLORS.line;
  ctx.lineWidth = Math.max(1, 1.5 * pixel);
  ctx.beginPath();
  for (const column of [...layout.stages.map((c) => c.x), width]) {
    ctx.moveTo(column, -GRID.headerHeight);
    ctx.lineTo(column, height);
  }
  ctx.moveTo(-GRID.laneHeaderWidth, -GRID.headerHeight);
  ctx.lineTo(-GRID.laneHeaderWidth, height);
  for (const edge of [-GRID.headerHeight, ...layout.lanes.map((row) => row.y), height]) {
    ctx.moveTo(-GRID.laneHeaderWidth, edge);
    ctx.lineTo(width, edge);
  }
  ctx.stroke();
};

/** The emotion lane: the scenario's scores per stage joined by a smooth curve; low points in red. */
const drawEmotionCurve = (ctx: CanvasRenderingContext2D, drawing: GridDrawing, row: LaneRow) => {
  const { layout, scenario, pixel, lowEmotion } = drawing;
  if (!scenario) return;
  const yOf = (score: number) => emotionY(row, score);
  ctx.strokeStyle = GRID_COLORS.baseline;
  ctx.lineWidth = Math.max(1, pixel);
  ctx.setLineDash([8, 6]);
  ctx.beginPath();
  ctx.moveTo(0, yOf(0));
  ctx.lineTo(layout.width, yOf(0));
  ctx.stroke();
  ctx.setLineDash([]);
  const points = emotionPoints(layout, row, scenario);
  if (points.length > 1) {
    ctx.strokeStyle = GRID_COLORS.curve;
    ctx.lineWidth = 4;
    ctx.beginPath();
    smoothCurve(ctx, points);
    ctx.stroke();
  }
  for (const point of points) {
    const low = point.score <= lowEmotion;
    ctx.fillStyle = low ? GRID_COLORS.low : GRID_COLORS.curve;
    ctx.beginPath();
    ctx.arc(point.x, point.y, low ? 11 : 8, 0, Math.PI * 2);
    ctx.fill();
  }
  // Labels last, each on its own opaque tag, so the curve never runs through a number.
  const text = drawing.text ?? BOARD_TEXT;
  for (const point of points) drawScoreLabel(ctx, point, text);
  drawUnscoredStages(ctx, drawing, row, text);
};

/** A score as read out loud: a plus sign for gains and a real minus sign (U+2212), not a hyphen. */
export const emotionScoreLabel = (score: number): string =>
  score > 0 ? `+${score}` : score < 0 ? `\u2212${Math.abs(score)}` : '0';

/** Where a score's tag sits: to the right of its point, clear of the dot (tags grow with the marks). */
export const scoreLabelBox = (point: { x: number; y: number }, markScale = 1) => ({
  x: point.x + 16 * markScale,
  y: point.y - ((MARK_FONT_SIZES.score + 8) / 2) * markScale,
  w: 34 * markScale,
  h: (MARK_FONT_SIZES.score + 8) * markScale,
});

const drawScoreLabel = (
  ctx: CanvasRenderingContext2D,
  point: { x: number; y: number; score: number },
  text: TextSizing,
) => {
  const size = MARK_FONT_SIZES.score * text.markScale;
  if (!drawsText(size, text)) return;
  const box = scoreLabelBox(point, text.markScale);
  ctx.fillStyle = GRID_COLORS.header;
  ctx.strokeStyle = GRID_COLORS.line;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.roundRect(box.x, box.y, box.w, box.h, 6);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = GRID_COLORS.ink;
  ctx.font = font(size, 700);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(emotionScoreLabel(point.score), box.x + box.w / 2, point.y + text.markScale, box.w - 4);
};

/** A hollow dashed ring on the zero line, named, where a stage has no score yet. */
const drawUnscoredStages = (
  ctx: CanvasRenderingContext2D,
  drawing: GridDrawing,
  row: LaneRow,
  text: TextSizing,
) => {
  const { layout, scenario, pixel } = drawing;
  if (!scenario) return;
  const size = MARK_FONT_SIZES.unscored * text.markScale;
  ctx.strokeStyle = GRID_COLORS.muted;
  ctx.lineWidth = Math.max(2, 2 * pixel);
  ctx.setLineDash([5, 4]);
  ctx.fillStyle = GRID_COLORS.muted;
  ctx.font = font(size);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const column of layout.stages) {
    if (scenario.emotions[column.stage.id] !== undefined) continue;
    const x = column.x + column.w / 2;
    const y = emotionY(row, 0);
    ctx.beginPath();
    ctx.arc(x, y, 9, 0, Math.PI * 2);
    ctx.stroke();
    if (drawsText(size, text)) ctx.fillText(UNSCORED_LABEL, x, y + 14, column.w - 24);
  }
  ctx.setLineDash([]);
};

/** The words beside an unscored stage's ring. */
export const UNSCORED_LABEL = 'No score yet';

/** The y of an emotion score within the emotion lane (max at the top). */
export const emotionY = (row: LaneRow, score: number): number => {
  const margin = 20;
  const span = EMOTION_RANGE.max - EMOTION_RANGE.min;
  return row.y + margin + ((EMOTION_RANGE.max - score) / span) * (row.h - 2 * margin);
};

export const emotionPoints = (layout: GridLayout, row: LaneRow, scenario: ScenarioRecord) =>
  layout.stages.flatMap((column) => {
    const score = scenario.emotions[column.stage.id];
    return score === undefined
      ? []
      : [{ stageId: column.stage.id, score, x: column.x + column.w / 2, y: emotionY(row, score) }];
  });

/** Catmull-Rom through the points, drawn as cubic Béziers. */
const smoothCurve = (ctx: CanvasRenderingContext2D, points: readonly { x: number; y: number }[]) => {
  const [first] = points;
  if (!first) return;
  ctx.moveTo(first.x, first.y);
  for (let index = 0; index < points.length - 1; index++) {
    const p0 = points[index - 1] ?? points[index];
    const p1 = points[index];
    const p2 = points[index + 1];
    const p3 = points[index + 2] ?? p2;
    if (!p0 || !p1 || !p2 || !p3) continue;
    ctx.bezierCurveTo(
      p1.x + (p2.x - p0.x) / 6,
      p1.y + (p2.y - p0.y) / 6,
      p2.x - (p3.x - p1.x) / 6,
      p2.y - (p3.y - p1.y) / 6,
      p2.x,
      p2.y,
    );
  }
};

/** Outlines a selected stage (its header and column) or lane (its header and row). */
const drawHeaderSelection = (
  ctx: CanvasRenderingContext2D,
  drawing: GridDrawing,
  width: number,
  height: number,
) => {
  const { layout, selectedHeader, pixel } = drawing;
  const column = layout.stages.find((candidate) => candidate.stage.id === selectedHeader);
  const row = layout.lanes.find((candidate) => candidate.lane.id === selectedHeader);
  ctx.strokeStyle = '#1C7ED6';
  ctx.lineWidth = 3 * pixel;
  if (column) ctx.strokeRect(column.x, -GRID.headerHeight, column.w, GRID.headerHeight + height);
  if (row) ctx.strokeRect(-GRID.laneHeaderWidth, row.y, GRID.laneHeaderWidth + width, row.h);
};

const drawCellSelection = (ctx: CanvasRenderingContext2D, drawing: GridDrawing, cell: Cell) => {
  const column = drawing.layout.stages.find((candidate) => candidate.stage.id === cell.stageId);
  const row = drawing.layout.lanes.find((candidate) => candidate.lane.id === cell.laneId);
  if (!column || !row) return;
  ctx.fillStyle = 'rgba(28,126,214,0.08)';
  ctx.fillRect(column.x, row.y, column.w, row.h);
  ctx.strokeStyle = '#1C7ED6';
  ctx.lineWidth = 3 * drawing.pixel;
  ctx.setLineDash([10 * drawing.pixel, 6 * drawing.pixel]);
  ctx.strokeRect(column.x, row.y, column.w, row.h);
  ctx.setLineDash([]);
};
