import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * What the UI shows about saving: a small, non-blocking indicator. `saving` covers edits that
 * are waiting for the debounce or being written; `retrying` is a new attempt after an error.
 */
export type SaveState = 'saved' | 'saving' | 'error' | 'retrying';

/** Whether the browser promised not to evict the library when the disk runs low. */
export type StorageDurability = 'unknown' | 'persistent' | 'best-effort' | 'unavailable';

export interface SaveStatus {
  readonly state: SaveState;
  /** A sentence for the user while state is error or retrying; null otherwise. */
  readonly message: string | null;
  readonly lastSavedAt: number | null;
  readonly storage: StorageDurability;
  readonly lastBackupAt: number | null;
  /** Why the last file backup failed, or null when the last one succeeded. */
  readonly backupError: string | null;
}

export const INITIAL_SAVE_STATUS: SaveStatus = {
  state: 'saved',
  message: null,
  lastSavedAt: null,
  storage: 'unknown',
  lastBackupAt: null,
  backupError: null,
};

/** Builds a status store; the app uses one (saveStatus), tests make their own. */
export const createSaveStatusStore = () => createStore<SaveStatus>()(() => INITIAL_SAVE_STATUS);

export type SaveStatusStore = ReturnType<typeof createSaveStatusStore>;

export const saveStatus: SaveStatusStore = createSaveStatusStore();

export const useSaveStatus = <T>(selector: (status: SaveStatus) => T): T => useStore(saveStatus, selector);

/** The user-facing sentence for a failed write; the edits themselves stay in memory. */
export const describeSaveError = (error: unknown): string => {
  if (isQuotaError(error)) {
    return "Couldn't save to this computer's storage (disk full?). Your edits are kept and Journeywall keeps retrying.";
  }
  const message = field(error, 'message');
  const detail = message ? ` (${message})` : '';
  return `Couldn't save your latest edits${detail}. Your edits are kept and Journeywall keeps retrying.`;
};

/** Dexie wraps IndexedDB errors: the DOMException's name may be on the error or on its `inner`. */
const isQuotaError = (error: unknown): boolean =>
  field(error, 'name') === 'QuotaExceededError' ||
  (typeof error === 'object' &&
    error !== null &&
    'inner' in error &&
    field(error.inner, 'name') === 'QuotaExceededError');

const field = (value: unknown, key: 'name' | 'message'): string | undefined => {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  const found: unknown = (value as Record<string, unknown>)[key];
  return typeof found === 'string' ? found : undefined;
};
