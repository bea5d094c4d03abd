import type { StoreApi } from 'zustand/vanilla';
import type { JourneywallBridge } from '../../shared/ipc/contract.ts';
import type { JourneywallDb } from '../db/journeywall-db.ts';
import { type Autosave, type AutosaveOptions, type PersistedState, startAutosave } from './autosave.ts';
import { startBackups } from './backup.ts';
import { type SaveStatusStore, saveStatus } from './save-status.ts';
import { requestPersistentStorage } from './storage-durability.ts';
import { startInputClock } from './user-input.ts';

export interface PersistenceOptions {
  readonly db: JourneywallDb;
  readonly store: StoreApi<PersistedState>;
  readonly bridge: JourneywallBridge;
  readonly status?: SaveStatusStore;
  readonly timing?: Pick<AutosaveOptions, 'viewportDebounceMs' | 'viewportMaxWaitMs' | 'retryDelaysMs'>;
  readonly backupDelayMs?: number;
  readonly notify?: AutosaveOptions['notify'];
  readonly onSaved?: AutosaveOptions['onSaved'];
}

export interface Persistence {
  readonly autosave: Autosave;
  /** Saves pending edits and writes the file backup; rejects if IndexedDB could not save. */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Everything that keeps the board's edits: autosave to IndexedDB, the rolling file backup
 * (written when the user pauses),
 * flushing both when the window is hidden or closed or the shell is about to quit, checking the
 * stored map again when the browser closes the database under us (its storage was cleared),
 * and the request for persistent storage.
 */
export const startPersistence = (options: PersistenceOptions): Persistence => {
  const { db, store, bridge, notify, onSaved } = options;
  const status = options.status ?? saveStatus;
  const autosave = startAutosave({ db, store, status, notify, onSaved, ...options.timing });
  const input = startInputClock();
  const backups = startBackups({
    store,
    bridge,
    status,
    delayMs: options.backupDelayMs,
    sinceInput: input.sinceInput,
  });

  const flush = async (): Promise<void> => {
    const [saved] = await Promise.allSettled([autosave.flush(), backups.flush()]);
    if (saved.status === 'rejected') throw saved.reason;
  };
  const saveNow = (): void => {
    flush().catch(() => {
      // Shown in the status; autosave keeps retrying.
    });
  };
  const onVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') saveNow();
    else autosave.verify();
  };
  // The connection closed (the browser cleared its storage, or lost its backing store; Dexie
  // reopens on next use): check that the open map is still stored.
  const onClose = (): void => autosave.verify();

  document.addEventListener('visibilitychange', onVisibilityChange);
  window.addEventListener('pagehide', saveNow);
  db.on('close', onClose);
  const stopFlushRequests = bridge.onFlushRequest(flush);
  void requestPersistentStorage(status);

  return {
    autosave,
    flush,
    stop: () => {
      document.removeEventListener('visibilitychange', onVisibilityChange);
      window.removeEventListener('pagehide', saveNow);
      db.on('close').unsubscribe(onClose);
      stopFlushRequests();
      autosave.stop();
      backups.stop();
      input.stop();
    },
  };
};
