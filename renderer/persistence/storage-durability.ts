import type { SaveStatusStore, StorageDurability } from './save-status.ts';

/**
 * Asks the browser to keep the library even when the disk runs low (Chromium may otherwise
 * evict it) and records the answer in the status.
 */
export const requestPersistentStorage = async (
  status: SaveStatusStore,
  storage: Pick<StorageManager, 'persist' | 'persisted'> | null = globalThis.navigator?.storage ?? null,
): Promise<StorageDurability> => {
  let durability: StorageDurability = 'unavailable';
  try {
    if (storage && typeof storage.persist === 'function') {
      durability = (await storage.persisted()) || (await storage.persist()) ? 'persistent' : 'best-effort';
    }
  } catch {
    durability = 'unavailable';
  }
  status.setState({ storage: durability });
  return durability;
};
