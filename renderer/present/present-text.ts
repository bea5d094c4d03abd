import type { ScenarioRecord } from '../../shared/model/journey-records.ts';
import type { MapRecord } from '../../shared/model/records.ts';
import { bandFontSize, laneNameBox, stageNameBox } from '../drawing/grid.ts';
import { noteTextSizes } from '../drawing/note.ts';
import { textLayouts } from '../drawing/text-layout.ts';
import { MARK_FONT_SIZES, type TextSizing } from '../drawing/text-sizing.ts';
import type { TextSizes } from './present-steps.ts';

/**
 * How much present mode enlarges the marks the board draws at a fixed small size (a channel
 * label is 13 board units, a score 18): to about the size of note text, so a stage's zoom is
 * set by what the room reads, not by its smallest label.
 */
export const PRESENT_MARK_SCALE = 1.5;

/**
 * The drawing's text sizing at a zoom: enlarged marks, and no text under the projector minimum
 * (a hair under, so a text sized exactly to the minimum is not lost to rounding).
 */
export const presentSizing = (minTextPx: number, scale: number): TextSizing => ({
  markScale: PRESENT_MARK_SCALE,
  minFontSize: (minTextPx * (1 - 1e-6)) / scale,
});

const smallest = (sizes: readonly number[]): number | null => (sizes.length > 0 ? Math.min(...sizes) : null);

/** The sizes present mode's drawing gives each thing it frames (see TextSizes). */
export const presentTextSizes = (map: MapRecord | null, scenario: ScenarioRecord | null): TextSizes => ({
  note: (note) => smallest(noteTextSizes(note, PRESENT_MARK_SCALE)),
  stageName: (column) => {
    const box = stageNameBox(column);
    const layout = textLayouts.header(column.stage.name, box.w, box.h);
    return layout.lines.length > 0 ? layout.fontSize : null;
  },
  laneName: (row) => {
    const box = laneNameBox(row);
    const layout = textLayouts.header(row.lane.name, box.w, box.h);
    return layout.lines.length > 0 ? layout.fontSize : null;
  },
  emotion: (column) => {
    if (!scenario) return null;
    const scored = scenario.emotions[column.stage.id] !== undefined;
    return (scored ? MARK_FONT_SIZES.score : MARK_FONT_SIZES.unscored) * PRESENT_MARK_SCALE;
  },
  band: map?.showCategories
    ? bandFontSize(MARK_FONT_SIZES.band, PRESENT_MARK_SCALE)
    : map?.connectedType
      ? Math.min(
          bandFontSize(MARK_FONT_SIZES.continuum, PRESENT_MARK_SCALE),
          bandFontSize(MARK_FONT_SIZES.band, PRESENT_MARK_SCALE),
        )
      : null,
});
