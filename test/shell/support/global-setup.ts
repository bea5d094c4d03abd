/**
 * Builds what the shell suites run: the main and preload bundles (always, with the project's own
 * script, so the tests exercise the current source; it takes a moment), the renderer when
 * dist/ lacks it or the room's phone page, and the stand-in main process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';
import { APP, OUT, PARTICIPANT_ENTRY, RENDERER_ENTRY, ROOT, RUN_MAIN } from './paths.ts';

export default async function globalSetup(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  if (APP === ROOT)
    execFileSync('npm', ['run', '--silent', 'build:electron'], { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(RENDERER_ENTRY) || !existsSync(PARTICIPANT_ENTRY))
    execFileSync('npm', ['run', '--silent', 'build:renderer'], { cwd: ROOT, stdio: 'inherit' });
  await build({
    entryPoints: [`${ROOT}/test/shell/main-process/run-main.ts`],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: RUN_MAIN,
    logLevel: 'warning',
  });
}
