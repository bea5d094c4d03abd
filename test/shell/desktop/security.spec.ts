import { INVOKE } from '../../../shared/ipc/contract.ts';
import { expect, test } from '../harness/fixtures.ts';
import { expectLibrary } from '../support/ui.ts';

/**
 * The renderer is treated as untrusted: IPC is served only to the app's own top frame, the page
 * cannot navigate away or open windows, and every response carries the strict CSP.
 */

test('IPC sent from an iframe is refused; from the app’s top frame it is served', async ({ shell }) => {
  const app = shell.launch();
  const appWindow = await app.window();
  const { page } = appWindow;
  await expectLibrary(page);
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.srcdoc = '<p>embedded</p>';
    document.body.append(frame);
  });
  await expect.poll(() => page.frames().length).toBe(2);
  const iframe = page.frames().find((frame) => frame !== page.mainFrame());
  if (!iframe) throw new Error('no iframe');

  // A compromised renderer can send from any of its frames; main checks which one sent.
  await expect(appWindow.invokeAs(iframe, INVOKE.appInfo)).rejects.toThrow(
    /Rejected journeywall:app-info: untrusted sender/,
  );
  await expect(appWindow.invokeAs(iframe, INVOKE.listBackups)).rejects.toThrow(/untrusted sender/);
  await expect(appWindow.invokeAs(page.mainFrame(), INVOKE.appInfo)).resolves.toMatchObject({
    shell: 'desktop',
  });
  // And a subframe gets no bridge: the preload runs in the top frame only.
  expect(await iframe.evaluate(() => typeof (window as unknown as Record<string, unknown>).journeywall)).toBe(
    'undefined',
  );
});

test('the page cannot navigate away or open windows, and every response carries the CSP', async ({
  shell,
}) => {
  const app = shell.launch();
  const appWindow = await app.window();
  const { page } = appWindow;
  const entry = page.waitForResponse((response) => response.url().endsWith('/index.html'));
  await expectLibrary(page);
  expect((await entry).headers()['content-security-policy']).toMatch(/default-src 'self'.*object-src 'none'/);
  const appUrl = page.url();

  await page.evaluate(() => {
    location.href = 'https://example.com/phishing';
  });
  await expect
    .poll(() => app.output.join('\n'))
    .toContain('[security] blocked navigation to https://example.com/phishing');
  expect(page.url()).toBe(appUrl);
  await expectLibrary(page);

  await page.evaluate(() => {
    window.open('https://example.com/popup');
  });
  await expect
    .poll(() => app.output.join('\n'))
    .toContain('[security] blocked window.open of https://example.com/popup');
  await expect.poll(() => page.context().pages().length).toBe(1);

  const fetched = await page.evaluate(() =>
    fetch('https://example.com/data').then(
      () => 'loaded',
      () => 'refused',
    ),
  );
  expect(fetched).toBe('refused');
});
