/**
 * Registers one handler per INVOKE channel of shared/ipc/contract.ts. Every call passes the same
 * gate before its handler runs: the sender must be the top frame of our window showing our app
 * (not an iframe, not a page navigated elsewhere), and the arguments must parse with the schemas
 * of shared/ipc/validate.ts. Anything else is logged and rejected, never executed.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import type {
  AppInfo,
  BackupEntry,
  BeginExportResult,
  ExportKind,
  FileError,
  MapBackup,
  OpenPurpose,
  OpenResult,
  SavedExport,
  SaveResult,
  SaveTextResult,
  TextExportKind,
} from '../../shared/ipc/contract.ts';
import { INVOKE } from '../../shared/ipc/contract.ts';
import { invokeArguments } from '../../shared/ipc/validate.ts';
import { isAppUrl } from './app-origin.ts';

export interface InvokeHandlers {
  appInfo(): AppInfo;
  writeBackup(backup: MapBackup): Promise<void>;
  listBackups(): Promise<BackupEntry[]>;
  readBackup(mapId: string): Promise<string | null>;
  flushDone(token: string): void;
  openFile(purpose: OpenPurpose): Promise<OpenResult>;
  /** `filePath` comes from the preload's webUtils.getPathForFile; it gets a read handle only. */
  openDroppedFile(filePath: string): Promise<OpenResult>;
  saveFile(handle: string, content: string): Promise<SaveResult>;
  saveFileAs(suggestedName: string, content: string): Promise<SaveResult>;
  beginExport(kind: ExportKind, suggestedName: string): Promise<BeginExportResult>;
  writeExport(token: string, bytes: Uint8Array): Promise<FileError | null>;
  finishExport(token: string): Promise<SavedExport | FileError>;
  abortExport(token: string): Promise<void>;
  saveText(kind: TextExportKind, suggestedName: string, text: string): Promise<SaveTextResult>;
}

export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  window: BrowserWindow | null,
): boolean {
  const frame = event.senderFrame;
  if (!window || window.isDestroyed() || !frame || event.sender.id !== window.webContents.id) return false;
  // WebFrameMain wrappers may differ for one frame; the token identifies the frame itself.
  const mainFrame = window.webContents.mainFrame;
  return (
    frame.parent === null &&
    frame.processId === mainFrame.processId &&
    frame.frameToken === mainFrame.frameToken &&
    isAppUrl(frame.url)
  );
}

function reject(channel: string, reason: string): never {
  console.warn(`[ipc] rejected ${channel}: ${reason}`);
  throw new Error(`Rejected ${channel}: ${reason}`);
}

export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  getWindow: () => BrowserWindow | null,
  handlers: InvokeHandlers,
): void {
  const handle = <S extends z.ZodTuple>(
    channel: string,
    schema: S,
    run: (args: z.output<S>) => unknown,
  ): void => {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, getWindow())) {
        reject(channel, `untrusted sender ${event.senderFrame?.url ?? '(frame gone)'}`);
      }
      const parsed = schema.safeParse(args);
      if (!parsed.success) reject(channel, z.prettifyError(parsed.error));
      return run(parsed.data);
    });
  };

  handle(INVOKE.appInfo, invokeArguments.appInfo, () => handlers.appInfo());
  handle(INVOKE.writeBackup, invokeArguments.writeBackup, ([backup]) => handlers.writeBackup(backup));
  handle(INVOKE.listBackups, invokeArguments.listBackups, () => handlers.listBackups());
  handle(INVOKE.readBackup, invokeArguments.readBackup, ([mapId]) => handlers.readBackup(mapId));
  handle(INVOKE.flushDone, invokeArguments.flushDone, ([token]) => handlers.flushDone(token));
  handle(INVOKE.openFile, invokeArguments.openFile, ([purpose]) => handlers.openFile(purpose));
  handle(INVOKE.openDroppedFile, invokeArguments.openDroppedFile, ([filePath]) =>
    handlers.openDroppedFile(filePath),
  );
  handle(INVOKE.saveFile, invokeArguments.saveFile, ([fileHandle, content]) =>
    handlers.saveFile(fileHandle, content),
  );
  handle(INVOKE.saveFileAs, invokeArguments.saveFileAs, ([suggestedName, content]) =>
    handlers.saveFileAs(suggestedName, content),
  );
  handle(INVOKE.beginExport, invokeArguments.beginExport, ([kind, suggestedName]) =>
    handlers.beginExport(kind, suggestedName),
  );
  handle(INVOKE.writeExport, invokeArguments.writeExport, ([token, bytes]) =>
    handlers.writeExport(token, bytes),
  );
  handle(INVOKE.finishExport, invokeArguments.finishExport, ([token]) => handlers.finishExport(token));
  handle(INVOKE.abortExport, invokeArguments.abortExport, ([token]) => handlers.abortExport(token));
  handle(INVOKE.saveText, invokeArguments.saveText, ([kind, suggestedName, text]) =>
    handlers.saveText(kind, suggestedName, text),
  );
}
