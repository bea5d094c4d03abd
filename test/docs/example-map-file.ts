import { writeFile } from 'node:fs/promises';
import { serialize } from '../../shared/format/serialize.ts';
import { exampleMap } from './example-map.ts';

/** Writes the example as a .cxmap file at `path`, as saved on the workshop day (Node only). */
export const writeExampleMap = async (path: string): Promise<void> => {
  await writeFile(path, serialize(exampleMap(), { appVersion: '0.1.0', savedAt: Date.UTC(2026, 10, 28) }));
};
