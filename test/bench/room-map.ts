import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from '../../shared/format/serialize.ts';
import { newMapFromTemplate } from '../../shared/journey/create-map.ts';
import { lanesOf, layoutGrid, stagesOf } from '../../shared/journey/layout.ts';
import { templateById } from '../../shared/journey/templates.ts';
import { firstScenarioId, type JourneyDocument } from '../../shared/model/document.ts';
import { addNote, type MutableDocument } from '../../shared/model/edits.ts';
import type { LaneRole, NoteKind } from '../../shared/model/journey-records.ts';
import { seedNotes } from './seed-notes.ts';

/**
 * The 5,000-note map of issue 10's figures ("Run the room"): the customer-experience template
 * (8 stages, 10 lanes, one of them the emotion lane) with its note cells filled, so present mode
 * has every stage to walk, and a short row of breakdown points outside the grid, under it, for
 * the vote and the nudge it is compared with (a note outside the grid moves by one unit on an
 * arrow key; one in a cell would move to the next cell). Built with the app's own edits and
 * opened in the app as a file. Deterministic, so runs compare.
 */
export const ROOM_NOTES = 5000;
/** Notes outside the grid, under it. */
export const FREE_NOTES = 40;
/** The text of the note voted on and nudged: one of a kind, so Find selects it alone. */
export const TARGET_TEXT = 'Bench target: the refund form asks for the order number twice';

const TEMPLATE_ID = 'customer-experience';

/** The map's stages, in order (present mode's digit keys count them from 1). */
export const roomStages = (): string[] => templateById(TEMPLATE_ID)?.stages.map((stage) => stage.name) ?? [];

const KIND_OF_LANE: Partial<Record<LaneRole, NoteKind>> = {
  touchpoints: 'touchpoint',
  breakdowns: 'breakdown',
  opportunities: 'opportunity',
};

/** Below the grid's last lane, clear of it. */
const FREE_GAP = 400;

export const roomMap = (): JourneyDocument => {
  const template = templateById(TEMPLATE_ID);
  if (!template) throw new Error(`No template ${TEMPLATE_ID}`);
  const created = newMapFromTemplate(template, `Bench, run the room, ${ROOM_NOTES} notes`, {
    now: Date.UTC(2026, 11, 5),
  });
  const doc: MutableDocument = { id: created.id, records: { ...created.records } };
  const scenarioId = firstScenarioId(created);
  const stages = stagesOf(created);
  const lanes = lanesOf(created).filter((lane) => lane.role !== 'emotion' && !lane.hidden);
  const seeds = seedNotes(ROOM_NOTES, 20261205);
  const inCells = ROOM_NOTES - FREE_NOTES;
  const now = Date.UTC(2026, 11, 5, 10);
  // Round the cells (every stage of a lane, then the next lane), so every cell holds about as many.
  const cells = lanes.flatMap((lane) => stages.map((stage) => ({ lane, stage })));
  const slots = new Map<string, number>();
  for (const [index, seed] of seeds.slice(0, inCells).entries()) {
    const cell = cells[index % cells.length];
    if (!cell) throw new Error('The template has no note cells');
    const key = `${cell.stage.id} ${cell.lane.id}`;
    const slot = slots.get(key) ?? 0;
    slots.set(key, slot + 1);
    const kind = KIND_OF_LANE[cell.lane.role] ?? 'note';
    addNote(
      doc,
      {
        x: 0,
        y: 0,
        text: seed.text,
        color: seed.color,
        kind,
        scenarioId,
        stageId: cell.stage.id,
        laneId: cell.lane.id,
        slot,
      },
      now,
      index + 1,
    );
  }
  const below = layoutGrid(doc as JourneyDocument, scenarioId).height + FREE_GAP;
  for (const [index, seed] of seeds.slice(inCells).entries()) {
    const text = index === Math.floor(FREE_NOTES / 2) ? TARGET_TEXT : seed.text;
    addNote(
      doc,
      { x: index * (seed.w + 20), y: below, text, color: seed.color, kind: 'breakdown', scenarioId },
      now,
      inCells + index + 1,
    );
  }
  return doc as JourneyDocument;
};

/** The map as a .cxmap file in `dir`, for the app to open (Ctrl+O); returns its path. */
export const writeRoomMap = (dir: string): string => {
  const path = join(dir, 'run-the-room.cxmap');
  writeFileSync(path, serialize(roomMap(), { appVersion: '0.1.0', savedAt: Date.UTC(2026, 11, 5) }));
  return path;
};
