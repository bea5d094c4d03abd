import { defineConfig } from '@playwright/test';
import { shellChromiumOptions } from './support/chromium.ts';

/**
 * The desktop shell without Electron's binary: `harness` runs the bundled main process under a
 * stand-in `electron` with real Chromium windows; `packaging` runs electron-builder --dir with a
 * stand-in Electron distribution; `smoke` drives the real Electron binary where one is installed.
 */
export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results/shell/artifacts',
  globalSetup: './support/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: { launchOptions: shellChromiumOptions() },
  projects: [
    { name: 'harness', testMatch: ['desktop/*.spec.ts', 'defects/*.spec.ts', 'stand-in/*.spec.ts'] },
    { name: 'packaging', testMatch: 'packaging/*.spec.ts' },
    { name: 'smoke', testMatch: 'smoke/*.spec.ts' },
  ],
});
