import type { StoreApi } from 'zustand/vanilla';
import { IPC_LIMITS, type JourneywallBridge } from '../../shared/ipc/contract.ts';
import { type JourneyDocument, mapRecordOf } from '../../shared/model/document.ts';
import { toMapFile } from '../files/map-file.ts';
import type { PersistedState } from './autosave.ts';
import type { SaveStatusStore } from './save-status.ts';

export interface BackupOptions {
  readonly store: StoreApi<PersistedState>;
  readonly bridge: Pick<JourneywallBridge, 'writeBackup'>;
  readonly status: SaveStatusStore;
  /** Longest an edit waits before it reaches the file backup. */
  readonly intervalMs?: number;
}

export interface Backups {
  /** Writes the open map's backup now if it changed since the last one (before quitting). */
  flush(): Promise<void>;
  stop(): void;
}

export const BACKUP_INTERVAL_MS = 2 * 60 * 1000;

/**
 * The rolling file backup: a second copy of the open map outside IndexedDB, which Chromium may
 * wipe when the disk is full. Written at most once per interval while the map changes, when
 * another map is opened, and on flush before quit.
 */
export const startBackups = (options: BackupOptions): Backups => {
  const { store, bridge, status } = options;
  const intervalMs = options.intervalMs ?? BACKUP_INTERVAL_MS;
  /** The newest state of the open map that no backup holds yet. */
  let pending: JourneyDocument | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writes: Promise<void> = Promise.resolve();
  let stopped = false;

  const clearTimer = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const writePending = (): Promise<void> => {
    clearTimer();
    const doc = pending;
    pending = null;
    if (!doc) return writes;
    // One write at a time, so an older snapshot never lands after a newer one.
    writes = writes.catch(() => undefined).then(() => write(doc));
    return writes;
  };

  const write = async (doc: JourneyDocument): Promise<void> => {
    try {
      const savedAt = Date.now();
      const name = mapRecordOf(doc).name.slice(0, IPC_LIMITS.nameLength);
      await bridge.writeBackup({ mapId: doc.id, name, content: toMapFile(doc, savedAt) });
      status.setState({ lastBackupAt: savedAt, backupError: null });
    } catch (error) {
      status.setState({ backupError: `Couldn't write the backup file: ${errorMessage(error)}` });
      // Try again next interval unless a newer state is already waiting.
      if (!pending || pending.id !== doc.id) noteChange(doc);
      throw error;
    }
  };

  const noteChange = (doc: JourneyDocument): void => {
    pending = doc;
    if (stopped) return;
    timer ??= setTimeout(() => {
      timer = null;
      writePending().catch(() => {
        // Reported through the status; retried at the next interval.
      });
    }, intervalMs);
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.doc === previous.doc) return;
    const next = state.doc;
    if (pending && pending.id !== next?.id) {
      writePending().catch(() => undefined);
    }
    if (next && previous.doc?.id === next.id && previous.doc.records !== next.records) noteChange(next);
  });

  return {
    flush: () => writePending(),
    stop: () => {
      stopped = true;
      unsubscribe();
      clearTimer();
    },
  };
};

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
