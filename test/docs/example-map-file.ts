import { copyFile } from 'node:fs/promises';
import { EXAMPLE_MAP_ASSET } from './example-map-asset.ts';

/** Puts a copy of the example map the app ships at `path`, so tests open exactly that file (Node only). */
export const writeExampleMap = async (path: string): Promise<void> => {
  await copyFile(EXAMPLE_MAP_ASSET, path);
};
