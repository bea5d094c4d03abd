import { writeFile } from 'node:fs/promises';
import { CHIME_ASSET, chimeWav } from './chime-wav.ts';

/** `npm run assets:chime`: rewrites the timer's chime from test/docs/chime-wav.ts. */
await writeFile(CHIME_ASSET, chimeWav());
console.log(`Wrote ${CHIME_ASSET}`);
