import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { createJourneyMap, geometry } from './support/journey-grid.ts';
import { expectSaved } from './support/journeywall.ts';

/**
 * Issue 11's target: a journey called out by the room, typed with the keyboard alone after one
 * click on the first cell. Notes take their kind from their lane, a quotation mark makes a
 * customer quote, composed and emoji starts keep their first character, and a touchpoint gets
 * its channel, stamp and ratings from keys. The saved file is read with JSON.parse alone.
 */

/** The lanes that hold notes, top to bottom (the emotion lane is skipped by the arrow keys). */
const LANES = [
  'Customer actions',
  'Touchpoints',
  'Channels',
  'Thoughts and feelings',
  'Breakdown points',
  'Opportunities',
] as const;
const STAGES = ['Brand awareness', 'Interest', 'A taste of the offering', 'Purchase', 'Use'] as const;

type Lane = (typeof LANES)[number];
type Stage = (typeof STAGES)[number];

/** What the room calls out, cell by cell, in the order it is typed: 40 notes. */
const CALLED_OUT: readonly [Stage, Lane, readonly string[]][] = [
  ['Brand awareness', 'Customer actions', ['Printer warns: toner low', 'Ignores it for a week']],
  ['Brand awareness', 'Touchpoints', ['Printer screen warning', 'Search result']],
  ['Brand awareness', 'Thoughts and feelings', ['“Not again”', '😬 too expensive']],
  ['Brand awareness', 'Breakdown points', ['Cartridge code unreadable']],
  ['Interest', 'Customer actions', ['Compares prices', 'Reads reviews']],
  ['Interest', 'Touchpoints', ['Price comparison site', 'Manufacturer website']],
  ['Interest', 'Channels', ['Web']],
  ['Interest', 'Thoughts and feelings', ['Étape suivante : commander', '"Which one fits my printer?"']],
  ['Interest', 'Opportunities', ['Cartridge finder by printer model']],
  ['A taste of the offering', 'Customer actions', ['Orders a sample page']],
  ['A taste of the offering', 'Touchpoints', ['Sample print service']],
  ['A taste of the offering', 'Thoughts and feelings', ['Curious']],
  ['A taste of the offering', 'Breakdown points', ['Sample takes 5 days']],
  ['Purchase', 'Customer actions', ['Adds to basket', 'Pays', 'Reads confirmation']],
  ['Purchase', 'Touchpoints', ['Order page', 'Payment page', 'Confirmation email']],
  ['Purchase', 'Channels', ['Web shop', 'Email']],
  ['Purchase', 'Thoughts and feelings', ['„Endlich bestellt“', 'Relieved']],
  ['Purchase', 'Breakdown points', ['Address asked twice']],
  ['Purchase', 'Opportunities', ['One-click reorder']],
  ['Use', 'Customer actions', ['Unpacks', 'Installs the cartridge', 'Prints a test page']],
  ['Use', 'Touchpoints', ['Install video', 'Delivery box', 'Support line']],
  ['Use', 'Thoughts and feelings', ['“It just worked”']],
  ['Use', 'Breakdown points', ['Old cartridge: where to recycle?']],
  ['Use', 'Opportunities', ['Prepaid recycling label']],
];

/** Counts what the user did in the page from now on: key presses and every pointer action. */
const startCounting = (page: Page) =>
  page.evaluate(() => {
    const counts = { keys: 0, pointer: 0 };
    (window as unknown as { inputCounts: typeof counts }).inputCounts = counts;
    // A key's own text input follows its keydown; text inserted without one (a composed
    // character, an emoji from the picker) is one more key of the user's.
    let keyDown = false;
    window.addEventListener(
      'keydown',
      () => {
        counts.keys++;
        keyDown = true;
      },
      true,
    );
    window.addEventListener(
      'keyup',
      () => {
        keyDown = false;
      },
      true,
    );
    window.addEventListener(
      'beforeinput',
      (event) => {
        if (event.inputType !== 'insertText' && event.inputType !== 'insertCompositionText') return;
        if (!keyDown) counts.keys++;
        keyDown = false;
      },
      true,
    );
    for (const type of ['pointerdown', 'mousedown', 'wheel', 'contextmenu', 'dragstart'])
      window.addEventListener(type, () => counts.pointer++, true);
  });

const counted = (page: Page) =>
  page.evaluate(() => (window as unknown as { inputCounts: { keys: number; pointer: number } }).inputCounts);

/** Moves the cell cursor with the arrow keys from one cell to another. */
const moveCursor = async (page: Page, from: [Stage, Lane], to: [Stage, Lane]) => {
  const across = STAGES.indexOf(to[0]) - STAGES.indexOf(from[0]);
  const down = LANES.indexOf(to[1]) - LANES.indexOf(from[1]);
  for (let step = 0; step < Math.abs(across); step++)
    await page.keyboard.press(across > 0 ? 'ArrowRight' : 'ArrowLeft');
  for (let step = 0; step < Math.abs(down); step++)
    await page.keyboard.press(down > 0 ? 'ArrowDown' : 'ArrowUp');
};

interface FileNote {
  readonly id: string;
  readonly text: string;
  readonly kind?: string;
  readonly color?: string;
  readonly channel?: string | null;
  readonly wow?: boolean;
  readonly ratings?: Record<string, number | null> | null;
  readonly isDeleted?: boolean;
}

/** The saved .cxmap, read with JSON.parse: each live note with its stage and lane names. */
const notesInFile = (path: string) => {
  const file = JSON.parse(readFileSync(path, 'utf8')) as {
    stages: { id: string; name: string }[];
    lanes: { id: string; name: string }[];
    notes: { stageId?: string | null; laneId?: string | null; notes: FileNote[] }[];
  };
  const name = (list: { id: string; name: string }[], id: string | null | undefined) =>
    list.find((entry) => entry.id === id)?.name;
  return file.notes.flatMap((group) =>
    group.notes
      .filter((note) => !note.isDeleted)
      .map((note) => ({
        ...note,
        stage: name(file.stages, group.stageId),
        lane: name(file.lanes, group.laneId),
      })),
  );
};

test('a 40-note journey typed with the keyboard alone after one click', async ({ page }, info) => {
  await createJourneyMap(page, 'Toner, keyboard only');
  const grid = await geometry(page);

  // The one click: the first cell.
  const first = grid.cell('Brand awareness', 'Customer actions');
  await page.mouse.click(first.x, first.y);
  await startCounting(page);

  let at: [Stage, Lane] = ['Brand awareness', 'Customer actions'];
  for (const [stage, lane, texts] of CALLED_OUT) {
    await moveCursor(page, at, [stage, lane]);
    at = [stage, lane];
    for (const [index, text] of texts.entries()) {
      if (index > 0) await page.keyboard.press('Tab');
      await page.keyboard.type(text);
    }
    await page.keyboard.press('Enter');
  }

  // Classifying the install video: Tab to it, web channel (C three times), stamp, ratings 5 4 5.
  await moveCursor(page, at, ['Use', 'Touchpoints']);
  await page.keyboard.press('Tab');
  for (const key of ['c', 'c', 'c', 's', 'r', '5', '4', '5']) await page.keyboard.press(key);
  // The delivery box rates badly on painless; the support line is a question for the room.
  await page.keyboard.press('Tab');
  for (const key of ['r', '3', '3', '1']) await page.keyboard.press(key);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Q');
  await page.keyboard.press('Escape');

  await expectSaved(page);
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const path = info.outputPath('keyboard-only.cxmap');
  await (await download).saveAs(path);

  const { keys, pointer } = await counted(page);
  const texts = CALLED_OUT.flatMap(([, , called]) => called);
  const characters = texts.reduce((sum, text) => sum + [...text].length, 0);
  const figures = `${texts.length} notes, ${characters} characters of text; ${keys} keystrokes (${keys - characters} besides the text), ${pointer} pointer actions after the first click`;
  info.annotations.push({ type: 'figures', description: figures });
  console.log(`keyboard capture: ${figures}`);
  expect(pointer).toBe(0);

  const saved = notesInFile(path);
  expect(saved).toHaveLength(40);
  const kindOf = (text: string) => saved.find((note) => note.text === text)?.kind ?? 'note';
  // Every note in the cell it was called out for, with its first character.
  for (const [stage, lane, texts] of CALLED_OUT)
    for (const text of texts)
      expect(
        saved.find((note) => note.text === text),
        text,
      ).toMatchObject({ stage, lane });
  // Kinds from the lanes, quotes from their quotation marks.
  for (const [, lane, texts] of CALLED_OUT)
    for (const text of texts) {
      const expected =
        text === 'Support line'
          ? 'question'
          : {
              'Customer actions': 'note',
              Touchpoints: 'touchpoint',
              Channels: 'note',
              'Thoughts and feelings': /^["“„]/.test(text) ? 'quote' : 'note',
              'Breakdown points': 'breakdown',
              Opportunities: 'opportunity',
            }[lane];
      expect(kindOf(text), text).toBe(expected);
    }
  expect(saved.find((note) => note.text === 'Install video')).toMatchObject({
    channel: 'web',
    wow: true,
    ratings: { effortless: 5, productive: 4, painless: 5 },
  });
  expect(saved.find((note) => note.text === 'Delivery box')).toMatchObject({
    ratings: { effortless: 3, productive: 3, painless: 1 },
  });
});
