import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, type Shell, test } from '../harness/fixtures.ts';
import { addressInQr, joinRoom, phone, writeNote } from '../support/phones.ts';
import { expectMapOpen, expectSaved, FIXTURE_MAP, fixtureMapIn } from '../support/ui.ts';

/**
 * The room, for real on this machine's loopback: the app's main process serves it, phones are
 * Chromium pages of their own that open the address the QR code holds. What the map ends up
 * holding is read back from the saved file with plain JSON, not with the app's reader.
 */

interface SavedNote {
  readonly text: string;
  readonly stage: string | null;
  readonly lane: string | null;
}

/** The live notes of a saved map with the names of their cells, read without the app's code. */
function notesIn(file: string): SavedNote[] {
  const map = JSON.parse(readFileSync(file, 'utf8'));
  const names = new Map<string, string>(
    [...map.stages, ...map.lanes].map((header: { id: string; name: string }) => [header.id, header.name]),
  );
  return map.notes.flatMap(
    (group: { stageId?: string; laneId?: string; notes: { text: string; isDeleted?: boolean }[] }) =>
      group.notes
        .filter((note) => !note.isDeleted)
        .map((note) => ({
          text: note.text,
          stage: group.stageId ? (names.get(group.stageId) ?? null) : null,
          lane: group.laneId ? (names.get(group.laneId) ?? null) : null,
        })),
  );
}

/** The rounds of a saved map: their prompts and inbox, read without the app's code. */
function roundsIn(
  file: string,
): { prompt: string; inbox: { text: string; author?: string; noteId?: string }[] }[] {
  return JSON.parse(readFileSync(file, 'utf8')).rounds ?? [];
}

async function openRoomPanel(board: Page): Promise<string> {
  await board.getByRole('button', { name: 'Room' }).click();
  await board.getByLabel('Network').selectOption({ label: 'This computer only (127.0.0.1)' });
  await board.getByRole('button', { name: 'Open the room' }).click();
  await expect(board.locator('.room-url')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/j\/[A-Za-z0-9_-]{22}$/);
  return (await board.locator('.room-url').textContent()) ?? '';
}

async function openWritingRound(board: Page, prompt: string): Promise<void> {
  await board.getByLabel('Prompt').fill(prompt);
  await board.getByLabel('Minutes (0 for no time limit)').fill('0');
  await board.getByRole('button', { name: 'Open the writing round' }).click();
  await expect(board.getByText('Writing round open')).toBeVisible();
}

const inbox = (board: Page) => board.locator('.room-inbox');

/** The app with the fixture map open from its file, on the board. */
async function mapOnBoard(shell: Shell, persistentProfile = false) {
  const folder = shell.folder('files');
  const file = fixtureMapIn(folder);
  const app = shell.launch({ argv: ['toner.cxmap'], cwd: folder, persistentProfile });
  const { page: board } = await app.window();
  await expectMapOpen(board, FIXTURE_MAP.name);
  return { app, board, file, folder };
}

test('phones join by the QR code, write in silence, and the reveal puts their notes in their cells', async ({
  shell,
  browser,
}) => {
  const { board, file } = await mapOnBoard(shell);
  const shown = await openRoomPanel(board);
  const url = await addressInQr(board, '.room-qr');
  expect(url).toBe(shown);
  await expect(board.locator('.room-code strong')).toHaveText(/^[A-Z2-9]{6}$/);

  const [ana, ben, cara] = [await phone(browser), await phone(browser), await phone(browser)];
  await joinRoom(ana, url, 'Ana');
  await joinRoom(ben, url, 'Ben');
  await joinRoom(cara, url, 'Cara');
  await expect(board.getByRole('heading', { name: 'In the room: 3 people' })).toBeVisible();
  await expect(ana.getByText('Waiting for the facilitator to open a writing round')).toBeVisible();

  await openWritingRound(board, 'What happens before they call us?');
  for (const participant of [ana, ben, cara])
    await expect(
      participant.getByRole('heading', { name: 'What happens before they call us?' }),
    ).toBeVisible();

  await writeNote(ana, 'Toner light blinks for a week', 'Recognize', 'Customer actions');
  await writeNote(ben, 'toner light  blinks for a week', 'Recognize', 'Customer actions');
  await writeNote(cara, 'Hold music for 20 minutes', 'Request', 'Breakdown points');
  for (const participant of [ana, ben, cara]) await expect(participant.getByText('Sent ✓')).toHaveCount(1);
  await expect(inbox(board)).toHaveText('Inbox: 3 notes from 3 people, hidden until revealed');

  // A phone out of Wi-Fi keeps its note and sends it when the room is back.
  await ana.context().setOffline(true);
  await writeNote(ana, 'Cannot find the cartridge number', 'Recognize', 'Customer actions');
  await expect(ana.getByText('Waiting to send…')).toBeVisible();
  await ana.context().setOffline(false);
  await expect(ana.getByText('Sent ✓')).toHaveCount(2, { timeout: 20_000 });
  await expect(inbox(board)).toHaveText('Inbox: 4 notes from 3 people, hidden until revealed');

  // A reloaded phone is still in the room, with its notes.
  await ben.reload();
  await expect(ben.getByText('toner light blinks for a week')).toBeVisible();
  await expect(ben.getByText('Connected')).toBeVisible();

  // A removed phone is told, and its notes already sent stay.
  await board.getByRole('button', { name: 'Remove Cara' }).click();
  await expect(cara.getByText('The facilitator removed you from this room.')).toBeVisible();
  await expect(board.getByRole('heading', { name: 'In the room: 2 people' })).toBeVisible();

  // Nothing of the inbox is on the board before the reveal.
  await board.keyboard.press('Control+s');
  await expect.poll(() => roundsIn(file)[0]?.inbox.length).toBe(4);
  expect(notesIn(file).map((note) => note.text)).not.toContain('Hold music for 20 minutes');

  await board.getByLabel('Keep who wrote each note').check();
  await board.getByRole('button', { name: 'Reveal 4 notes' }).click();
  await expect(inbox(board)).toHaveText('Inbox: 0 notes, hidden until revealed');
  await board.keyboard.press('Control+s');
  await expect
    .poll(() => notesIn(file).filter((note) => /blinks|Hold music|cartridge number/.test(note.text)))
    .toEqual(
      expect.arrayContaining([
        { text: 'Toner light blinks for a week', stage: 'Recognize', lane: 'Customer actions' },
        { text: 'Cannot find the cartridge number', stage: 'Recognize', lane: 'Customer actions' },
        { text: 'Hold music for 20 minutes', stage: 'Request', lane: 'Breakdown points' },
      ]),
    );
  // The two blinking-light notes were one note, said by two people, as the note's inspector says.
  expect(notesIn(file).filter((note) => /blinks/i.test(note.text))).toHaveLength(1);
  await board.keyboard.press('Control+f');
  await board.getByRole('searchbox', { name: 'Find in notes, headers and personas' }).fill('light blinks');
  await board.keyboard.press('Enter');
  await board.keyboard.press('Escape');
  await expect(board.getByText('Written by Ana and Ben')).toBeVisible();
  expect(roundsIn(file)[0]?.inbox.map((note) => note.author)).toEqual(['Ana', 'Ben', 'Cara', 'Ana']);
});

test('a laptop that crashes mid-round reopens the same room: phones reconnect by themselves, the inbox intact', async ({
  shell,
  browser,
}) => {
  const { app, board, folder } = await mapOnBoard(shell, true);
  const url = await openRoomPanel(board);
  const code = await board.locator('.room-code strong').textContent();
  const ana = await phone(browser);
  await joinRoom(ana, url, 'Ana');
  await openWritingRound(board, 'What happens after delivery?');
  await writeNote(ana, 'Box too big for the letterbox', 'Respond', 'Customer actions');
  await expect(ana.getByText('Sent ✓')).toBeVisible();

  // The laptop dies: the phone keeps what it writes meanwhile.
  await app.close();
  await expect(ana.getByText(/Reconnecting/)).toBeVisible();
  await writeNote(ana, 'Written while the laptop was down', 'Respond', 'Customer actions');
  await expect(ana.getByText('Waiting to send…')).toBeVisible();

  // The app opens again on the map it had open.
  const again = shell.launch({ root: app.root, cwd: folder, persistentProfile: true });
  const { page: reopened } = await again.window();
  await expectMapOpen(reopened, FIXTURE_MAP.name);
  expect(await openRoomPanel(reopened)).toBe(url);
  await expect(reopened.locator('.room-code strong')).toHaveText(code ?? '');
  await expect(ana.getByText('Sent ✓')).toHaveCount(2, { timeout: 30_000 });
  await expect(reopened.locator('.room-inbox')).toHaveText(
    'Inbox: 2 notes from 1 person, hidden until revealed',
  );
  expect(path.basename(url)).toMatch(/^[A-Za-z0-9_-]{22}$/);
});

test('the room votes on their phones, all at once; the totals stay hidden until the reveal', async ({
  shell,
  browser,
}) => {
  const { board, file } = await mapOnBoard(shell);
  const url = await openRoomPanel(board);
  const [ana, ben] = [await phone(browser), await phone(browser)];
  await joinRoom(ana, url, 'Ana');
  await joinRoom(ben, url, 'Ben');

  await board.getByRole('button', { name: 'Vote', exact: true }).click();
  const panel = board.getByRole('complementary', { name: 'Vote' });
  await expect(panel.getByLabel('On the phones in the room, all at once')).toBeChecked();
  await panel.getByLabel('Dots each').fill('2');
  await panel.getByRole('button', { name: 'Start the vote' }).click();

  await expect(ana.getByRole('heading', { name: 'Which breakdown points hurt most?' })).toBeVisible();
  const hold = 'Give a dot to: Cannot tell which cartridge fits';
  const courier = 'Give a dot to: Courier comes while he is at a client';
  await ana.getByRole('button', { name: hold }).click();
  await ana.getByRole('button', { name: courier }).click();
  await ben.getByRole('button', { name: hold }).click();
  await expect(ana.getByText('0 dots left')).toBeVisible();
  await expect(ben.getByText('1 dot left')).toBeVisible();
  await expect(panel.getByText('2 people have given dots')).toBeVisible();
  // A phone changing its mind replaces its ballot: dots never count twice.
  await ben.getByRole('button', { name: 'Take a dot off: Cannot tell which cartridge fits' }).click();
  await ben.getByRole('button', { name: courier }).click();
  await expect(ben.getByText('1 dot left')).toBeVisible();

  await expect
    .poll(async () => {
      await board.keyboard.press('Control+s');
      const votes = JSON.parse(readFileSync(file, 'utf8')).votes ?? [];
      return votes[0]?.ballots;
    })
    .toHaveLength(2);
  await panel.getByRole('button', { name: 'Reveal' }).click();
  await expect(ana.getByRole('heading', { name: 'Which breakdown points hurt most?' })).toBeHidden();
  await board.keyboard.press('Control+s');
  await expect
    .poll(() => {
      const [vote] = JSON.parse(readFileSync(file, 'utf8')).votes;
      const totals: Record<string, number> = {};
      for (const ballot of vote.ballots as Record<string, number>[])
        for (const [note, dots] of Object.entries(ballot)) totals[note] = (totals[note] ?? 0) + dots;
      return {
        revealed: vote.revealed,
        onPhones: vote.onPhones,
        phones: vote.voterIds.length,
        dots: Object.values(totals).sort(),
      };
    })
    .toEqual({ revealed: true, onPhones: true, phones: 2, dots: [1, 2] });
});

test('phones read the map, following the stage present mode shows', async ({ shell, browser }) => {
  const { board } = await mapOnBoard(shell);
  const url = await openRoomPanel(board);
  const ana = await phone(browser);
  await joinRoom(ana, url, 'Ana');
  await expect(ana.getByRole('heading', { name: /Home office printer: toner refill/ })).toBeVisible();

  await board.keyboard.press('F5');
  await expect(board.getByTestId('present-room')).toBeVisible();
  await board.keyboard.press('2');
  await expect(ana.getByLabel('Read stage').locator('option:checked')).toHaveText('Request');
  await expect(ana.getByText('Following the screen')).toBeVisible();
  await board.keyboard.press('3');
  await expect(ana.getByLabel('Read stage').locator('option:checked')).toHaveText('Respond');
  await board.keyboard.press('j');
  await expect(board.getByTestId('present-room')).toBeHidden();
});

test('a reloaded window closes the room until it is opened again; the notes sent meanwhile reach the map', async ({
  shell,
  browser,
}) => {
  const { board } = await mapOnBoard(shell);
  const url = await openRoomPanel(board);
  const ana = await phone(browser);
  await joinRoom(ana, url, 'Ana');
  await openWritingRound(board, 'What happens before they call us?');
  await expectSaved(board);
  await board.reload();
  await expectMapOpen(board, FIXTURE_MAP.name);
  await expect(ana.getByText(/Reconnecting/)).toBeVisible();
  await writeNote(ana, 'Written while the window reloaded', 'Request', 'Touchpoints');
  await expect(ana.getByText('Waiting to send…')).toBeVisible();
  expect(await openRoomPanel(board)).toBe(url);
  await expect(ana.getByText('Sent ✓')).toBeVisible({ timeout: 20_000 });
  await expect(inbox(board)).toHaveText('Inbox: 1 note from 1 person, hidden until revealed');
});
