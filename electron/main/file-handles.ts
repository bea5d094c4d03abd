/**
 * The opaque handles the renderer holds instead of paths. Main mints one (a random UUID) for
 * each file it hands the renderer and writes only to paths behind a handle it minted, so a
 * compromised renderer cannot name a file to overwrite. A path main obtained itself (a dialog,
 * the OS, Open Recent) gets a write handle; a dropped file, whose path comes from the renderer's
 * side, gets a read handle, which a save turns into a write handle only through the Save dialog.
 * The table is kept in userData, so a library map stays linked to its file across restarts;
 * the newest HANDLES_KEPT survive, and a path keeps the same handle while it is in the table.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { jsonFile } from './json-file.ts';

export const HANDLES_KEPT = 200;

/** What main does for the renderer through a handle: save to its file, or only know the file. */
export type HandleAccess = 'write' | 'read';

const handlesFileSchema = z.object({
  handles: z.array(
    z.object({
      handle: z.uuid(),
      path: z.string().min(1),
      // Tables written before read handles existed hold write handles only.
      access: z.enum(['write', 'read']).default('write'),
    }),
  ),
});
type HandleEntry = z.output<typeof handlesFileSchema>['handles'][number];

export interface HandleTarget {
  readonly path: string;
  readonly access: HandleAccess;
}

export interface FileHandles {
  /** The handle of a file with that access (minted on first use); it becomes the newest. */
  handleFor(filePath: string, access?: HandleAccess): Promise<string>;
  /** The file behind a handle, or null for a handle main never minted or has forgotten. */
  targetOf(handle: string): Promise<HandleTarget | null>;
}

export interface FileHandlesOptions {
  readonly keep?: number;
  readonly newHandle?: () => string;
}

export function createFileHandles(file: string, options: FileHandlesOptions = {}): FileHandles {
  const { keep = HANDLES_KEPT, newHandle = randomUUID } = options;
  const store = jsonFile(file, handlesFileSchema);
  let entries: Promise<HandleEntry[]> | null = null;
  const loaded = (): Promise<HandleEntry[]> => {
    entries ??= store.load().then((stored) => (stored?.handles ?? []).slice(0, keep));
    return entries;
  };

  return {
    async handleFor(filePath, access = 'write') {
      const resolved = path.resolve(filePath);
      const list = await loaded();
      const index = list.findIndex((entry) => entry.path === resolved && entry.access === access);
      const entry = index >= 0 ? list.splice(index, 1)[0] : undefined;
      const handle = entry?.handle ?? newHandle();
      list.unshift({ handle, path: resolved, access });
      list.splice(keep);
      // A failed write costs the link after a restart only; this session keeps the handle.
      await store.save({ handles: list }).catch((error: unknown) => {
        console.warn('[file-handles] could not store the file handles', error);
      });
      return handle;
    },
    async targetOf(handle) {
      const entry = (await loaded()).find((candidate) => candidate.handle === handle);
      return entry ? { path: entry.path, access: entry.access } : null;
    },
  };
}
