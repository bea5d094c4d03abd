import { expect, type Page, test } from '@playwright/test';
import { createMap, expectSaved, goToLibrary, mapCard } from './support/journeywall.ts';

/** Pastes text the way Ctrl+V in the app does: one paste event, handled by the app's own handler. */
const pasteText = async (page: Page, text: string): Promise<void> => {
  await page.evaluate((data) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', data);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true }));
  }, text);
};

test('a long list pastes up to the limit and says what was left out', async ({ page }) => {
  await createMap(page, 'Survey answers');
  const lines = Array.from({ length: 2500 }, (_, index) => `Answer ${index + 1}`);
  await pasteText(page, lines.join('\n'));

  // The notice is a status, like the save indicator beside it.
  await expect(page.getByRole('status').filter({ hasText: 'Pasted' })).toHaveText(
    'Pasted 2,000 notes; the other 500 lines were left out (up to 2,000 notes go in one paste).',
  );
  // The paste is one undo step: undo empties the board, redo brings all 2,000 back.
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Double-click anywhere, or press N, to add a note.')).toBeVisible();
  await page.keyboard.press('Control+y');
  await expect(page.getByText('Double-click anywhere, or press N, to add a note.')).toBeHidden();

  await expectSaved(page);
  await goToLibrary(page);
  await expect(mapCard(page, 'Survey answers')).toContainText('2,000 notes');
});
