import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the working directory. */
export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Everything the suite writes, beside the other suites' results (and ignored by git). */
export const OUT = join(ROOT, 'test-results', 'faults');

/** Per-test pieces, merged into summary.json when the run ends. */
export const PARTS = join(OUT, 'parts');

export const SUMMARY = join(OUT, 'summary.json');

/** The fault suite's own `vite preview` (e2e uses 4173, the bench 4174). */
export const APP_PORT = 4175;
export const APP_ORIGIN = `http://localhost:${APP_PORT}`;
