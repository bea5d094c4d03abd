import { defineConfig } from '@playwright/test';
import { APP_ORIGIN, OUT, ROOT } from './support/paths.ts';

/**
 * The fault suite: crashes, a full disk, a wiped IndexedDB and a second tab, against the built
 * renderer in Debian's Chromium on persistent profiles. The tests launch and SIGKILL Chromium
 * themselves (support/browser.ts), so there is no `use.launchOptions` here.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: `${OUT}/artifacts`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  globalSetup: './support/global-setup.ts',
  reporter: [['list'], ['./support/summary-reporter.ts']],
  webServer: {
    command: 'npx tsx test/faults/support/serve.ts',
    cwd: ROOT,
    url: APP_ORIGIN,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
