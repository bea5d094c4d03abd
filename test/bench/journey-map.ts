import type { Page } from 'playwright-core';
import { boundsOf, fitBeside, toScreen, zoomAt } from '../../renderer/board/viewport.ts';
import { type Viewport, ZOOM_LIMITS } from '../../renderer/store/session-slice.ts';
import { newMapFromTemplate } from '../../shared/journey/create-map.ts';
import { gridBounds, hasBandAbove } from '../../shared/journey/grid-bounds.ts';
import { GRID } from '../../shared/journey/grid-geometry.ts';
import { type GridLayout, layoutGrid } from '../../shared/journey/layout.ts';
import { type TemplateDefinition, templateById } from '../../shared/journey/templates.ts';
import { firstScenarioId, type JourneyDocument } from '../../shared/model/document.ts';
import { addNote, type MutableDocument } from '../../shared/model/edits.ts';
import { NOTE_COLORS, type NoteColor } from '../../shared/model/records.ts';
import { captureBoard, colorAt } from '../e2e/support/board-pixels.ts';
import { coveredEdges } from '../e2e/support/journeywall.ts';
import { settle, waitUntilSaved } from './board-session.ts';
import type { Point } from './input.ts';
import { seedNotes } from './seed-notes.ts';

/**
 * A journey map to measure structure edits against (issue 3): the customer-experience template
 * (8 stages, 10 lanes, one of them the emotion lane) with 300 notes typed into its cells, 60 of
 * them in one stage. The notes are typed the way a facilitator types them: click an empty cell,
 * Enter, type, Tab for the next note in the same cell, Enter to finish; the colour keys pick each
 * cell's colour first.
 *
 * The app exposes no test hooks, so the bench keeps a mirror of the document: the same template
 * laid out by the app's own code (shared/journey), with the same notes added to the same cells.
 * The grid's layout and the viewport after "zoom to fit" follow from it exactly, which gives every
 * cell's and header's place on screen. What is read back from the app checks the mirror: the
 * outline's stage labels (order and note counts) and the colour of notes on screen.
 */

export const TEMPLATE_ID = 'customer-experience';
export const JOURNEY_NOTES = 300;
export const MOVED_STAGE_NOTES = 60;
/** "Purchase": the fourth of the eight stages. */
export const MOVED_STAGE = 3;

const template = (): TemplateDefinition => {
  const found = templateById(TEMPLATE_ID);
  if (!found) throw new Error(`No template ${TEMPLATE_ID}`);
  return found;
};

export const stageNames = (): string[] => template().stages.map((stage) => stage.name);

/** One cell's typed run: its stage and lane (by index), its colour and texts. */
interface CellRun {
  readonly stage: number;
  readonly lane: number;
  readonly color: NoteColor;
  readonly texts: readonly string[];
}

/** `total` split over `parts` as evenly as possible, the larger shares first. */
const shares = (total: number, parts: number): number[] =>
  Array.from({ length: parts }, (_, index) => Math.floor(total / parts) + (index < total % parts ? 1 : 0));

/** The runs to type: 60 notes in the moved stage's note lanes, the other 240 over the other cells. */
export const journeyPlan = (): CellRun[] => {
  const { stages, lanes } = template();
  const noteLanes = lanes.flatMap((lane, index) => (lane.role === 'emotion' ? [] : [index]));
  const otherCells = stages
    .flatMap((_, stage) => (stage === MOVED_STAGE ? [] : noteLanes.map((lane) => ({ stage, lane }))))
    .sort((a, b) => a.lane - b.lane || a.stage - b.stage);
  const movedCells = noteLanes.map((lane) => ({ stage: MOVED_STAGE, lane }));
  const counts = [
    ...shares(MOVED_STAGE_NOTES, movedCells.length),
    ...shares(JOURNEY_NOTES - MOVED_STAGE_NOTES, otherCells.length),
  ];
  const seeds = seedNotes(JOURNEY_NOTES, 20261128);
  let next = 0;
  return [...movedCells, ...otherCells].map((cell, index) => {
    const run = seeds.slice(next, next + (counts[index] ?? 0));
    next += run.length;
    return { ...cell, color: run[0]?.color ?? 'yellow', texts: run.map((note) => note.text) };
  });
};

/** The mirror of the map in the app: the same template and the same notes in the same cells. */
export class JourneyMirror {
  readonly doc: MutableDocument;
  private readonly scenarioId: string;

  constructor() {
    const doc = newMapFromTemplate(template(), 'mirror');
    this.doc = { id: doc.id, records: { ...doc.records } };
    this.scenarioId = firstScenarioId(doc);
  }

  private get journey(): JourneyDocument {
    return this.doc as JourneyDocument;
  }

  layout(): GridLayout {
    return layoutGrid(this.journey, this.scenarioId);
  }

  /** Adds a note at the end of a cell, as typing into the cell does (draftPlacement's slot). */
  addToCell(stage: number, lane: number, text: string, color: NoteColor): void {
    const layout = this.layout();
    const stageId = layout.stages[stage]?.stage.id;
    const laneId = this.laneRow(layout, lane).lane.id;
    if (!stageId) throw new Error(`No stage ${stage}`);
    const slots = layout.notes
      .filter((note) => note.stageId === stageId && note.laneId === laneId)
      .map((note) => note.slot);
    const slot = slots.length === 0 ? 0 : Math.floor(Math.max(...slots)) + 1;
    addNote(this.doc, { x: 0, y: 0, text, color, stageId, laneId, slot, scenarioId: this.scenarioId });
  }

  /** Reorders stages as the app does on a drop (only the order matters to the layout). */
  moveStage(from: number, to: number): void {
    const stages = this.layout().stages.map((column) => column.stage);
    const [moved] = stages.splice(from, 1);
    if (!moved) throw new Error(`No stage ${from}`);
    stages.splice(to, 0, moved);
    stages.forEach((stage, order) => {
      this.doc.records[stage.id] = { ...stage, order };
    });
  }

  /** Lanes in template order (the template's lanes are all visible). */
  laneRow(layout: GridLayout, lane: number) {
    const row = layout.lanes[lane];
    if (!row) throw new Error(`No lane ${lane}`);
    return row;
  }

  /** The viewport "zoom to fit" (Shift+1) gives this map on the board. */
  fit(box: BoardBox): Viewport {
    const layout = this.layout();
    const grid = gridBounds(
      layout,
      hasBandAbove({ showCategories: template().showCategories ?? false, connectedType: null }),
    );
    return fitBeside(boundsOf(grid ? [...layout.notes, grid] : layout.notes), box.size, box.covered);
  }
}

/** Where the board element is on the page, and the canvas size the app derives from it. */
export interface BoardBox {
  readonly left: number;
  readonly top: number;
  readonly size: { readonly width: number; readonly height: number };
  /** What the floating panels cover of the board (see fitBeside). */
  readonly covered: { readonly left: number; readonly right: number; readonly bottom: number };
}

export const boardBox = async (page: Page): Promise<BoardBox> => {
  const box = await page.getByTestId('board').boundingBox();
  if (!box) throw new Error('The board is not on screen');
  return {
    left: box.x,
    top: box.y,
    size: { width: Math.max(1, Math.floor(box.width)), height: Math.max(1, Math.floor(box.height)) },
    covered: await coveredEdges(page),
  };
};

/** A board point on the page, at a viewport. */
export const onPage = (box: BoardBox, viewport: Viewport, point: Point): Point => {
  const screen = toScreen(viewport, point);
  return { x: box.left + screen.x, y: box.top + screen.y };
};

/** Ctrl+0 after zoom to fit: 100 % about the middle of the board. */
export const actualSize = (box: BoardBox, fit: Viewport): Viewport => {
  const zoomed = zoomAt(fit, { x: box.size.width / 2, y: box.size.height / 2 }, 1 / fit.scale);
  return { ...zoomed, scale: Math.min(ZOOM_LIMITS.max, Math.max(ZOOM_LIMITS.min, zoomed.scale)) };
};

/** What covers the board at a page point (a panel, the scenario bar), or null where the board is. */
const coverAt = (page: Page, at: Point): Promise<string | null> =>
  page.evaluate(({ x, y }) => {
    const element = document.elementFromPoint(x, y);
    if (element?.closest('[data-testid="board"]')) return null;
    return element ? `${element.tagName.toLowerCase()}.${element.className}` : 'nothing';
  }, at);

/** Throws unless the board itself (not a panel or toolbar over it) is at a page point. */
export const expectBoardAt = async (page: Page, at: Point, what: string): Promise<void> => {
  const cover = await coverAt(page, at);
  if (cover !== null) throw new Error(`${what} at ${Math.round(at.x)},${Math.round(at.y)} is under ${cover}`);
};

/** A point of an empty cell that the board shows uncovered: its middle, else nearer a corner. */
const pointInCell = async (
  page: Page,
  box: BoardBox,
  viewport: Viewport,
  cell: { x: number; y: number; w: number; h: number },
  what: string,
): Promise<Point> => {
  const candidates = [
    [0.5, 0.5],
    [0.5, 0.25],
    [0.85, 0.25],
    [0.85, 0.5],
    [0.15, 0.25],
  ] as const;
  for (const [fx, fy] of candidates) {
    const at = onPage(box, viewport, { x: cell.x + cell.w * fx, y: cell.y + cell.h * fy });
    if ((await coverAt(page, at)) === null) return at;
  }
  const centre = onPage(box, viewport, { x: cell.x + cell.w / 2, y: cell.y + cell.h / 2 });
  await expectBoardAt(page, centre, what);
  return centre;
};

/** The stage labels of the outline ("Stage: Purchase, 60 notes"), in the board's order. */
export const outlineStages = async (page: Page): Promise<string[]> => {
  await page.getByRole('button', { name: 'Outline', exact: true }).click();
  const tree = page.getByRole('tree');
  await tree.waitFor();
  const labels = await tree.evaluate((element) =>
    [...element.querySelectorAll(':scope > [role="treeitem"]')].map(
      (item) => item.getAttribute('aria-label') ?? '',
    ),
  );
  await page.getByRole('button', { name: 'Close outline' }).click();
  await tree.waitFor({ state: 'detached' });
  return labels;
};

/** Checks the app's stage order and note counts against the mirror's. */
export const expectStages = async (page: Page, mirror: JourneyMirror): Promise<void> => {
  const layout = mirror.layout();
  const expected = layout.stages.map((column) => {
    const count = layout.notes.filter((note) => note.stageId === column.stage.id).length;
    return `Stage: ${column.stage.name}, ${count === 0 ? 'no notes' : count === 1 ? '1 note' : `${count} notes`}`;
  });
  const actual = await outlineStages(page);
  if (actual.join('\n') !== expected.join('\n'))
    throw new Error(
      `The board's stages differ from the bench's:\n${actual.join('\n')}\nexpected\n${expected.join('\n')}`,
    );
};

/**
 * Checks that the first note of a cell is on screen where the mirror says, in its colour: a
 * third or more of a grid of points inside it show the note's fill (its text, or at small zoom
 * the lines that stand for it, cover much of the rest; a note that is not there matches none).
 */
export const expectNoteAt = async (
  page: Page,
  box: BoardBox,
  viewport: Viewport,
  mirror: JourneyMirror,
  stage: number,
  lane: number,
): Promise<void> => {
  const layout = mirror.layout();
  const stageId = layout.stages[stage]?.stage.id;
  const laneId = mirror.laneRow(layout, lane).lane.id;
  const note = layout.notes
    .filter((candidate) => candidate.stageId === stageId && candidate.laneId === laneId)
    .sort((a, b) => a.slot - b.slot)[0];
  if (!note) throw new Error(`No note in cell ${stage},${lane}`);
  const image = await captureBoard(page);
  let matching = 0;
  let points = 0;
  for (let i = 1; i <= 7; i++)
    for (let j = 1; j <= 7; j++) {
      const at = onPage(box, viewport, { x: note.x + (note.w * i) / 8, y: note.y + (note.h * j) / 8 });
      points++;
      if (colorAt(image, at.x, at.y) === note.color) matching++;
    }
  if (matching < points / 3)
    throw new Error(
      `Expected a ${note.color} note of stage ${stage}, lane ${lane} (${matching}/${points} points)`,
    );
};

/** Creates the map from the template in the New map dialog. */
export const createJourneyMap = async (page: Page, name: string): Promise<void> => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New map' }).click();
  const dialog = page.getByRole('dialog', { name: 'New map' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('radio', { name: new RegExp(`^${template().name}`) }).check();
  await dialog.getByRole('button', { name: 'Create map' }).click();
  await page.getByTestId('board').waitFor();
};

/** Zoom to fit, from a board with nothing selected. */
const fitBoard = async (page: Page): Promise<void> => {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Digit1');
};

/**
 * Types every run into its cell. Before each cell the board is zoomed to fit (the grid grows as
 * its lanes fill), so the cell's centre on screen follows from the mirror.
 */
export const typeJourneyNotes = async (page: Page, mirror: JourneyMirror): Promise<void> => {
  const box = await boardBox(page);
  const editor = page.getByRole('textbox', { name: 'New note text' });
  for (const run of journeyPlan()) {
    await fitBoard(page);
    await page.keyboard.press(String(NOTE_COLORS.indexOf(run.color) + 1));
    const layout = mirror.layout();
    const column = layout.stages[run.stage];
    const row = mirror.laneRow(layout, run.lane);
    if (!column) throw new Error(`No stage ${run.stage}`);
    const cell = { x: column.x, y: row.y, w: column.w, h: row.h };
    const at = await pointInCell(page, box, mirror.fit(box), cell, `The cell ${run.stage},${run.lane}`);
    await page.mouse.click(at.x, at.y);
    await page.keyboard.press('Enter');
    await editor.waitFor();
    for (const [index, text] of run.texts.entries()) {
      await page.keyboard.insertText(text);
      await page.keyboard.press(index < run.texts.length - 1 ? 'Tab' : 'Enter');
      mirror.addToCell(run.stage, run.lane, text, run.color);
    }
    await editor.waitFor({ state: 'detached' });
  }
  await fitBoard(page);
  await waitUntilSaved(page);
  await settle();
};

/** The notes of the moved stage, and of the whole map, per the mirror. */
export const stageNoteCount = (mirror: JourneyMirror, stage: number): number => {
  const layout = mirror.layout();
  const id = layout.stages[stage]?.stage.id;
  return layout.notes.filter((note) => note.stageId === id).length;
};

/** Board y of the middle of the stage headers. */
export const HEADER_MIDDLE_Y = -GRID.headerHeight / 2;
