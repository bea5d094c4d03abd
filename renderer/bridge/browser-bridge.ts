import { version } from '../../package.json';
import type { JourneywallBridge } from '../../shared/ipc/contract.ts';
import type { BackupStore } from './backup-store.ts';
import { createDownloadExports } from './browser-exports.ts';
import { createDownloadSaver, pickFile, readPickedFile } from './browser-files.ts';
import { createBrowserProjector, setPageFullScreen } from './browser-projector.ts';
import { downloadText } from './browser-text-files.ts';
import { createMemoryBackupStore } from './memory-backup-store.ts';
import { openOpfsBackupStore } from './opfs-backup-store.ts';

export interface BrowserBridgeOptions {
  /** Where backups go; by default the Origin Private File System, else memory. */
  readonly backups?: () => Promise<BackupStore>;
}

/**
 * The bridge when Journeywall runs in a plain browser (the web build and the end-to-end tests).
 * There is no application menu (the keyboard shortcuts cover it) and no quit to wait for: the
 * page's pagehide is the last moment to flush. Files open through a file input or a drop and
 * save (maps, exports and text alike) as downloads; nothing opens files from outside, so
 * onOpenFile never fires. The projector window is a second tab of the same page.
 */
export const createBrowserBridge = (options: BrowserBridgeOptions = {}): JourneywallBridge => {
  const open = options.backups ?? openDefaultBackupStore;
  let backups: Promise<BackupStore> | null = null;
  const store = (): Promise<BackupStore> => {
    backups ??= open();
    return backups;
  };

  const saver = createDownloadSaver();
  const exports = createDownloadExports();
  const projector = createBrowserProjector();

  return {
    appInfo: async () => ({ name: 'Journeywall', version, shell: 'browser', platform: navigator.platform }),
    writeBackup: async (backup) => (await store()).write(backup),
    listBackups: async () => (await store()).list(),
    readBackup: async (mapId) => (await store()).read(mapId),
    onMenuCommand: () => () => {},
    onFlushRequest: (listener) => {
      const flush = (): void => {
        listener().catch(() => {
          // The page is going away; autosave has shown any error it met.
        });
      };
      window.addEventListener('pagehide', flush);
      return () => window.removeEventListener('pagehide', flush);
    },
    // The browser's picker cannot be titled, so the purpose changes nothing here.
    openFile: () => pickFile(),
    openDroppedFile: (file) => readPickedFile(file),
    saveFile: (handle, content) => saver.save(handle, content),
    saveFileAs: (suggestedName, content) => saver.saveAs(suggestedName, content),
    onOpenFile: () => () => {},
    beginExport: exports.begin,
    writeExport: exports.write,
    finishExport: exports.finish,
    abortExport: exports.abort,
    saveText: downloadText,
    openProjector: projector.openProjector,
    closeProjector: projector.closeProjector,
    setFullScreen: setPageFullScreen,
    // A page cannot listen on the network: phones join a room only through the desktop app.
    roomAddresses: async () => [],
    openRoom: async () => ({ error: ROOM_NEEDS_DESKTOP }),
    closeRoom: async () => undefined,
    setRoomRound: async () => undefined,
    setRoomVote: async () => undefined,
    setRoomMap: async () => undefined,
    setRoomScreen: async () => undefined,
    removeParticipant: async () => undefined,
    onRoomEvent: () => () => {},
  };
};

export const ROOM_NEEDS_DESKTOP =
  'Phones can join a room only in the desktop app: a browser page cannot listen on the network.';

const openDefaultBackupStore = (): Promise<BackupStore> =>
  openOpfsBackupStore().catch(() => createMemoryBackupStore());
