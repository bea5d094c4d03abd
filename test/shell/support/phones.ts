/** Participants' phones for the room's tests: Chromium pages of their own, outside the app. */
import { type Browser, expect, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** A phone: its own browser context (own storage), at a phone's size. */
export async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  return context.newPage();
}

/**
 * The address a QR code on the page holds, read from a screenshot as a phone's camera would:
 * an independent check that what the room shows is what phones can open.
 */
export async function addressInQr(page: Page, selector: string): Promise<string> {
  const image = PNG.sync.read(await page.locator(selector).first().screenshot());
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!code) throw new Error('no QR code could be read');
  return code.data;
}

/** Joins the room at `url` under `name`, and waits until the laptop has welcomed the phone. */
export async function joinRoom(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Your name (optional)').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByText('Connected')).toBeVisible();
}

/** Writes one note on the phone, in a stage and lane it chooses by name. */
export async function writeNote(page: Page, text: string, stage: string, lane: string): Promise<void> {
  await page.getByLabel('Stage', { exact: true }).selectOption({ label: stage });
  await page.getByLabel('Lane', { exact: true }).selectOption({ label: lane });
  await page.getByLabel('Your note', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}
