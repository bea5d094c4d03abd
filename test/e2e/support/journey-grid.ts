import { expect, type Page } from '@playwright/test';
import { fitBeside, toScreen } from '../../../renderer/board/viewport.ts';
import { GRID } from '../../../shared/journey/grid-geometry.ts';
import { templateById } from '../../../shared/journey/templates.ts';
import { NOTE_SIZE } from '../../../shared/model/records.ts';
import { board, coveredEdges } from './journeywall.ts';

/** The customer-experience template's grid on screen at "zoom to fit", by header names. */
export interface BoardGeometry {
  /** Screen point of the centre of a stage's cell in a lane (by their header names). */
  cell: (stage: string, lane: string) => { x: number; y: number };
  /** Screen point of the first note in a cell (notes are arranged from the cell's top left). */
  firstNote: (stage: string, lane: string) => { x: number; y: number };
}

/** Maps header names to screen points from the grid as drawn at "zoom to fit" (customer-experience template). */
export const geometry = async (page: Page): Promise<BoardGeometry> => {
  const box = await board(page).boundingBox();
  if (!box) throw new Error('no board');
  const template = templateById('customer-experience');
  if (!template) throw new Error('no customer-experience template');
  const stages = template.stages.map((stage) => stage.name);
  const lanes = template.lanes.map((lane) => lane.name);
  const heights = template.lanes.map((lane) => lane.height ?? GRID.defaultLaneHeight);
  const headerHeight = GRID.headerHeight + GRID.categoryHeight;
  // The grid with its headers and category band, fitted where the app fits it: beside the panels.
  const grid = {
    x: -GRID.laneHeaderWidth,
    y: -headerHeight,
    w: GRID.laneHeaderWidth + stages.length * GRID.defaultStageWidth,
    h: headerHeight + heights.reduce((sum, height) => sum + height, 0),
  };
  const size = { width: Math.floor(box.width), height: Math.floor(box.height) };
  const fit = fitBeside(grid, size, await coveredEdges(page));
  const onScreen = (x: number, y: number) => {
    const point = toScreen(fit, { x, y });
    return { x: box.x + point.x, y: box.y + point.y };
  };
  const laneTop = (index: number) => heights.slice(0, index).reduce((sum, height) => sum + height, 0);
  const columnLeft = (stage: string) => stages.indexOf(stage) * GRID.defaultStageWidth;
  return {
    cell: (stage, lane) => {
      const row = lanes.indexOf(lane);
      return onScreen(columnLeft(stage) + GRID.defaultStageWidth / 2, laneTop(row) + (heights[row] ?? 0) / 2);
    },
    firstNote: (stage, lane) =>
      onScreen(
        columnLeft(stage) + GRID.cellPadding + NOTE_SIZE.w / 2,
        laneTop(lanes.indexOf(lane)) + GRID.cellPadding + NOTE_SIZE.h / 2,
      ),
  };
};

export const typeInCell = async (page: Page, at: { x: number; y: number }, texts: readonly string[]) => {
  await page.mouse.click(at.x, at.y);
  for (const [index, text] of texts.entries()) {
    if (index === 0) {
      await page.keyboard.type(text);
    } else {
      await page.keyboard.press('Tab');
      await page.keyboard.type(text);
    }
  }
  await page.keyboard.press('Enter');
};

/**
 * Opens the library fresh and creates a map from the customer-experience template; returns once
 * the new map shows its whole grid (zoom to fit), where geometry() finds its cells.
 */
export const createJourneyMap = async (page: Page, name: string): Promise<void> => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByText('Customer experience stages').click();
  await page.getByRole('button', { name: 'Create map' }).click();
  await expect(board(page)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Zoom \d+%/ })).not.toHaveAccessibleName(/^Zoom 100%,/);
};
