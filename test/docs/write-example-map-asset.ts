import { writeFile } from 'node:fs/promises';
import { EXAMPLE_MAP_ASSET, exampleMapAssetText } from './example-map-asset.ts';

/** `npm run assets:example`: rewrites the shipped example map from test/docs/example-map.ts. */
await writeFile(EXAMPLE_MAP_ASSET, exampleMapAssetText());
console.log(`Wrote ${EXAMPLE_MAP_ASSET}`);
