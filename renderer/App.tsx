import { useCallback, useEffect, useState } from 'react';
import { lastOpenMap, rememberOpenMap } from './app/last-open-map.ts';
import { appServices } from './app/services.ts';
import { markMapOpening } from './board/frame-timing.ts';
import { useClipboard } from './board/use-clipboard.ts';
import { type AppCommand, runCommand, useKeyboardShortcuts } from './board/use-keyboard-shortcuts.ts';
import { createMap } from './db/library.ts';
import { openMap } from './persistence/open-map.ts';
import { BoardScreen } from './screens/BoardScreen.tsx';
import { LibraryScreen } from './screens/LibraryScreen.tsx';
import { boardStore } from './store/index.ts';
import { ShortcutsDialog } from './ui/ShortcutsDialog.tsx';
import { Toast } from './ui/Toast.tsx';

type Screen =
  | { readonly kind: 'starting' }
  | { readonly kind: 'library' }
  | { readonly kind: 'board'; readonly fit: boolean };

/** The app shell: the library or one map's board, plus what both share (menu, shortcuts). */
export const App = () => {
  const [screen, setScreen] = useState<Screen>({ kind: 'starting' });
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [error, setError] = useState<string | null>(null);

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
      setScreen({ kind: 'board', fit: loaded.viewport === null });
    } catch (reason) {
      setError(`Couldn't open the map: ${reason instanceof Error ? reason.message : String(reason)}`);
      setScreen({ kind: 'library' });
    }
  }, []);

  const showLibrary = useCallback(() => {
    rememberOpenMap(null);
    boardStore.getState().startEditing(null);
    boardStore.getState().clearSelection();
    boardStore.getState().loadDocument(null);
    setScreen({ kind: 'library' });
  }, []);

  const onAppCommand = useCallback(
    (command: AppCommand) => {
      if (command === 'show-shortcuts') setShowShortcuts(true);
      else if (command === 'show-library') showLibrary();
      else void createMap(appServices().db, 'Untitled map').then(open);
    },
    [open, showLibrary],
  );

  useEffect(() => {
    const previous = lastOpenMap();
    if (previous) void open(previous);
    else setScreen({ kind: 'library' });
  }, [open]);

  useEffect(
    () => appServices().bridge.onMenuCommand((command) => runCommand(boardStore, command, onAppCommand)),
    [onAppCommand],
  );

  return (
    <>
      {screen.kind === 'library' && <LibraryScreen onOpen={(mapId) => void open(mapId)} />}
      {screen.kind === 'board' && (
        <BoardWithShortcuts fitOnOpen={screen.fit} onShowLibrary={showLibrary} onAppCommand={onAppCommand} />
      )}
      {showShortcuts && <ShortcutsDialog onClose={() => setShowShortcuts(false)} />}
      {error && <Toast message={error} onDismiss={() => setError(null)} />}
    </>
  );
};

interface BoardWithShortcutsProps {
  readonly fitOnOpen: boolean;
  readonly onShowLibrary: () => void;
  readonly onAppCommand: (command: AppCommand) => void;
}

/** The board's keyboard and clipboard are live only while a map is open. */
const BoardWithShortcuts = ({ fitOnOpen, onShowLibrary, onAppCommand }: BoardWithShortcutsProps) => {
  useKeyboardShortcuts(boardStore, onAppCommand);
  useClipboard(boardStore);
  return (
    <BoardScreen
      fitOnOpen={fitOnOpen}
      onShowLibrary={onShowLibrary}
      onShowShortcuts={() => onAppCommand('show-shortcuts')}
    />
  );
};
