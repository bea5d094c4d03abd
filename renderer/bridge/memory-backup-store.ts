import type { BackupEntry, MapBackup } from '../../shared/ipc/contract.ts';
import { BACKUPS_KEPT, type BackupStore, byteLength } from './backup-store.ts';

interface MemoryBackup {
  readonly name: string;
  readonly savedAt: number;
  readonly content: string;
}

/** Backups held in memory, when the browser has no Origin Private File System. */
export const createMemoryBackupStore = (keep: number = BACKUPS_KEPT): BackupStore => {
  const byMap = new Map<string, MemoryBackup[]>();
  return {
    write: async ({ mapId, name, content }: MapBackup) => {
      const previous = byMap.get(mapId) ?? [];
      const savedAt = Math.max(Date.now(), (previous[0]?.savedAt ?? 0) + 1);
      byMap.set(mapId, [{ name, savedAt, content }, ...previous].slice(0, keep));
    },
    list: async () => {
      const entries: BackupEntry[] = [];
      for (const [mapId, backups] of byMap) {
        const newest = backups[0];
        if (newest)
          entries.push({
            mapId,
            name: newest.name,
            savedAt: newest.savedAt,
            bytes: byteLength(newest.content),
          });
      }
      return entries;
    },
    read: async (mapId) => byMap.get(mapId)?.[0]?.content ?? null,
  };
};
