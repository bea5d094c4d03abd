/**
 * The renderer's only door to the shell: the methods of JourneywallBridge (shared/ipc/contract.ts),
 * one per INVOKE channel the page calls, plus the event subscriptions. The
 * IpcRendererEvent never crosses into the page (it carries the sender), nor does ipcRenderer or
 * any generic send. Imports nothing but shared plain TS, so it bundles for a sandboxed preload.
 */
import type { IpcRenderer, IpcRendererEvent, WebUtils } from 'electron';
import {
  EVENTS,
  INVOKE,
  type JourneywallBridge,
  MENU_COMMANDS,
  type MenuCommand,
  type OpenedFile,
  type OpenResult,
  type PageChannel,
  PRELOAD_CHANNELS,
  type RoomEvent,
} from '../../shared/ipc/contract.ts';
import { FILE_MESSAGES } from '../../shared/ipc/file-messages.ts';
import type { InvokeMethods } from '../../shared/ipc/invoke-contract.ts';
import { blobByteSource, isFileError, readForOpening } from '../../shared/ipc/read-for-opening.ts';

type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;
type BridgeWebUtils = Pick<WebUtils, 'getPathForFile'>;

/** Files opened from outside before the renderer subscribed; more than this is not a user action. */
const PENDING_OPENS_KEPT = 20;

function isMenuCommand(value: unknown): value is MenuCommand {
  return MENU_COMMANDS.some((command) => command === value);
}

function isOpenedFile(value: unknown): value is OpenedFile {
  return (
    typeof value === 'object' &&
    value !== null &&
    'handle' in value &&
    (value.handle === null || typeof value.handle === 'string') &&
    'name' in value &&
    typeof value.name === 'string' &&
    'bytes' in value &&
    value.bytes instanceof Uint8Array
  );
}

/** Main's room events are its own; the check only keeps a malformed one from reaching the page. */
function isRoomEvent(value: unknown): value is RoomEvent {
  return (
    typeof value === 'object' &&
    value !== null &&
    'type' in value &&
    (value.type === 'participants' ||
      value.type === 'note' ||
      value.type === 'ballot' ||
      value.type === 'closed')
  );
}

function isPageChannel(channel: keyof typeof INVOKE): channel is PageChannel {
  return !PRELOAD_CHANNELS.some((own) => own === channel);
}

/** One method per page channel, passing the caller's arguments through unchanged for main to check. */
function pageMethods(ipc: BridgeIpc): InvokeMethods<PageChannel> {
  const channels = (Object.keys(INVOKE) as (keyof typeof INVOKE)[]).filter(isPageChannel);
  // Built key by key, which TypeScript cannot check against the mapped type.
  return Object.fromEntries(
    channels.map((channel) => [channel, (...args: unknown[]) => ipc.invoke(INVOKE[channel], ...args)]),
  ) as InvokeMethods<PageChannel>;
}

/**
 * A dropped file is opened by main from its path, which webUtils gives only here in the preload
 * (the page never learns it): main can then save back to it, once the user confirms that file in
 * the Save dialog. A File without a path (dragged from another app's memory) is read here
 * instead, as the browser build does, and stays unlinked.
 */
async function openDropped(ipc: BridgeIpc, webUtils: BridgeWebUtils, file: File): Promise<OpenResult> {
  let filePath = '';
  try {
    filePath = webUtils.getPathForFile(file);
  } catch {
    // Not a File from the page: read below, which reports it.
  }
  if (filePath) return ipc.invoke(INVOKE.openDroppedFile, filePath);
  try {
    const read = await readForOpening(blobByteSource(file));
    return isFileError(read) ? read : { handle: null, name: file.name, bytes: read.bytes };
  } catch {
    return { error: FILE_MESSAGES.unreadable(file.name || 'The dropped item') };
  }
}

export function createBridge(ipc: BridgeIpc, webUtils: BridgeWebUtils): JourneywallBridge {
  const flushListeners = new Set<() => Promise<void>>();
  const openListeners = new Set<(file: OpenedFile) => void>();
  const pendingOpens: OpenedFile[] = [];

  // Answers every flush request, even with no listener yet, so main never waits for nothing.
  // A failing listener still gets the acknowledgement sent: main must not hang on a renderer error.
  ipc.on(EVENTS.flushRequest, (_event: IpcRendererEvent, token: unknown) => {
    const flushes = [...flushListeners].map((listener) => Promise.resolve().then(listener));
    void Promise.allSettled(flushes)
      .then(() => ipc.invoke(INVOKE.flushDone, token))
      .catch((error: unknown) => console.warn('[journeywall] could not confirm the flush', error));
  });

  // Main sends files once the page has loaded, which can be before the app subscribes: those
  // wait here for the first listener rather than being lost.
  ipc.on(EVENTS.openFile, (_event: IpcRendererEvent, file: unknown) => {
    if (!isOpenedFile(file)) return;
    if (openListeners.size === 0) {
      if (pendingOpens.length < PENDING_OPENS_KEPT) pendingOpens.push(file);
      return;
    }
    for (const listener of openListeners) listener(file);
  });

  return {
    ...pageMethods(ipc),
    onMenuCommand(listener) {
      const forward = (_event: IpcRendererEvent, command: unknown): void => {
        if (isMenuCommand(command)) listener(command);
      };
      ipc.on(EVENTS.menuCommand, forward);
      return () => {
        ipc.removeListener(EVENTS.menuCommand, forward);
      };
    },
    onFlushRequest(listener) {
      flushListeners.add(listener);
      return () => {
        flushListeners.delete(listener);
      };
    },
    openDroppedFile: (file) => openDropped(ipc, webUtils, file),
    onRoomEvent(listener) {
      const forward = (_event: IpcRendererEvent, roomEvent: unknown): void => {
        if (isRoomEvent(roomEvent)) listener(roomEvent);
      };
      ipc.on(EVENTS.roomEvent, forward);
      return () => {
        ipc.removeListener(EVENTS.roomEvent, forward);
      };
    },
    onOpenFile(listener) {
      openListeners.add(listener);
      const waiting = pendingOpens.splice(0);
      // Delivered after subscribing returns, as an event from main would be.
      if (waiting.length > 0) {
        queueMicrotask(() => {
          for (const file of waiting) listener(file);
        });
      }
      return () => {
        openListeners.delete(listener);
      };
    },
  };
}
