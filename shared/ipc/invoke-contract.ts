/**
 * Every renderer → main request, once: the schemas its arguments must parse with and the type of
 * its answer. Main's handler type and its registrations (electron/main/ipc.ts) and the bridge's
 * methods (JourneywallBridge, electron/preload/bridge.ts) are derived from this table.
 */
import { z } from 'zod';
import { mapViewSchema, roundViewSchema, screenViewSchema, voteViewSchema } from '../room/protocol.ts';
import type {
  AppInfo,
  BackupEntry,
  BeginExportResult,
  FileError,
  INVOKE,
  OpenResult,
  OpenRoomResult,
  RoomAddress,
  SavedExport,
  SaveResult,
  SaveTextResult,
} from './contract.ts';
import {
  droppedPathSchema,
  exportBytesSchema,
  exportKindSchema,
  exportTokenSchema,
  fileContentSchema,
  fileHandleSchema,
  flushTokenSchema,
  mapBackupSchema,
  mapIdSchema,
  openPurposeSchema,
  participantIdSchema,
  projectorIdSchema,
  roomAddressSchema,
  savedTextSchema,
  suggestedNameSchema,
  textExportKindSchema,
} from './validate.ts';

declare const answerType: unique symbol;

/** A channel's answer, as a type only: main's answers come from our own code and are not parsed. */
interface Answer<T> {
  readonly [answerType]?: T;
}

const answers = <T>(): Answer<T> => ({});

/** One request: a tuple of argument schemas (so extra arguments are rejected) and its answer. */
interface ChannelContract {
  readonly args: z.ZodTuple;
  readonly answer: Answer<unknown>;
}

export const INVOKE_CONTRACT = {
  appInfo: { args: z.tuple([]), answer: answers<AppInfo>() },
  writeBackup: { args: z.tuple([mapBackupSchema]), answer: answers<void>() },
  listBackups: { args: z.tuple([]), answer: answers<BackupEntry[]>() },
  /** The newest backup of a map, or null when there is none. */
  readBackup: { args: z.tuple([mapIdSchema]), answer: answers<string | null>() },
  /** The preload's answer to a flush request, with its token, once the renderer has saved. */
  flushDone: { args: z.tuple([flushTokenSchema]), answer: answers<void>() },
  /** Shows the Open dialog (.cxmap, and .png posters with a map inside); null when cancelled. */
  openFile: { args: z.tuple([openPurposeSchema]), answer: answers<OpenResult>() },
  /** Opens a dropped file by the path the preload read from it; main gives it a read handle only. */
  openDroppedFile: { args: z.tuple([droppedPathSchema]), answer: answers<OpenResult>() },
  /**
   * Writes a map file through a handle from an earlier open or save: atomically (temporary
   * file, fsync, rename), keeping the previous version beside it as "<name>.bak".
   */
  saveFile: { args: z.tuple([fileHandleSchema, fileContentSchema]), answer: answers<SaveResult>() },
  /** Shows the Save dialog with a suggested file name and writes there; null when cancelled. */
  saveFileAs: { args: z.tuple([suggestedNameSchema, fileContentSchema]), answer: answers<SaveResult>() },
  /**
   * Starts an export: the desktop asks where in a native Save dialog (null when cancelled); the
   * browser downloads the file under the suggested name once it is finished.
   */
  beginExport: {
    args: z.tuple([exportKindSchema, suggestedNameSchema]),
    answer: answers<BeginExportResult>(),
  },
  /** Appends the next bytes of the file; awaiting each write bounds the memory in flight. */
  writeExport: { args: z.tuple([exportTokenSchema, exportBytesSchema]), answer: answers<FileError | null>() },
  /** Completes the file: fsync and rename over the chosen path (desktop), or the download. */
  finishExport: { args: z.tuple([exportTokenSchema]), answer: answers<SavedExport | FileError>() },
  /** Drops an unfinished export: nothing appears at the chosen path. */
  abortExport: { args: z.tuple([exportTokenSchema]), answer: answers<void>() },
  /**
   * Saves text as a new file: the desktop asks where in a native Save dialog (null when
   * cancelled) and writes it atomically; the browser downloads it under the suggested name.
   */
  saveText: {
    args: z.tuple([textExportKindSchema, suggestedNameSchema, savedTextSchema]),
    answer: answers<SaveTextResult>(),
  },
  /**
   * Opens the projector window for the board window's present view (`id`, its BroadcastChannel
   * tag): full screen on a second display when there is one, else a window beside the board.
   * An open projector window is closed first. False when it could not be opened.
   */
  openProjector: { args: z.tuple([projectorIdSchema]), answer: answers<boolean>() },
  /** Closes the projector window, if one is open. */
  closeProjector: { args: z.tuple([]), answer: answers<void>() },
  /**
   * The board window full screen (present mode) or back. The renderer's own requestFullscreen
   * needs a user gesture, which a menu command is not.
   */
  setFullScreen: { args: z.tuple([z.boolean()]), answer: answers<void>() },
  /** The laptop's network interfaces a room can listen on, the likeliest first. */
  roomAddresses: { args: z.tuple([]), answer: answers<RoomAddress[]>() },
  /**
   * Opens the map's room on one of those addresses: the same code, token and (when free) port
   * as the last time this map's room was open, so phones reconnect by themselves. The notes
   * phones sent while it was open before are reported again (the renderer counts each once).
   * An open room of another map is closed first. With `newAddress` true the room gets a new
   * token first (same code), so people who kept the old join address cannot come back.
   */
  openRoom: {
    args: z.tuple([mapIdSchema, roomAddressSchema, z.boolean()]),
    answer: answers<OpenRoomResult>(),
  },
  /** Closes the room: phones are told, the server stops listening. */
  closeRoom: { args: z.tuple([]), answer: answers<void>() },
  /** The writing round phones write for, or null between rounds. */
  setRoomRound: { args: z.tuple([roundViewSchema.nullable()]), answer: answers<void>() },
  /** The vote phones vote in, or null when none runs on phones. */
  setRoomVote: { args: z.tuple([voteViewSchema.nullable()]), answer: answers<void>() },
  /** The map phones can read, or null when the facilitator does not share it. */
  setRoomMap: { args: z.tuple([mapViewSchema.nullable()]), answer: answers<void>() },
  /** The workshop timer and the stage present mode shows, as phones follow them. */
  setRoomScreen: { args: z.tuple([screenViewSchema]), answer: answers<void>() },
  /** Removes a phone from the room; it cannot join again while the room is open. */
  removeParticipant: { args: z.tuple([participantIdSchema]), answer: answers<void>() },
} as const satisfies { [K in keyof typeof INVOKE]: ChannelContract };

type Contract = typeof INVOKE_CONTRACT;
export type InvokeChannel = keyof Contract;

export type InvokeAnswer<K extends InvokeChannel> = Contract[K]['answer'] extends Answer<infer T> ? T : never;

/** The arguments main's handler receives, as parsed. */
export type InvokeArguments<K extends InvokeChannel> = z.output<Contract[K]['args']>;

/** The renderer's side of some channels: the arguments it sends, the answer as a promise. */
export type InvokeMethods<K extends InvokeChannel> = {
  [C in K]: (...args: z.input<Contract[C]['args']>) => Promise<InvokeAnswer<C>>;
};
