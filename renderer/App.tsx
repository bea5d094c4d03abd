import { useCallback, useEffect, useMemo, useState } from 'react';
import { lastOpenMap, rememberOpenMap } from './app/last-open-map.ts';
import { appServices } from './app/services.ts';
import { markMapOpening } from './board/frame-timing.ts';
import { type AppCommand, runCommand, useKeyboardShortcuts } from './board/use-keyboard-shortcuts.ts';
import { putDocument } from './db/library.ts';
import { createFileActions } from './files/file-actions.ts';
import { closeReview } from './files/merge-review.ts';
import { PromptDialog } from './files/PromptDialog.tsx';
import { useFileDrop } from './files/use-file-drop.ts';
import { findStore } from './find/find-store.ts';
import { openMap } from './persistence/open-map.ts';
import { PosterDialog, type PosterMode } from './poster/PosterDialog.tsx';
import { BoardScreen } from './screens/BoardScreen.tsx';
import { LibraryScreen } from './screens/LibraryScreen.tsx';
import { NewMapDialog } from './screens/NewMapDialog.tsx';
import { boardStore } from './store/index.ts';
import { noticeStore, showNotice, useNotice } from './ui/notice-store.ts';
import { panelsStore } from './ui/panels-store.ts';
import { ShortcutsDialog } from './ui/ShortcutsDialog.tsx';
import { Toast } from './ui/Toast.tsx';

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

  const open = useCallback(async (mapId: string) => {
    const { db, persistence } = appServices();
    markMapOpening();
    try {
      const loaded = await openMap(db, boardStore, persistence, mapId);
      if (!loaded) {
        rememberOpenMap(null);
        setScreen({ kind: 'library' });
        return;
      }
      boardStore.getState().clearSelection();
      boardStore.getState().startEditing(null);
      rememberOpenMap(mapId);
      setPoster(null);
      setScreen({ kind: 'board', mapId, fit: loaded.viewport === null });
    } catch (reason) {
      showNotice(`Couldn't open the map: ${reason instanceof Error ? reason.message : String(reason)}`);
      setScreen({ kind: 'library' });
    }
  }, []);

  const showLibrary = useCallback(() => {
    rememberOpenMap(null);
    closeReview();
    boardStore.getState().startEditing(null);
    boardStore.getState().clearSelection();
    boardStore.getState().loadDocument(null);
    setPoster(null);
    setScreen({ kind: 'library' });
  }, []);

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
      }
    },
    [showLibrary, files, openPoster],
  );

  useKeyboardShortcuts(boardStore, onAppCommand);
  const dragging = useFileDrop(useCallback((file: File) => void files.openDropped(file), [files]));

  useEffect(() => {
    const previous = lastOpenMap();
    if (previous) void open(previous);
    else setScreen({ kind: 'library' });
  }, [open]);

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
        <LibraryScreen onOpen={(mapId) => void open(mapId)} onCommand={onAppCommand} />
      )}
      {screen.kind === 'board' && (
        <BoardScreen key={screen.mapId} fitOnOpen={screen.fit} onCommand={onAppCommand} />
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
