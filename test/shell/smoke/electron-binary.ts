/**
 * Where a real Electron executable is, if anywhere: ELECTRON_OVERRIDE_DIST_PATH, or the one
 * `npm install` put in node_modules/electron/dist. Found by looking, never by requiring the
 * `electron` package, whose index.js downloads the binary when it is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/paths.ts';

/** How the smoke tests are recorded where they cannot run; test/run-all.ts looks for these words. */
export const NOT_RUN = 'smoke: not run (no Electron binary)';

export function electronBinary(): string | null {
  const packageDir = path.join(ROOT, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? path.join(override, relative) : path.join(packageDir, 'dist', relative);
  return existsSync(candidate) ? candidate : null;
}
