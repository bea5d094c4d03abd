/**
 * The shell suite's test: `shell.launch()` starts the desktop app (as many times as a test
 * needs: relaunches and second instances share a root). At the end every app still running is
 * ended, the main processes' output and the pages' consoles are attached to the report, and a
 * stand-in rule the app broke fails the test even if the app caught the error.
 */
import { mkdirSync } from 'node:fs';
import { test as base } from '@playwright/test';
import { Desktop, type LaunchOptions } from './desktop.ts';

export interface Shell {
  /** Launches the app; without `root`, in a fresh folder of this test. */
  launch(options?: Partial<Omit<LaunchOptions, 'browser'>>): Desktop;
  /** A folder of this test for files the user works with. */
  folder(name: string): string;
}

export const test = base.extend<{ shell: Shell }>({
  shell: async ({ browser }, use, info) => {
    const launched: Desktop[] = [];
    await use({
      launch(options = {}) {
        const desktop = new Desktop({
          root: info.outputPath(`app-${launched.length + 1}`),
          ...options,
          browser,
        });
        launched.push(desktop);
        return desktop;
      },
      folder(name) {
        const folder = info.outputPath(name);
        mkdirSync(folder, { recursive: true });
        return folder;
      },
    });
    for (const desktop of launched) await desktop.close();
    for (const [index, desktop] of launched.entries()) {
      const consoles = desktop.windows.flatMap((window) =>
        window.console.map((line) => `[${line.type}] ${line.text}`),
      );
      await info.attach(`app-${index + 1}.log`, {
        body: [...desktop.output, '--- page console ---', ...consoles].join('\n'),
        contentType: 'text/plain',
      });
    }
    const broken = launched.flatMap((desktop) => desktop.harnessErrors);
    if (broken.length > 0) throw new Error(`The harness failed:\n${broken.join('\n')}`);
    const misuse = launched.flatMap((desktop) => desktop.standInErrors);
    if (misuse.length > 0) throw new Error(`The app broke the stand-in's rules:\n${misuse.join('\n')}`);
    const unanswered = launched.flatMap((desktop) => desktop.dialogs.problems);
    if (unanswered.length > 0)
      throw new Error(`A dialog did not offer what the test answered:\n${unanswered.join('\n')}`);
  },
});

export { expect } from '@playwright/test';
