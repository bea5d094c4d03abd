/**
 * The files recently opened or saved, newest first, for File ▸ Open Recent. Kept in userData
 * (atomic JSON) and limited to RECENT_KEPT; `onChange` hears every change after loading, so the
 * menu follows.
 */
import path from 'node:path';
import { z } from 'zod';
import { jsonFile } from './json-file.ts';

export const RECENT_KEPT = 10;

const recentFileSchema = z.object({ files: z.array(z.string().min(1)) });

export interface RecentFiles {
  /** Reads the stored list; until then the list is empty. */
  load(): Promise<readonly string[]>;
  list(): readonly string[];
  add(filePath: string): Promise<void>;
  remove(filePath: string): Promise<void>;
  clear(): Promise<void>;
}

export function createRecentFiles(
  file: string,
  onChange: (files: readonly string[]) => void = () => undefined,
): RecentFiles {
  const store = jsonFile(file, recentFileSchema);
  let files: string[] = [];

  const update = async (next: string[]): Promise<void> => {
    files = next.slice(0, RECENT_KEPT);
    onChange(files);
    await store.save({ files }).catch((error: unknown) => {
      console.warn('[recent-files] could not store the recent files', error);
    });
  };

  return {
    async load() {
      const stored = await store.load();
      files = [...new Set(stored?.files ?? [])].slice(0, RECENT_KEPT);
      return files;
    },
    list: () => files,
    add(filePath) {
      const resolved = path.resolve(filePath);
      return update([resolved, ...files.filter((entry) => entry !== resolved)]);
    },
    remove(filePath) {
      const resolved = path.resolve(filePath);
      return update(files.filter((entry) => entry !== resolved));
    },
    clear: () => update([]),
  };
}

/**
 * Menu labels for the recent files: the file name, or name and folder where two share a name.
 * "&" is doubled because Windows and Linux menus read it as a mnemonic marker.
 */
export function recentFileLabels(files: readonly string[]): string[] {
  const names = files.map((file) => path.basename(file));
  return files.map((file, i) => {
    const name = names[i] ?? file;
    const shared = names.filter((other) => other === name).length > 1;
    const label = shared ? `${name} — ${path.dirname(file)}` : name;
    return label.replaceAll('&', '&&');
  });
}
