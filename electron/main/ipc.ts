/**
 * Registers one handler per channel of INVOKE_CONTRACT (shared/ipc/invoke-contract.ts). Every
 * call passes the same gate before its handler runs: the sender must be the top frame of our
 * window showing our app (not an iframe, not a page navigated elsewhere), and the arguments must
 * parse with the channel's schemas. Anything else is logged and rejected, never executed.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { INVOKE } from '../../shared/ipc/contract.ts';
import {
  INVOKE_CONTRACT,
  type InvokeAnswer,
  type InvokeArguments,
  type InvokeChannel,
} from '../../shared/ipc/invoke-contract.ts';
import { isAppUrl } from './app-origin.ts';

/** What main runs for each channel, given the parsed arguments; it may answer at once or later. */
export type InvokeHandlers = {
  [K in InvokeChannel]: (...args: InvokeArguments<K>) => InvokeAnswer<K> | Promise<InvokeAnswer<K>>;
};

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
  for (const key of Object.keys(INVOKE_CONTRACT) as InvokeChannel[]) {
    const channel = INVOKE[key];
    const schema: z.ZodTuple = INVOKE_CONTRACT[key].args;
    // handlers[key] takes what this key's schema parses to, but TypeScript cannot pair them
    // across the union of keys.
    const run = handlers[key] as (...args: unknown[]) => unknown;
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, getWindow())) {
        reject(channel, `untrusted sender ${event.senderFrame?.url ?? '(frame gone)'}`);
      }
      const parsed = schema.safeParse(args);
      if (!parsed.success) reject(channel, z.prettifyError(parsed.error));
      return run(...parsed.data);
    });
  }
}
