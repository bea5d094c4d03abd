/** What a facilitator does in the desktop window, on top of the e2e suite's steps. */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { FIXTURES } from './paths.ts';

export { expectSaved, startNewMap, typeNotes } from '../../e2e/support/journeywall.ts';

/** The map in test/fixtures/format-2.cxmap, as a user has it on disk. */
export const FIXTURE_MAP = {
  name: 'Home office printer: toner refill',
  note: 'Bundle paper with toner?',
} as const;

/** Copies a fixture map (by default FIXTURE_MAP) to `folder` under `name`; returns its path. */
export function fixtureMapIn(folder: string, name = 'toner.cxmap', fixture = 'format-2.cxmap'): string {
  const target = path.join(folder, name);
  copyFileSync(path.join(FIXTURES, fixture), target);
  return target;
}

export const mapName = (page: Page): Locator => page.getByRole('textbox', { name: 'Map name' });

export async function expectLibrary(page: Page): Promise<void> {
  // Generous: a loaded CI machine starts a Chromium page slowly.
  await expect(page.getByRole('button', { name: 'New map' })).toBeVisible({ timeout: 40_000 });
}

/** Waits until the board shows the map named `name`. */
export async function expectMapOpen(page: Page, name: string): Promise<void> {
  await expect(mapName(page)).toHaveValue(name, { timeout: 20_000 });
}
