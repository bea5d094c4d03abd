/**
 * What goes on a poster, in board units: one block per scenario (the active one, or Current
 * above Ideal), each the grid and notes the board shows for it, stacked top to bottom. The
 * poster is laid out around the blocks' bounding box (shared/poster/layout.ts) and drawn with
 * the board's own drawing functions (draw-poster.ts).
 */
import { gridBounds, hasBandAbove } from '../../shared/journey/grid-bounds.ts';
import { type GridLayout, layoutGrid } from '../../shared/journey/layout.ts';
import { voteTotals } from '../../shared/journey/votes/vote-queries.ts';
import { isLiveNote, type JourneyDocument, mapRecordOf } from '../../shared/model/document.ts';
import type { ConnectedType, ScenarioRecord, VoteRecord } from '../../shared/model/journey-records.ts';
import type { JourneyRecord } from '../../shared/model/records.ts';
import type { BoardBox } from '../../shared/poster/layout.ts';
import { posterVoteOf } from '../../shared/poster/vote-box.ts';

export interface SceneBlock {
  readonly scenario: ScenarioRecord;
  readonly layout: GridLayout;
  /** Added to the block's board y to place it on the poster. */
  readonly dy: number;
  /** The scenario's name over the block when several are stacked; null for one. */
  readonly heading: { readonly text: string; readonly x: number; readonly y: number } | null;
  /** The scenario's newest revealed vote when the poster shows votes, else null. */
  readonly vote: VoteRecord | null;
  /** Its dots by note id, drawn as each note's badge; empty without a vote. */
  readonly dots: ReadonlyMap<string, number>;
}

export interface PosterScene {
  readonly blocks: readonly SceneBlock[];
  /** Everything drawn, in board units (blocks placed). */
  readonly box: BoardBox;
  readonly showCategories: boolean;
  readonly connectedType: ConnectedType | null;
  readonly lowEmotion: number;
}

export interface SceneOptions {
  /** Leave out lanes with no notes in any of the scenarios (and an emotion lane without scores). */
  readonly omitEmptyLanes: boolean;
  /** Draw the emotion lane and its curve. */
  readonly emotionCurve: boolean;
  /** Show each scenario's newest revealed vote: its dots on the notes. Absent: no votes. */
  readonly votes?: boolean;
}

const NO_DOTS: ReadonlyMap<string, number> = new Map();

/** Board units between stacked blocks, and the height of a block's heading. */
export const STACK_GAP = 120;
export const HEADING_SIZE = 56;

/** Room around notes for what is drawn outside them: shadow, conflict frame, WOW badge. */
const NOTE_OVERHANG = 30;

/** Lanes the poster leaves out, marked hidden: layoutGrid then skips them and their notes. */
const withoutLanes = (
  doc: JourneyDocument,
  scenarios: readonly ScenarioRecord[],
  options: SceneOptions,
): JourneyDocument => {
  const chosen = new Set(scenarios.map((scenario) => scenario.id));
  const used = new Set<string>();
  for (const record of Object.values(doc.records)) {
    if (isLiveNote(record) && chosen.has(record.scenarioId) && record.laneId) used.add(record.laneId);
  }
  const scored = scenarios.some((scenario) => Object.keys(scenario.emotions).length > 0);
  let records: Record<string, JourneyRecord> | null = null;
  for (const record of Object.values(doc.records)) {
    if (record.type !== 'lane' || record.isDeleted || record.hidden) continue;
    const emotion = record.role === 'emotion';
    const leaveOut = emotion
      ? !options.emotionCurve || (options.omitEmptyLanes && !scored)
      : options.omitEmptyLanes && !used.has(record.id);
    if (!leaveOut) continue;
    records ??= { ...doc.records };
    records[record.id] = { ...record, hidden: true };
  }
  return records ? { id: doc.id, records } : doc;
};

interface Box {
  x: number;
  y: number;
  right: number;
  bottom: number;
}

const blockBounds = (layout: GridLayout, bandAbove: boolean): Box | null => {
  const grid = gridBounds(layout, bandAbove);
  let box: Box | null = grid
    ? { x: grid.x, y: grid.y, right: grid.x + grid.w, bottom: grid.y + grid.h }
    : null;
  for (const note of layout.notes) {
    const x = note.x - NOTE_OVERHANG;
    const y = note.y - NOTE_OVERHANG;
    const right = note.x + note.w + NOTE_OVERHANG;
    const bottom = note.y + note.h + NOTE_OVERHANG;
    box = box
      ? {
          x: Math.min(box.x, x),
          y: Math.min(box.y, y),
          right: Math.max(box.right, right),
          bottom: Math.max(box.bottom, bottom),
        }
      : { x, y, right, bottom };
  }
  return box;
};

/** The scene of the given scenarios, top to bottom; null when there is nothing to draw. */
export const buildPosterScene = (
  doc: JourneyDocument,
  scenarios: readonly ScenarioRecord[],
  options: SceneOptions,
): PosterScene | null => {
  const map = mapRecordOf(doc);
  const shown = withoutLanes(doc, scenarios, options);
  const stacked = scenarios.length > 1;
  const blocks: SceneBlock[] = [];
  let total = null as Box | null;
  for (const scenario of scenarios) {
    const layout = layoutGrid(shown, scenario.id);
    const bounds = blockBounds(layout, hasBandAbove(map));
    if (!bounds) continue;
    const headingRoom = stacked ? HEADING_SIZE * 1.6 : 0;
    // The first block stays where the board has it; each next one goes below the last.
    const dy: number = total ? total.bottom + STACK_GAP + headingRoom - bounds.y : 0;
    const top: number = bounds.y + dy - headingRoom;
    const heading = stacked ? { text: scenario.name, x: bounds.x, y: top } : null;
    const vote = options.votes ? posterVoteOf(doc, scenario.id) : null;
    blocks.push({ scenario, layout, dy, heading, vote, dots: vote ? voteTotals(vote) : NO_DOTS });
    const placed: Box = { x: bounds.x, y: top, right: bounds.right, bottom: bounds.bottom + dy };
    total = total
      ? {
          x: Math.min(total.x, placed.x),
          y: Math.min(total.y, placed.y),
          right: Math.max(total.right, placed.right),
          bottom: Math.max(total.bottom, placed.bottom),
        }
      : placed;
  }
  if (!total) return null;
  return {
    blocks,
    box: { x: total.x, y: total.y, width: total.right - total.x, height: total.bottom - total.y },
    showCategories: map.showCategories,
    connectedType: map.connectedType,
    lowEmotion: map.insightSettings.lowEmotion,
  };
};
