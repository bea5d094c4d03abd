import { expect, test } from 'vitest';
import { fileJsonSchema } from './envelope.ts';

/**
 * docs/cxmap.schema.json is generated from the record schemas. This test fails when the two
 * differ; `npm run schema:cxmap` rewrites the file (vitest --update).
 */
test('the published JSON Schema is the one the record schemas generate', async () => {
  await expect(`${JSON.stringify(fileJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(
    '../../docs/cxmap.schema.json',
  );
});
