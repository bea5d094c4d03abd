import type { StoreApi } from 'zustand/vanilla';
import { IPC_LIMITS, type JourneywallBridge } from '../../shared/ipc/contract.ts';
import { type JourneyDocument, mapRecordOf } from '../../shared/model/document.ts';
import { toMapFile } from '../files/map-file.ts';
import type { PersistedState } from './autosave.ts';
import { describeBackupError, type SaveStatusStore } from './save-status.ts';

export interface BackupOptions {
  readonly store: StoreApi<PersistedState>;
  readonly bridge: Pick<JourneywallBridge, 'writeBackup'>;
  readonly status: SaveStatusStore;
  /** Longest an edit waits before it reaches the file backup. */
  readonly delayMs?: number;
  /** Milliseconds since the user last pressed, dragged, scrolled or typed (user-input.ts). */
  readonly sinceInput?: () => number;
}

export interface Backups {
  /** Writes the open map's backup now if it changed since the last one (before quitting). */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Short, because the backup is what survives when the browser wipes IndexedDB (as Chromium may
 * after a write fails on a full disk); long enough that a burst of edits makes one backup.
 */
export const BACKUP_DELAY_MS = 3000;

/**
 * Serialising a big map is a long task (tens of ms at 5,000 notes): after the delay the backup
 * waits for a moment the main thread is idle, at most this long...
 */
export const BACKUP_IDLE_WAIT_MS = 2000;
/** ...and for the user to have paused this long, so it never lands in a pan, drag or typing... */
export const BACKUP_INPUT_PAUSE_MS = 1000;
/** ...but a user who never pauses delays it by no more than this: the backup is a safety copy. */
export const BACKUP_MAX_DEFER_MS = 10_000;

/**
 * The rolling file backup: a second copy of the open map outside IndexedDB. Written `delayMs`
 * after a change, at the next quiet moment (one write for all the changes in that time), when
 * another map is opened, and on flush (window hidden or closed, quit).
 */
export const startBackups = (options: BackupOptions): Backups => {
  const { store, bridge, status } = options;
  const delayMs = options.delayMs ?? BACKUP_DELAY_MS;
  const sinceInput = options.sinceInput ?? (() => Number.POSITIVE_INFINITY);
  /** The newest state of the open map that no backup holds yet. */
  let pending: JourneyDocument | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let idle: number | null = null;
  let writes: Promise<void> = Promise.resolve();
  let stopped = false;

  const clearTimer = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (idle !== null) cancelIdleCallback(idle);
    idle = null;
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
      status.setState({ backupError: describeBackupError(error) });
      // Try again after the delay unless a newer state is already waiting.
      if (!pending || pending.id !== doc.id) noteChange(doc);
      throw error;
    }
  };

  /** Waits for an idle moment after the user paused; from `since` on, at most BACKUP_MAX_DEFER_MS. */
  const writeWhenQuiet = (since: number): void => {
    idle = requestIdleCallback(
      () => {
        idle = null;
        const pause = BACKUP_INPUT_PAUSE_MS - sinceInput();
        if (pause > 0 && performance.now() - since < BACKUP_MAX_DEFER_MS) {
          timer = setTimeout(() => writeWhenQuiet(since), pause);
          return;
        }
        timer = null;
        writePending().catch(() => {
          // Reported through the status; retried after the delay.
        });
      },
      { timeout: BACKUP_IDLE_WAIT_MS },
    );
  };

  const noteChange = (doc: JourneyDocument): void => {
    pending = doc;
    if (stopped) return;
    // The timer stays set until the write starts, so changes meanwhile join this backup.
    timer ??= setTimeout(() => writeWhenQuiet(performance.now()), delayMs);
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
