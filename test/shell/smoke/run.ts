/**
 * Runs the smoke suite: under `xvfb-run` when there is an Electron binary and no display (CI),
 * straight away otherwise. With no binary it runs nothing: it prints NOT_RUN and writes, where
 * the JSON report would go, a report saying so, which test/run-all.ts prints instead of counts.
 * Arguments are passed on to `playwright test`.
 * Usage: npx tsx test/shell/smoke/run.ts [playwright options]
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { ROOT } from '../support/paths.ts';
import { electronBinary, NOT_RUN } from './electron-binary.ts';

if (electronBinary() === null) {
  console.log(NOT_RUN);
  const report = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME;
  if (report) writeFileSync(report, JSON.stringify({ notRun: NOT_RUN }));
  process.exit(0);
}

const playwright = [
  'npx',
  'playwright',
  'test',
  '-c',
  'test/shell/playwright.config.ts',
  '--project',
  'smoke',
  ...process.argv.slice(2),
];
const hasXvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
const needsDisplay = electronBinary() !== null && !process.env.DISPLAY;
if (needsDisplay && !hasXvfb)
  console.error('smoke: an Electron binary is installed but there is no display and no xvfb-run');
const command = needsDisplay && hasXvfb ? ['xvfb-run', '--auto-servernum', ...playwright] : playwright;
const [program = 'npx', ...args] = command;
const run = spawnSync(program, args, { cwd: ROOT, stdio: 'inherit' });
process.exit(run.status ?? 1);
