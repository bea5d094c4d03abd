import { fileURLToPath } from 'node:url';
import { serialize } from '../../shared/format/serialize.ts';
import { exampleMap } from './example-map.ts';
import { withStableIds } from './stable-ids.ts';

/** The example map the app ships: the library's "Open the example map" opens this file. */
export const EXAMPLE_MAP_ASSET = fileURLToPath(
  new URL('../../assets/examples/home-printer-toner.cxmap', import.meta.url),
);

/** What `npm run assets:example` writes there: the example as saved at the end of the workshop day. */
export const exampleMapAssetText = (): string =>
  serialize(withStableIds(exampleMap(), 'toner'), {
    appVersion: '0.1.0',
    savedAt: Date.UTC(2026, 10, 28, 17),
  });
