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

/**
 * The user-facing sentence for a failed write: what happened and that the edits are kept, in
 * plain words. The exception's own text never reaches the user (it names browser internals).
 */
export const describeSaveError = (error: unknown): string => {
  if (isQuotaError(error)) {
    return "The disk is full, so this computer can't store your latest edits. They are kept in this window; saving resumes by itself when space is freed.";
  }
  // Chromium reports a full disk this way too ("Internal error opening backing store").
  return "This computer's storage isn't answering (the disk may be full), so your latest edits aren't stored yet. They are kept in this window; saving resumes by itself when storage answers again.";
};

/** The plain sentence for a file backup that could not be written. */
export const describeBackupError = (error: unknown): string =>
  isQuotaError(error)
    ? "The disk is full, so the backup file couldn't be written. The map itself is kept in this window."
    : "The backup file couldn't be written. The map itself is kept in this window; Journeywall tries again.";

/** Errors after which the database connection must be reopened before the next attempt. */
export const needsReconnect = (error: unknown): boolean => {
  const names = errorNames(error);
  return !names.includes('QuotaExceededError') && !names.includes('ConstraintError');
};

const isQuotaError = (error: unknown): boolean => {
  const names = errorNames(error);
  if (names.includes('QuotaExceededError')) return true;
  // Chromium reports a full disk during a commit as an UnknownError naming the disk.
  return errorMessages(error).some((message) => /disk|space|quota/i.test(message));
};

/** Dexie wraps IndexedDB errors: the DOMException may be the error itself or its `inner`. */
const errorNames = (error: unknown): string[] =>
  [field(error, 'name'), field(inner(error), 'name')].filter((name): name is string => name !== undefined);

const errorMessages = (error: unknown): string[] =>
  [field(error, 'message'), field(inner(error), 'message')].filter(
    (message): message is string => message !== undefined,
  );

const inner = (error: unknown): unknown =>
  typeof error === 'object' && error !== null && 'inner' in error ? error.inner : undefined;

const field = (value: unknown, key: 'name' | 'message'): string | undefined => {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  const found: unknown = (value as Record<string, unknown>)[key];
  return typeof found === 'string' ? found : undefined;
};
