/** Where the harness finds the app's bundles and keeps what it builds and writes. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/**
 * The app under test: a folder with package.json, dist-electron/ and dist/, as `electron .` runs
 * it. The repository itself unless JOURNEYWALL_SHELL_APP names another build (then nothing is
 * rebuilt), e.g. an older build to see a test fail before its fix.
 */
export const APP = path.resolve(process.env.JOURNEYWALL_SHELL_APP ?? ROOT);
export const MAIN_BUNDLE = path.join(APP, 'dist-electron', 'main.cjs');
export const RENDERER_ENTRY = path.join(ROOT, 'dist', 'index.html');
/** The room's phone page, built beside the renderer. */
export const PARTICIPANT_ENTRY = path.join(ROOT, 'dist', 'participant', 'index.html');
export const OUT = path.join(ROOT, 'test-results', 'shell');
/** The stand-in main process, bundled by the global setup. */
export const RUN_MAIN = path.join(OUT, 'run-main.cjs');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
