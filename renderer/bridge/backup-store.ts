import type { BackupEntry, MapBackup } from '../../shared/ipc/contract.ts';

/** Where the browser build keeps its rolling backups: the bridge's backup methods, nothing more. */
export interface BackupStore {
  write(backup: MapBackup): Promise<void>;
  list(): Promise<BackupEntry[]>;
  read(mapId: string): Promise<string | null>;
}

/** Backups kept per map; older ones are removed after each write. */
export const BACKUPS_KEPT = 5;

export const byteLength = (text: string): number => new TextEncoder().encode(text).byteLength;
