/**
 * Main-process entry, bundled to dist-electron/main.cjs (CommonJS: Electron loads it with require,
 * so no import.meta). It only wires the single-purpose modules together: hardening first, then
 * the app:// protocol, IPC, the menu and the one window.
 *
 * One window holds both the library and the board; the renderer switches screens. Keeping a
 * single renderer keeps IndexedDB single-writer: two windows editing one map would race. The
 * projector window only shows what the board window sends it, and goes when that window goes.
 */
import path from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, Menu, screen, session } from 'electron';
import { EVENTS } from '../../shared/ipc/contract.ts';
import { registerAppScheme, serveAppFrom } from './app-protocol.ts';
import { createBackupStore } from './backups.ts';
import { createExportFiles } from './export-files.ts';
import { createFileDialogs } from './file-dialogs.ts';
import { createFileHandles } from './file-handles.ts';
import { createFileService } from './file-service.ts';
import { registerIpcHandlers } from './ipc.ts';
import { buildMenuTemplate } from './menu.ts';
import { createOutsideOpener, filesFromArgv, isOpenablePath } from './os-open.ts';
import { createPendingWrites, WRITES_TIMEOUT_MS } from './pending-writes.ts';
import { createProjectorWindow } from './projector-window.ts';
import { createCloseGate, createFlushCoordinator, waitAtMost } from './quit-flush.ts';
import { createRecentFiles } from './recent-files.ts';
import { createRoomService } from './room/room-service.ts';
import { guardAllWebContents, hardenSession } from './security.ts';
import { createTextFiles } from './text-files.ts';
import { createMainWindow } from './window.ts';
import { watchForFailures } from './window-recovery.ts';
import { loadWindowState, restorePlacement, trackWindowState } from './window-state.ts';

// This bundle lives in dist-electron/; the renderer build sits next to it in dist/.
const distDir = path.join(__dirname, '..', 'dist');
const preloadPath = path.join(__dirname, 'preload.cjs');

interface OpenWindow {
  readonly window: BrowserWindow;
  /** Flushes the renderer's pending saves and stores the window state. */
  prepareToClose(): Promise<void>;
}

registerAppScheme();
app.enableSandbox();
guardAllWebContents(app);

if (app.requestSingleInstanceLock()) {
  start();
} else {
  // Another Journeywall is running; it receives 'second-instance' and focuses its window.
  app.quit();
}

function start(): void {
  const userData = app.getPath('userData');
  const windowStateFile = path.join(userData, 'window-state.json');
  const backups = createBackupStore(path.join(userData, 'backups'));
  const flushes = createFlushCoordinator();
  const writes = createPendingWrites();
  let current: OpenWindow | null = null;
  let windowOpening: Promise<void> | null = null;

  const recent = createRecentFiles(path.join(userData, 'recent-files.json'), () => refreshMenu());
  const dialogs = createFileDialogs({
    dialog,
    getWindow: () => current?.window ?? null,
    // Dialogs start where the user last opened or saved a map.
    startDirectory: () => {
      const newest = recent.list()[0];
      return newest ? path.dirname(newest) : app.getPath('documents');
    },
  });
  const files = createFileService({
    dialogs,
    handles: createFileHandles(path.join(userData, 'file-handles.json')),
    recent,
    addRecentDocument: (filePath) => app.addRecentDocument(filePath),
    writes,
  });
  const exports = createExportFiles({ dialogs });
  const texts = createTextFiles({ dialogs, writes });
  // Phones join the facilitator's room over the local network; it listens only while open.
  const room = createRoomService({
    userData,
    participantDir: path.join(distDir, 'participant'),
    emit: (event) => current?.window.webContents.send(EVENTS.roomEvent, event),
  });
  const projector = createProjectorWindow({
    getBoardWindow: () => current?.window ?? null,
    devTools: !app.isPackaged,
  });
  // The app exits only once the renderer's saves are flushed, no export's temp file is left, and
  // the file writes under way (including the backup the flush wrote) have finished.
  const quitGate = createCloseGate(async () => {
    await Promise.all([current?.prepareToClose(), waitAtMost(exports.abortAll()), waitAtMost(room.close())]);
    await waitAtMost(writes.idle(), { timeoutMs: WRITES_TIMEOUT_MS });
  });
  const outside = createOutsideOpener({
    open: (filePath) => files.openPath(filePath),
    send: (file) => current?.window.webContents.send(EVENTS.openFile, file),
    showError: (filePath, message) => dialogs.showOpenError(filePath, message),
  });
  const openFromOutside = (filePaths: readonly string[]): void => {
    for (const filePath of filePaths) outside.request(filePath);
    // macOS keeps running without a window; a double-clicked file needs one to open in.
    if (filePaths.length > 0) void ensureWindow();
  };

  function refreshMenu(): void {
    if (!app.isReady()) return;
    const template = buildMenuTemplate({
      platform: process.platform,
      appName: app.getName(),
      isPackaged: app.isPackaged,
      send: (command) => current?.window.webContents.send(EVENTS.menuCommand, command),
      recent: {
        files: recent.list(),
        open: (filePath) => openFromOutside([filePath]),
        clear: () => {
          app.clearRecentDocuments();
          void recent.clear();
        },
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  // macOS sends double-clicked files this way, possibly before 'ready': the opener queues them.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    void isOpenablePath(filePath).then((openable) => openFromOutside(openable ? [filePath] : []));
  });
  // Windows and Linux put them on the command line.
  void filesFromArgv(process.argv, process.cwd()).then(openFromOutside);

  /**
   * Opens the window unless it is open or being opened (creating it awaits the saved state). An
   * app that cannot open its one window is of no use, so that ends it with a message.
   */
  function ensureWindow(): Promise<void> {
    if (current || windowOpening || !app.isReady()) return windowOpening ?? Promise.resolve();
    windowOpening = openWindow()
      .catch(failToStart)
      .finally(() => {
        windowOpening = null;
      });
    return windowOpening;
  }

  async function openWindow(): Promise<void> {
    const saved = await loadWindowState(windowStateFile);
    const workAreas = screen.getAllDisplays().map((display) => display.workArea);
    const window = createMainWindow({
      preloadPath,
      placement: restorePlacement(saved, workAreas),
      devTools: !app.isPackaged,
    });
    const state = trackWindowState(window, windowStateFile);
    const recovery = watchForFailures(window, { dialog, quit: () => app.quit() });
    // No answer to a flush can come once the window is closed or its renderer is gone.
    let gone = new AbortController();
    let preparing: Promise<void> | null = null;
    const flushAndSaveState = async (): Promise<void> => {
      if (window.isDestroyed()) return;
      const rendererAlive = !window.webContents.isCrashed() && !recovery.failed;
      const [outcome] = await Promise.all([
        rendererAlive
          ? flushes.request((token) => window.webContents.send(EVENTS.flushRequest, token), gone.signal)
          : 'not-sent',
        state.save(),
      ]);
      if (outcome !== 'flushed') console.warn(`[quit] renderer flush: ${outcome}`);
    };
    // A quit while the window is closing waits for the flush under way rather than asking again.
    const prepareToClose = (): Promise<void> => {
      preparing ??= flushAndSaveState().finally(() => {
        preparing = null;
      });
      return preparing;
    };
    const closeGate = createCloseGate(prepareToClose);
    window.on('close', (event) => {
      // When quitting, the quit gate has already flushed this window.
      if (quitGate.isOpen) return;
      closeGate.intercept(event, () => {
        if (!window.isDestroyed()) window.close();
      });
    });
    // Files to open wait until the renderer has loaded and can receive them.
    window.webContents.on('did-start-loading', () => {
      outside.setReady(false);
      // A reloaded page cannot finish the exports the old one began.
      void exports.abortAll();
      // Nor take the room's notes into its map until the facilitator opens the room again (its
      // journal then brings every note the phones sent meanwhile).
      void room.close();
      // It runs in a renderer of its own, which can answer again.
      if (gone.signal.aborted && !window.isDestroyed()) gone = new AbortController();
    });
    window.webContents.on('did-finish-load', () => outside.setReady(true));
    // Nor can a renderer that crashed or was killed; without this its temp files stay until quit.
    window.webContents.on('render-process-gone', (_event, details) => {
      void exports.abortAll();
      void room.close();
      if (details.reason !== 'clean-exit') gone.abort();
    });
    window.on('closed', () => {
      gone.abort();
      // Phones must not write into a map nobody has open.
      void room.close();
      void exports.abortAll();
      if (current?.window !== window) return;
      current = null;
      outside.setReady(false);
    });
    current = { window, prepareToClose };
  }

  app.on('second-instance', (_event, argv, workingDirectory) => {
    void filesFromArgv(argv, workingDirectory).then(openFromOutside);
    const window = current?.window;
    if (!window) {
      void ensureWindow();
      return;
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });

  app.on('before-quit', (event) => quitGate.intercept(event, () => app.quit()));

  // macOS keeps the app running without windows; the dock icon reopens one.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => void ensureWindow());

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession);
      serveAppFrom(distDir);
      registerIpcHandlers(ipcMain, () => current?.window ?? null, {
        appInfo: () => ({
          name: app.getName(),
          version: app.getVersion(),
          shell: 'desktop',
          platform: process.platform,
        }),
        writeBackup: (backup) => writes.track(backups.write(backup)),
        listBackups: () => backups.list(),
        readBackup: (mapId) => backups.read(mapId),
        flushDone: (token) => {
          flushes.acknowledge(token);
        },
        openFile: (purpose) => files.openFile(purpose),
        openDroppedFile: (filePath) => files.openDroppedPath(filePath),
        saveFile: (handle, content) => files.saveFile(handle, content),
        saveFileAs: (suggestedName, content) => files.saveFileAs(suggestedName, content),
        beginExport: (kind, suggestedName) => exports.begin(kind, suggestedName),
        writeExport: (token, bytes) => exports.write(token, bytes),
        finishExport: (token) => exports.finish(token),
        abortExport: (token) => exports.abort(token),
        saveText: (kind, suggestedName, text) => texts.save(kind, suggestedName, text),
        openProjector: (id) => projector.open(id),
        closeProjector: () => projector.close(),
        setFullScreen: (on) => current?.window.setFullScreen(on),
        roomAddresses: () => room.addresses(),
        openRoom: (mapId, address, newAddress) => room.open(mapId, address, newAddress),
        closeRoom: () => room.close(),
        setRoomRound: (round) => room.setRound(round),
        setRoomVote: (vote) => room.setVote(vote),
        setRoomMap: (map) => room.setMap(map),
        setRoomScreen: (screen) => room.setScreen(screen),
        removeParticipant: (id) => room.remove(id),
      });
      await recent.load();
      refreshMenu();
      app.setAboutPanelOptions({ applicationName: app.getName(), applicationVersion: app.getVersion() });
      await ensureWindow();
    })
    .catch(failToStart);
}

/** An app that cannot start says why and exits with an error status, rather than running unseen. */
function failToStart(error: unknown): void {
  console.error('[startup] Journeywall could not start', error);
  dialog.showErrorBox('Journeywall could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}
