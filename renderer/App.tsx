import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { mapRecordOf } from '../shared/model/document.ts';
import { mapToReopen, rememberOpeningMap, rememberOpenMap } from './app/last-open-map.ts';
import { appServices } from './app/services.ts';
import { markMapOpening } from './board/frame-timing.ts';
import { startPainterWorker } from './board/painter/board-painter.ts';
import { type AppCommand, runCommand, useKeyboardShortcuts } from './board/use-keyboard-shortcuts.ts';
import { ShortcutsDialog } from './chrome/ShortcutsDialog.tsx';
import { loadMap, putDocument } from './db/library.ts';
import { createFileActions } from './files/file-actions.ts';
import { closeReview } from './files/merge-review.ts';
import { useFileDrop } from './files/use-file-drop.ts';
import { findStore } from './find/find-store.ts';
import { openMap } from './persistence/open-map.ts';
import { purgedMaps } from './persistence/purged-maps.ts';
import { recoveredMessage, recoverLostMaps } from './persistence/recover-lost-maps.ts';
import { PosterDialog, type PosterMode } from './poster/PosterDialog.tsx';
import { presentStore } from './present/present-store.ts';
import { toggleProjector, useProjectorHost } from './present/projector-host.ts';
import { BoardErrorBoundary } from './screens/BoardErrorBoundary.tsx';
import { BoardScreen, type HeldElsewhere } from './screens/BoardScreen.tsx';
import { LibraryScreen } from './screens/LibraryScreen.tsx';
import { NewMapDialog } from './screens/NewMapDialog.tsx';
import { boardStore } from './store/index.ts';
import { timerMenuStore } from './timer/timer-menu-store.ts';
import { noticeStore, showNotice, useNotice } from './ui/notice-store.ts';
import { PromptDialog } from './ui/PromptDialog.tsx';
import { panelsStore } from './ui/panels-store.ts';
import { Toast } from './ui/Toast.tsx';
import { voteKeys } from './votes/vote-keys.ts';

type Screen =
  | { readonly kind: 'starting' }
  | { readonly kind: 'library' }
  | { readonly kind: 'board'; readonly mapId: string; readonly fit: boolean };

/** The app shell: the library or one map's board, plus what both share (menu, shortcuts, files). */
export const App = () => {
  const [screen, setScreen] = useState<Screen>({ kind: 'starting' });
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [newMapOpen, setNewMapOpen] = useState(false);
  /** The export dialog, and the map it was opened on: it is never shown over another map. */
  const [poster, setPoster] = useState<{ readonly mode: PosterMode; readonly mapId: string } | null>(null);
  const notice = useNotice();

  /** Set while another window holds the open map: first found there, or later taken over. */
  const [elsewhere, setElsewhere] = useState<HeldElsewhere | null>(null);

  /** A map was asked for (a file opened at launch, a click) while starting: start leaves it be. */
  const chosen = useRef(false);

  const open = useCallback(async (mapId: string) => {
    const { db, persistence, holds } = appServices();
    chosen.current = true;
    markMapOpening();
    startPainterWorker();
    try {
      // The map being left is stored before another window may take it.
      await persistence.autosave.flush().catch(() => undefined);
      const mine = await holds.hold(mapId);
      boardStore.getState().startEditing(null);
      boardStore.getState().startRenaming(null);
      // Set before the map is loaded, so autosave never stores a map another window holds.
      boardStore.getState().setHeldElsewhere(!mine);
      const loaded = await openMap(db, boardStore, persistence, mapId);
      if (!loaded) {
        holds.release();
        boardStore.getState().setHeldElsewhere(false);
        await rememberOpenMap(db, null);
        setScreen({ kind: 'library' });
        return;
      }
      boardStore.getState().clearSelection();
      if (loaded.repairs?.length)
        showNotice(
          `Some of this map's stored data was damaged and has been repaired: ${loaded.repairs.join(' ')}`,
        );
      setElsewhere(mine ? null : 'open');
      // Not reopened at start until the board has drawn it once (BoardErrorBoundary).
      await rememberOpeningMap(db, mapId);
      setPoster(null);
      setScreen({ kind: 'board', mapId, fit: loaded.viewport === null });
    } catch (reason) {
      showNotice(`Couldn't open the map: ${reason instanceof Error ? reason.message : String(reason)}`);
      setScreen({ kind: 'library' });
    }
  }, []);

  /** "Open here instead": the other window stores its edits and lets go; this one reloads the map. */
  const takeOver = useCallback(async () => {
    const { db, persistence, holds } = appServices();
    const mapId = boardStore.getState().doc?.id;
    if (!mapId) return;
    await holds.takeOver(mapId);
    const viewport = boardStore.getState().viewport;
    await openMap(db, boardStore, persistence, mapId);
    boardStore.getState().setViewport(viewport);
    boardStore.getState().setHeldElsewhere(false);
    setElsewhere(null);
    await rememberOpenMap(db, mapId);
  }, []);

  const showLibrary = useCallback(() => {
    const { db, persistence, holds } = appServices();
    void rememberOpenMap(db, null);
    closeReview();
    boardStore.getState().startEditing(null);
    boardStore.getState().clearSelection();
    boardStore.getState().loadDocument(null);
    boardStore.getState().setHeldElsewhere(false);
    setElsewhere(null);
    setPoster(null);
    setScreen({ kind: 'library' });
    void persistence.autosave
      .flush()
      .catch(() => undefined)
      .then(() => holds.release());
  }, []);

  /** A map that can't be drawn is closed, so a hostile file can't keep the app from the library. */
  const boardFailed = useCallback(
    (error: unknown) => {
      const doc = boardStore.getState().doc;
      const name = doc ? mapRecordOf(doc).name : 'the map';
      showLibrary();
      showNotice(
        `Couldn't show “${name}”, so it was closed (${error instanceof Error ? error.message : String(error)}). It is still in the library.`,
      );
    },
    [showLibrary],
  );

  const files = useMemo(() => {
    const { db, bridge } = appServices();
    return createFileActions({ db, bridge, store: boardStore, openMap: open, notify: showNotice });
  }, [open]);

  // One export at a time: a second export command while the dialog is open leaves it as it is.
  const openPoster = useCallback((mode: PosterMode) => {
    const doc = boardStore.getState().doc;
    if (doc) setPoster((open) => (open?.mapId === doc.id ? open : { mode, mapId: doc.id }));
  }, []);

  const onAppCommand = useCallback(
    (command: AppCommand) => {
      const onBoard = boardStore.getState().doc !== null;
      switch (command) {
        case 'show-shortcuts':
          return setShowShortcuts(true);
        case 'show-library':
          return showLibrary();
        case 'new-map':
          return setNewMapOpen(true);
        case 'open-file':
          return void files.open();
        case 'save':
          return onBoard ? void files.save() : undefined;
        case 'save-as':
          return onBoard ? void files.saveAs() : undefined;
        case 'save-copy':
          return onBoard ? void files.saveCopy() : undefined;
        case 'merge-copy':
          return onBoard ? void files.mergeCopy() : undefined;
        case 'find':
          return onBoard ? findStore.getState().openFind() : undefined;
        case 'toggle-outline':
          return onBoard ? panelsStore.getState().toggle('outline') : undefined;
        case 'toggle-legend':
          return onBoard ? panelsStore.getState().toggle('legend') : undefined;
        case 'export-poster':
          return openPoster('poster');
        case 'export-print-pages':
          return openPoster('print');
        case 'present':
          return onBoard ? presentStore.getState().enter() : undefined;
        case 'projector':
          return onBoard ? void toggleProjector(appServices().bridge) : undefined;
        case 'timer':
          return onBoard ? timerMenuStore.getState().setOpen(true) : undefined;
      }
    },
    [showLibrary, files, openPoster],
  );

  useKeyboardShortcuts(boardStore, onAppCommand, voteKeys);
  useProjectorHost(boardStore);
  const dragging = useFileDrop(useCallback((file: File) => void files.openDropped(file), [files]));

  useEffect(() => {
    const start = async () => {
      const { db, bridge } = appServices();
      // Maps the browser's storage lost come back from their backups before anything is shown.
      const recovered = await recoverLostMaps(db, bridge, purgedMaps()).catch(() => []);
      if (recovered.length > 0) showNotice(recoveredMessage(recovered));
      const previous = await mapToReopen(db);
      if (chosen.current) return;
      if (previous) await open(previous);
      else setScreen({ kind: 'library' });
    };
    void start();
  }, [open]);

  useEffect(() => {
    const { db, holds } = appServices();
    const stopLost = holds.onLost((mapId) => {
      if (boardStore.getState().doc?.id !== mapId) return;
      boardStore.getState().setHeldElsewhere(true);
      setElsewhere('moved');
    });
    // A map shown read-only follows what the window holding it stores.
    const stopStored = holds.onStoredElsewhere((mapId) => {
      const state = boardStore.getState();
      if (!state.heldElsewhere || state.doc?.id !== mapId) return;
      void loadMap(db, mapId).then((loaded) => {
        const now = boardStore.getState();
        if (!loaded || !now.heldElsewhere || now.doc?.id !== mapId) return;
        const scenarioId = now.scenarioId;
        now.loadDocument(loaded.doc);
        if (scenarioId && loaded.doc.records[scenarioId]) now.setScenario(scenarioId);
      });
    });
    return () => {
      stopLost();
      stopStored();
    };
  }, []);

  useEffect(() => {
    const { bridge } = appServices();
    const stopMenu = bridge.onMenuCommand((command) => runCommand(boardStore, command, onAppCommand));
    const stopFiles = bridge.onOpenFile((file) => void files.openFile(file));
    return () => {
      stopMenu();
      stopFiles();
    };
  }, [onAppCommand, files]);

  return (
    <>
      {screen.kind === 'library' && (
        <LibraryScreen
          onOpen={(mapId) => void open(mapId)}
          onCommand={onAppCommand}
          onOpenExample={() => void files.openExample()}
        />
      )}
      {screen.kind === 'board' && (
        <BoardErrorBoundary
          key={screen.mapId}
          onDrawn={() => void rememberOpenMap(appServices().db, screen.mapId)}
          onFailed={boardFailed}
        >
          <BoardScreen
            fitOnOpen={screen.fit}
            onCommand={onAppCommand}
            heldElsewhere={elsewhere}
            onTakeOver={() => void takeOver()}
          />
        </BoardErrorBoundary>
      )}
      {showShortcuts && <ShortcutsDialog onClose={() => setShowShortcuts(false)} />}
      {newMapOpen && (
        <NewMapDialog
          onClose={() => setNewMapOpen(false)}
          onCreate={(doc) => {
            setNewMapOpen(false);
            void putDocument(appServices().db, doc).then(() => open(doc.id));
          }}
        />
      )}
      {poster && screen.kind === 'board' && poster.mapId === screen.mapId && (
        <PosterDialog mode={poster.mode} onClose={() => setPoster(null)} onSaved={showNotice} />
      )}
      <PromptDialog />
      {notice && <Toast key={notice} message={notice} onDismiss={noticeStore.getState().dismiss} />}
      {dragging && <div className="drop-overlay">Drop a .cxmap file or a poster to open it</div>}
    </>
  );
};
