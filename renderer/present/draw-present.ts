import { gridBounds } from '../../shared/journey/grid-bounds.ts';
import { GRID } from '../../shared/journey/grid-geometry.ts';
import type { GridLayout } from '../../shared/journey/layout.ts';
import type { ScenarioRecord } from '../../shared/model/journey-records.ts';
import { BOARD_BACKGROUND } from '../../shared/model/palette.ts';
import type { MapRecord, NoteRecord } from '../../shared/model/records.ts';
import { uncoveredNotes } from '../board/covered-notes.ts';
import { intersects, type Rect, type Size, toScreen, visibleRect } from '../board/viewport.ts';
import { dotBadgeCentre, drawDotBadgeAt } from '../drawing/dot-badge.ts';
import { DOT_BADGE_RADIUS } from '../drawing/dot-badge-style.ts';
import { drawGrid } from '../drawing/grid.ts';
import { drawNote, noteDetail } from '../drawing/note.ts';
import type { Viewport } from '../store/session-slice.ts';
import { presentSizing } from './present-text.ts';
import type { Spotlight } from './spotlight.ts';

/** Around the map: dark, so the map is the brightest thing in the room. */
export const PRESENT_BACKGROUND = '#141517';

/** What present mode draws of the map: the board's own grid and notes, read-only. */
export interface PresentScene {
  readonly layout: GridLayout;
  readonly map: MapRecord | null;
  readonly scenario: ScenarioRecord | null;
  /** Height of the band over the stage headers; 0 without one. */
  readonly bandHeight: number;
  readonly viewport: Viewport;
  readonly size: Size;
  readonly minTextPx: number;
  /** Headers kept at the screen's top and left edges once the view is past them (see StageStep). */
  readonly pinned: { readonly stages: boolean; readonly lanes: boolean };
  /**
   * What a step shows, in board units: its stage across, and down to the bottom of its frame.
   * The neighbouring stages and what lies below (the next part) are dimmed; null: nothing is.
   */
  readonly shown: { readonly x: number; readonly w: number; readonly bottom: number } | null;
  /** A vote's badges on the notes, as the board shows them (useShownDots, useOpenBadges). */
  readonly badges: PresentBadges;
}

export interface PresentBadges {
  readonly dots: ReadonlyMap<string, number>;
  readonly open: (note: NoteRecord) => boolean;
}

/**
 * A badge's radius on the projector, in screen pixels: the board's badge at the view's zoom, but
 * never so small that its count falls under the projector minimum.
 */
export const presentBadgeRadius = (scale: number, minTextPx: number): number =>
  Math.max(DOT_BADGE_RADIUS * scale, minTextPx * 0.8);

/** The map at the scene's viewport: the grid on its paper, the notes in view, the pinned headers. */
export const drawPresentMap = (ctx: CanvasRenderingContext2D, scene: PresentScene): void => {
  const { viewport } = scene;
  ctx.save();
  ctx.translate(viewport.x, viewport.y);
  ctx.scale(viewport.scale, viewport.scale);
  drawSheetAndGrid(ctx, scene);
  const notes = drawNotes(ctx, scene);
  ctx.restore();
  drawBadges(ctx, scene, notes);
  drawPinnedHeaders(ctx, scene);
  dimNeighbours(ctx, scene);
};

/** Over the neighbouring stages and the next part, so what the step shows stands out. */
const NEIGHBOUR_DIM = 'rgba(20,21,23,0.4)';

const dimNeighbours = (ctx: CanvasRenderingContext2D, { shown, viewport, size, pinned }: PresentScene) => {
  if (!shown) return;
  // The lane names (pinned or in their place) are not a neighbour: they name the stage's lanes.
  const column = pinned.lanes ? Math.max(viewport.x, GRID.laneHeaderWidth * viewport.scale) : viewport.x;
  const names = Math.max(0, column);
  const start = Math.max(names, viewport.x + shown.x * viewport.scale);
  const end = viewport.x + (shown.x + shown.w) * viewport.scale;
  const bottom = viewport.y + shown.bottom * viewport.scale;
  ctx.fillStyle = NEIGHBOUR_DIM;
  if (start > names) ctx.fillRect(names, 0, start - names, size.height);
  if (end < size.width) ctx.fillRect(end, 0, size.width - end, size.height);
  if (bottom < size.height && end > start) ctx.fillRect(start, bottom, end - start, size.height - bottom);
};

const drawSheetAndGrid = (ctx: CanvasRenderingContext2D, scene: PresentScene): void => {
  const { layout, map, scenario, viewport } = scene;
  const sheet = gridBounds(layout, scene.bandHeight > 0);
  if (sheet) {
    ctx.fillStyle = BOARD_BACKGROUND;
    ctx.fillRect(sheet.x, sheet.y, sheet.w, sheet.h);
  }
  drawGrid(ctx, {
    layout,
    showCategories: map?.showCategories ?? false,
    connectedType: map?.connectedType ?? null,
    scenario,
    lowEmotion: map?.insightSettings.lowEmotion ?? -1,
    pixel: 1 / viewport.scale,
    text: presentSizing(scene.minTextPx, viewport.scale),
  });
};

/** Draws the notes in view that no other note covers; returns them. */
const drawNotes = (
  ctx: CanvasRenderingContext2D,
  { layout, viewport, size, minTextPx }: PresentScene,
): readonly NoteRecord[] => {
  const visible = visibleRect(viewport, size);
  const inView = layout.notes.filter((note) => intersects(note, visible));
  const sizing = presentSizing(minTextPx, viewport.scale);
  const drawn = uncoveredNotes(inView, viewport.scale);
  for (const note of drawn) drawNote(ctx, note, noteDetail(note.h * viewport.scale), sizing);
  return drawn;
};

/** The notes' vote badges, in screen pixels so their counts stay at the projector minimum. */
const drawBadges = (
  ctx: CanvasRenderingContext2D,
  { badges, viewport, minTextPx }: PresentScene,
  notes: readonly NoteRecord[],
): void => {
  const radius = presentBadgeRadius(viewport.scale, minTextPx);
  for (const note of notes) {
    const dots = badges.dots.get(note.id) ?? 0;
    const open = dots === 0 && badges.open(note);
    if (dots === 0 && !open) continue;
    const centre = toScreen(viewport, dotBadgeCentre(note));
    drawDotBadgeAt(ctx, centre, radius, minTextPx, { dots, open, withCount: true });
  }
};

/**
 * The stage headers (with the band above them) along the top and the lane names down the left,
 * where the view has moved past them, so every part of a stage says which stage and which
 * lanes it shows. Each is the grid drawn again, clipped to its strip.
 */
const drawPinnedHeaders = (ctx: CanvasRenderingContext2D, scene: PresentScene): void => {
  const { viewport, size, pinned } = scene;
  const top = (GRID.headerHeight + scene.bandHeight) * viewport.scale;
  const left = GRID.laneHeaderWidth * viewport.scale;
  const pinTop = pinned.stages && viewport.y < top;
  const pinLeft = pinned.lanes && viewport.x < left;
  if (pinTop) drawStrip(ctx, scene, { x: 0, y: 0, w: size.width, h: top }, { x: viewport.x, y: top });
  if (pinLeft) drawStrip(ctx, scene, { x: 0, y: 0, w: left, h: size.height }, { x: left, y: viewport.y });
  if (pinTop && pinLeft) drawStrip(ctx, scene, { x: 0, y: 0, w: left, h: top }, { x: left, y: top });
};

/** Shadow along a pinned strip's inner edge, so the map reads as passing under it. */
const STRIP_SHADOW = 'rgba(0,0,0,0.28)';

const drawStrip = (
  ctx: CanvasRenderingContext2D,
  scene: PresentScene,
  clip: Rect,
  origin: { readonly x: number; readonly y: number },
): void => {
  ctx.save();
  ctx.beginPath();
  ctx.rect(clip.x, clip.y, clip.w, clip.h);
  ctx.clip();
  ctx.fillStyle = PRESENT_BACKGROUND;
  ctx.fillRect(clip.x, clip.y, clip.w, clip.h);
  ctx.translate(origin.x, origin.y);
  ctx.scale(scene.viewport.scale, scene.viewport.scale);
  drawSheetAndGrid(ctx, scene);
  ctx.restore();
  ctx.fillStyle = STRIP_SHADOW;
  if (clip.w >= scene.size.width) ctx.fillRect(clip.x, clip.y + clip.h, clip.w, 4);
  else ctx.fillRect(clip.x + clip.w, clip.y, 4, clip.h);
};

/** Over the map: the note picked with Tab, ringed, or the spotlit note over the dimmed step. */
export interface PresentOverlay {
  readonly viewport: Viewport;
  readonly size: Size;
  readonly minTextPx: number;
  readonly focused: NoteRecord | null;
  readonly spotlight: Spotlight | null;
  /** The spotlit note's badge, so a voter at the laptop sees their dot go on. */
  readonly badges: PresentBadges;
}

const FOCUS_RING = { outer: '#FFFFFF', inner: '#1864AB' } as const;
const SPOTLIGHT_DIM = 'rgba(0,0,0,0.72)';

export const drawPresentOverlay = (ctx: CanvasRenderingContext2D, overlay: PresentOverlay): void => {
  const { spotlight, focused, viewport, size } = overlay;
  if (spotlight) {
    ctx.fillStyle = SPOTLIGHT_DIM;
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.save();
    ctx.translate(spotlight.x, spotlight.y);
    ctx.scale(spotlight.scale, spotlight.scale);
    drawNote(ctx, spotlight.note, 'full', presentSizing(overlay.minTextPx, spotlight.scale));
    ctx.restore();
    const dots = overlay.badges.dots.get(spotlight.note.id) ?? 0;
    const centre = toScreen(spotlight, dotBadgeCentre(spotlight.note));
    drawDotBadgeAt(ctx, centre, presentBadgeRadius(spotlight.scale, overlay.minTextPx), overlay.minTextPx, {
      dots,
      open: dots === 0 && overlay.badges.open(spotlight.note),
      withCount: true,
    });
    return;
  }
  if (!focused) return;
  const corner = toScreen(viewport, focused);
  const w = focused.w * viewport.scale;
  const h = focused.h * viewport.scale;
  ctx.lineJoin = 'round';
  ctx.strokeStyle = FOCUS_RING.outer;
  ctx.lineWidth = 10;
  ctx.strokeRect(corner.x - 8, corner.y - 8, w + 16, h + 16);
  ctx.strokeStyle = FOCUS_RING.inner;
  ctx.lineWidth = 5;
  ctx.strokeRect(corner.x - 8, corner.y - 8, w + 16, h + 16);
};
