import type { Page } from '@playwright/test';

/**
 * The newest rolling file backup of a map, where the browser build keeps it: the Origin Private
 * File System, as backups/<map id>/<savedAt>.json. Its text, or null while there is none. Read
 * with the raw file system API in a page of the app's origin, sharing no code with the app.
 */
export const newestBackup = (page: Page, mapId: string): Promise<string | null> =>
  page.evaluate(async (id) => {
    try {
      const root = await navigator.storage.getDirectory();
      const folder = await (await root.getDirectoryHandle('backups')).getDirectoryHandle(id);
      let newest = -1;
      // lib.dom types the directory's iteration only with DOM.AsyncIterable.
      for await (const name of (folder as unknown as { keys(): AsyncIterable<string> }).keys()) {
        const savedAt = /^(\d+)\.json$/.exec(name)?.[1];
        if (savedAt !== undefined) newest = Math.max(newest, Number(savedAt));
      }
      if (newest < 0) return null;
      return await (await (await folder.getFileHandle(`${newest}.json`)).getFile()).text();
    } catch {
      return null;
    }
  }, mapId);
