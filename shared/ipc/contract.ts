/**
 * The one contract between the renderer and the desktop shell. The preload exposes exactly the
 * methods of JourneywallBridge; the browser build implements the same interface, so the renderer
 * never knows which shell it runs in. Argument shapes are validated in main (ipc/validate.ts).
 */

/** Commands the application menu sends; the renderer runs the same ones from its shortcuts. */
export const MENU_COMMANDS = [
  'new-map',
  'show-library',
  'new-note',
  'undo',
  'redo',
  'duplicate',
  'delete',
  'select-all',
  'bring-to-front',
  'zoom-in',
  'zoom-out',
  'zoom-reset',
  'zoom-fit',
  'show-shortcuts',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly shell: 'desktop' | 'browser';
  readonly platform: string;
}

/** A snapshot of one map written to the rolling file backup. */
export interface MapBackup {
  readonly mapId: string;
  readonly name: string;
  /** The serialized map (see renderer/persistence/backup-format.ts). */
  readonly content: string;
}

export interface BackupEntry {
  readonly mapId: string;
  readonly name: string;
  /** Milliseconds since the epoch when the newest backup of this map was written. */
  readonly savedAt: number;
  readonly bytes: number;
}

export interface JourneywallBridge {
  appInfo(): Promise<AppInfo>;
  writeBackup(backup: MapBackup): Promise<void>;
  listBackups(): Promise<BackupEntry[]>;
  /** The newest backup of a map, or null when there is none. */
  readBackup(mapId: string): Promise<string | null>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Before the shell quits or closes a window it asks the renderer to flush pending saves and
   * waits until the returned promise settles (or a time limit passes).
   */
  onFlushRequest(listener: () => Promise<void>): () => void;
}

/** IPC channel names: renderer → main requests (invoke/handle). */
export const INVOKE = {
  appInfo: 'journeywall:app-info',
  writeBackup: 'journeywall:backup-write',
  listBackups: 'journeywall:backup-list',
  readBackup: 'journeywall:backup-read',
  flushDone: 'journeywall:flush-done',
} as const;

/** IPC channel names: main → renderer events. */
export const EVENTS = {
  menuCommand: 'journeywall:menu-command',
  flushRequest: 'journeywall:flush-request',
} as const;

/** Limits main enforces on what the renderer sends. */
export const IPC_LIMITS = {
  mapIdPattern: /^[A-Za-z0-9_-]{1,64}$/,
  nameLength: 500,
  backupBytes: 64 * 1024 * 1024,
} as const;
