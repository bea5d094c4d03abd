/**
 * The one contract between the renderer and the desktop shell. The preload exposes exactly the
 * methods of JourneywallBridge; the browser build implements the same interface, so the renderer
 * never knows which shell it runs in. Each request's arguments and answer are declared once, in
 * INVOKE_CONTRACT (ipc/invoke-contract.ts). This module stays free of zod because the sandboxed
 * preload bundles it.
 */
import { FILE_LIMITS } from '../model/limits.ts';
import type { BallotSubmission, NoteSubmission } from '../room/protocol.ts';
import type { InvokeMethods } from './invoke-contract.ts';

/** Commands the application menu sends; the renderer runs the same ones from its shortcuts. */
export const MENU_COMMANDS = [
  'new-map',
  'show-library',
  'open-file',
  'save',
  'save-as',
  'save-copy',
  'merge-copy',
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
  'find',
  'toggle-outline',
  'toggle-legend',
  'export-poster',
  'export-print-pages',
  'present',
  'projector',
  'timer',
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
  /** The map as .cxmap text (renderer/files/map-file.ts), so a backup opens like any map file. */
  readonly content: string;
}

export interface BackupEntry {
  readonly mapId: string;
  readonly name: string;
  /** Milliseconds since the epoch when the newest backup of this map was written. */
  readonly savedAt: number;
  readonly bytes: number;
}

/**
 * A file the shell read for the renderer. The renderer never sees or sends a path: main keeps
 * the path behind `handle` (an opaque random id) and writes only through handles it minted.
 */
export interface OpenedFile {
  /**
   * Opaque id of the file for later saves; null when it cannot be written back (browser, PNG, any
   * file not named .cxmap). A dropped file's first save asks in the Save dialog, at the file.
   */
  readonly handle: string | null;
  /** The file name to show, e.g. "toner.cxmap". */
  readonly name: string;
  /** A .cxmap file's bytes, or for a .png poster its chunks up to the first IDAT. */
  readonly bytes: Uint8Array;
}

/** Why a file could not be opened, in words for the user. */
export interface FileError {
  readonly error: string;
}

export type OpenResult = OpenedFile | FileError | null;

/** What a save wrote. */
export interface SavedFile {
  /** The handle to save to next time (a Save As mints a new one). */
  readonly handle: string | null;
  readonly name: string;
}

export type SaveResult = SavedFile | FileError | null;

/** What an Open dialog is for: its title and button say so. */
export const OPEN_PURPOSES = ['open', 'merge'] as const;
export type OpenPurpose = (typeof OPEN_PURPOSES)[number];

/** What an export writes: a poster PNG, or a poster split into office-printer pages as one PDF. */
export const EXPORT_KINDS = ['poster-png', 'print-pdf'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/**
 * An export being written. In the desktop shell main holds a temporary file beside the path the
 * user chose, behind `token`; the renderer streams the bytes in and never sees the path.
 */
export interface ExportTarget {
  readonly token: string;
  /** The file name to show, e.g. "Toner poster A1.png". */
  readonly name: string;
}

export type BeginExportResult = ExportTarget | FileError | null;

/** A finished export: complete on disk (desktop) or handed to the browser as a download. */
export interface SavedExport {
  readonly name: string;
}

/** Text saved as a file of its own: the gap list as a CSV table or as Markdown. */
export const TEXT_EXPORT_KINDS = ['csv', 'markdown'] as const;
export type TextExportKind = (typeof TEXT_EXPORT_KINDS)[number];

export type SaveTextResult = SavedExport | FileError | null;

/** A network interface of the laptop a room can listen on. */
export interface RoomAddress {
  /** The interface's name as the system gives it, such as "Wi-Fi" or "en0". */
  readonly name: string;
  /** Its IPv4 address, such as "192.168.1.20". */
  readonly address: string;
}

/** An open room: what the facilitator shows the room so phones can join. */
export interface RoomInfo {
  /** Six letters and digits naming the room; the same each time this map's room is reopened. */
  readonly code: string;
  /** The join address, token included: `http://<address>:<port>/j/<token>`. */
  readonly url: string;
  readonly address: string;
  readonly port: number;
}

export type OpenRoomResult = RoomInfo | FileError;

/** A phone that has joined the room. */
export interface RoomParticipant {
  /** The phone's own device id. */
  readonly id: string;
  readonly name: string;
  /** False while the phone is away (asleep, out of Wi-Fi); it stays in the room until removed. */
  readonly connected: boolean;
}

/** What the room tells the facilitator's window. */
export type RoomEvent =
  | { readonly type: 'participants'; readonly participants: readonly RoomParticipant[] }
  | {
      readonly type: 'note';
      readonly participantId: string;
      /** The participant's name when the note arrived. */
      readonly name: string;
      readonly note: NoteSubmission;
      /** When the laptop stored it, in milliseconds since the epoch. */
      readonly received: number;
    }
  | {
      readonly type: 'ballot';
      readonly participantId: string;
      /** The phone's whole ballot: it replaces what the participant had in that vote. */
      readonly ballot: BallotSubmission;
      readonly received: number;
    }
  /** The room stopped without being asked (the network went away); the facilitator can reopen it. */
  | { readonly type: 'closed'; readonly reason: string };

/**
 * Requests the preload makes itself instead of exposing them: the flush acknowledgement, and
 * opening a dropped file, where the page holds a File but main takes its path.
 */
export const PRELOAD_CHANNELS = [
  'flushDone',
  'openDroppedFile',
] as const satisfies readonly (keyof typeof INVOKE)[];

/** The requests the page calls as they are, one bridge method each. */
export type PageChannel = Exclude<keyof typeof INVOKE, (typeof PRELOAD_CHANNELS)[number]>;

export interface JourneywallBridge extends InvokeMethods<PageChannel> {
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Before the shell quits or closes a window it asks the renderer to flush pending saves and
   * waits until the returned promise settles (or a time limit passes).
   */
  onFlushRequest(listener: () => Promise<void>): () => void;
  /** Reads a file dropped on the window. */
  openDroppedFile(file: File): Promise<OpenResult>;
  /**
   * Files opened from outside the window: a double-click in the file manager (file
   * association), the command line of a second launch, or File ▸ Open Recent.
   */
  onOpenFile(listener: (file: OpenedFile) => void): () => void;
  /** Subscribes to what the room reports: who is in it and the notes phones send. */
  onRoomEvent(listener: (event: RoomEvent) => void): () => void;
}

/**
 * IPC channel names: renderer → main requests (invoke/handle). INVOKE_CONTRACT must give each
 * one its argument schemas and answer type, or the build fails.
 */
export const INVOKE = {
  appInfo: 'journeywall:app-info',
  writeBackup: 'journeywall:backup-write',
  listBackups: 'journeywall:backup-list',
  readBackup: 'journeywall:backup-read',
  flushDone: 'journeywall:flush-done',
  openFile: 'journeywall:file-open',
  openDroppedFile: 'journeywall:file-open-dropped',
  saveFile: 'journeywall:file-save',
  saveFileAs: 'journeywall:file-save-as',
  beginExport: 'journeywall:export-begin',
  writeExport: 'journeywall:export-write',
  finishExport: 'journeywall:export-finish',
  abortExport: 'journeywall:export-abort',
  saveText: 'journeywall:text-save',
  openProjector: 'journeywall:projector-open',
  closeProjector: 'journeywall:projector-close',
  setFullScreen: 'journeywall:full-screen',
  roomAddresses: 'journeywall:room-addresses',
  openRoom: 'journeywall:room-open',
  closeRoom: 'journeywall:room-close',
  setRoomRound: 'journeywall:room-round',
  setRoomVote: 'journeywall:room-vote',
  setRoomMap: 'journeywall:room-map',
  setRoomScreen: 'journeywall:room-screen',
  removeParticipant: 'journeywall:room-remove',
} as const;

/** IPC channel names: main → renderer events. */
export const EVENTS = {
  menuCommand: 'journeywall:menu-command',
  flushRequest: 'journeywall:flush-request',
  openFile: 'journeywall:file-opened',
  roomEvent: 'journeywall:room-event',
} as const;

/** Limits main enforces on what the renderer sends. */
export const IPC_LIMITS = {
  mapIdPattern: /^[A-Za-z0-9_-]{1,64}$/,
  /** The id a board window gives its projector window, so the two find each other's messages. */
  projectorIdPattern: /^[A-Za-z0-9_-]{8,64}$/,
  nameLength: 500,
  /** A backup is a map file, opened by the same reader. */
  backupBytes: FILE_LIMITS.maxBytes,
  /**
   * Largest map file written or read (a 5,000-note map is about 1 MB): the reader's limit, so
   * anything the app saves it can open.
   */
  fileBytes: FILE_LIMITS.maxBytes,
  /**
   * A poster PNG can be hundreds of MB, but its map is stored before the image data: the shell
   * hands over only the chunks before the first IDAT, and at most this many bytes of them.
   */
  posterHeadBytes: 64 * 1024 * 1024,
  /** Longest file name most file systems take: 255 UTF-8 bytes (ext4, APFS), 255 UTF-16 units (NTFS). */
  fileNameLength: 255,
  /**
   * A name the renderer suggests may be longer than a file name (a map's name is up to 500
   * characters): main shortens it to fit rather than refusing the save or export.
   */
  suggestedNameLength: 1000,
  /** One write of an export: the renderer sends a poster in pieces of a few MB. */
  exportChunkBytes: 32 * 1024 * 1024,
  /** A whole export: a 36 × 120 in banner at 300 DPI is a few hundred MB; 4 GB leaves room. */
  exportBytes: 4 * 1024 * 1024 * 1024,
  /** Saved text: a gap list holds less text than the map file it comes from. */
  textBytes: FILE_LIMITS.maxBytes,
} as const;
