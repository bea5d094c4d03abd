import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { parse } from '../../shared/format/parse.ts';
import { liveNotesByZ, mapRecordOf } from '../../shared/model/document.ts';
import { exampleMap } from '../docs/example-map.ts';
import { EXAMPLE_MAP_ASSET, exampleMapAssetText } from '../docs/example-map-asset.ts';

/**
 * assets/examples/home-printer-toner.cxmap is what the library's "Open the example map" opens.
 * It is generated from test/docs/example-map.ts; `npm run assets:example` rewrites it.
 */
test('the shipped example map is the one test/docs/example-map.ts builds (else: npm run assets:example)', async () => {
  expect(await readFile(EXAMPLE_MAP_ASSET, 'utf8')).toBe(exampleMapAssetText());
});

test('the shipped example opens as it is: nothing repaired, every note and the persona there', async () => {
  const read = parse(await readFile(EXAMPLE_MAP_ASSET));
  if (!read.ok) throw new Error(read.error.message);
  expect(read.repairs).toEqual([]);
  const map = mapRecordOf(read.document);
  expect(map.name).toBe('Home printer toner');
  const texts = (notes: readonly { readonly text: string }[]) => notes.map((note) => note.text);
  expect(texts(liveNotesByZ(read.document))).toEqual(texts(liveNotesByZ(exampleMap())));
  expect(read.document.records[map.activePersonaId ?? '']).toMatchObject({ type: 'persona', name: 'Dana' });
});
