import type { StoreApi } from 'zustand/vanilla';
import type { JourneywallBridge } from '../../shared/ipc/contract.ts';
import type { JourneywallDb } from '../db/journeywall-db.ts';
import { type Autosave, type AutosaveOptions, type PersistedState, startAutosave } from './autosave.ts';
import { startBackups } from './backup.ts';
import { type SaveStatusStore, saveStatus } from './save-status.ts';
import { requestPersistentStorage } from './storage-durability.ts';

export interface PersistenceOptions {
  readonly db: JourneywallDb;
  readonly store: StoreApi<PersistedState>;
  readonly bridge: JourneywallBridge;
  readonly status?: SaveStatusStore;
  readonly timing?: Pick<AutosaveOptions, 'debounceMs' | 'maxWaitMs' | 'retryDelaysMs'>;
  readonly backupIntervalMs?: number;
}

export interface Persistence {
  readonly autosave: Autosave;
  /** Saves pending edits and writes the file backup; rejects if IndexedDB could not save. */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Everything that keeps the board's edits: autosave to IndexedDB, the rolling file backup,
 * flushing when the window is hidden or closed or the shell is about to quit, and the request
 * for persistent storage.
 */
export const startPersistence = (options: PersistenceOptions): Persistence => {
  const { db, store, bridge } = options;
  const status = options.status ?? saveStatus;
  const autosave = startAutosave({ db, store, status, ...options.timing });
  const backups = startBackups({ store, bridge, status, intervalMs: options.backupIntervalMs });

  const flush = async (): Promise<void> => {
    const [saved] = await Promise.allSettled([autosave.flush(), backups.flush()]);
    if (saved.status === 'rejected') throw saved.reason;
  };
  const saveNow = (): void => {
    autosave.flush().catch(() => {
      // Shown in the status; autosave keeps retrying.
    });
  };
  const onVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') saveNow();
  };

  document.addEventListener('visibilitychange', onVisibilityChange);
  window.addEventListener('pagehide', saveNow);
  const stopFlushRequests = bridge.onFlushRequest(flush);
  void requestPersistentStorage(status);

  return {
    autosave,
    flush,
    stop: () => {
      document.removeEventListener('visibilitychange', onVisibilityChange);
      window.removeEventListener('pagehide', saveNow);
      stopFlushRequests();
      autosave.stop();
      backups.stop();
    },
  };
};
