import { useLiveQuery } from 'dexie-react-hooks';
import { BookOpen, FolderOpen, Plus } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import type { BackupEntry } from '../../shared/ipc/contract.ts';
import { appServices } from '../app/services.ts';
import type { AppCommand } from '../board/use-keyboard-shortcuts.ts';
import {
  deleteMap,
  duplicateMap,
  listMaps,
  listTrash,
  purgeMap,
  renameMap,
  restoreMap,
} from '../db/library.ts';
import { restoreFromBackup } from '../files/restore-backup.ts';
import { rememberPurged } from '../persistence/purged-maps.ts';
import { ask } from '../ui/prompt-store.ts';
import { Toast } from '../ui/Toast.tsx';
import { MapCard } from './MapCard.tsx';

interface LibraryScreenProps {
  readonly onOpen: (mapId: string) => void;
  readonly onCommand: (command: AppCommand) => void;
  /** Opens the example map shipped with the app, as a file from disk. */
  readonly onOpenExample: () => void;
}

interface Notice {
  readonly message: string;
  readonly undo?: () => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Every map stored on this computer, newest first, with the trash and the file backups. */
export const LibraryScreen = ({ onOpen, onCommand, onOpenExample }: LibraryScreenProps) => {
  const { db, bridge } = appServices();
  const maps = useLiveQuery(() => listMaps(db), [db]);
  const trash = useLiveQuery(() => listTrash(db), [db]) ?? [];
  const [backups, setBackups] = useState<BackupEntry[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const dismiss = useCallback(() => setNotice(null), []);

  useEffect(() => {
    document.title = 'Journeywall';
  }, []);

  const remove = async (mapId: string, name: string) => {
    await deleteMap(db, mapId);
    setNotice({ message: `“${name}” moved to the trash.`, undo: () => void restoreMap(db, mapId) });
  };
  // The one step in the library with no Undo: it asks first.
  const purge = async (mapId: string, name: string, notes: number) => {
    const choice = await ask({
      title: `Delete “${name}” forever?`,
      message: `${notes === 0 ? `“${name}”` : `“${name}” and its ${notes === 1 ? 'note' : `${notes.toLocaleString()} notes`}`} will be removed from this computer's library for good; this cannot be undone. Its file backups stay, so it can still be restored from File backups.`,
      choices: [
        { value: 'cancel', label: 'Keep it in the trash' },
        { value: 'delete', label: 'Delete forever', primary: true },
      ],
    });
    if (choice !== 'delete') return;
    rememberPurged(mapId);
    await purgeMap(db, mapId);
  };
  const showBackups = async () => {
    try {
      setBackups(await bridge.listBackups());
    } catch (error) {
      setNotice({
        message: `Couldn't list the backups: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };
  const restore = async (entry: BackupEntry) => {
    const result = await restoreFromBackup(db, bridge, entry.mapId);
    setNotice({
      message: result.ok
        ? result.asCopy
          ? `Restored “${entry.name}” from its backup as a new map beside the current one.`
          : `Restored “${entry.name}” from its backup.`
        : result.error,
    });
  };

  return (
    <main className="library" aria-labelledby="library-title">
      <header className="library-header">
        <h1 id="library-title">Journeywall</h1>
        <p className="library-tagline">
          Customer-journey maps for workshops. Everything stays on this computer.
        </p>
        <div className="library-actions">
          <button type="button" className="secondary" onClick={onOpenExample}>
            <BookOpen aria-hidden /> Open the example map
          </button>
          <button type="button" className="secondary" onClick={() => onCommand('open-file')}>
            <FolderOpen aria-hidden /> Open a map file…
          </button>
          <button type="button" className="primary new-map" onClick={() => onCommand('new-map')}>
            <Plus aria-hidden /> New map
          </button>
        </div>
      </header>
      <section aria-labelledby="maps-title">
        <h2 id="maps-title">Maps</h2>
        {maps && maps.length === 0 && <p className="empty">No maps yet. Create one to start a workshop.</p>}
        <ul className="map-list" aria-label="Maps">
          {maps?.map((map) => (
            <MapCard
              key={map.id}
              map={map}
              onOpen={() => onOpen(map.id)}
              onRename={(name) => void renameMap(db, map.id, name)}
              onDuplicate={() => void duplicateMap(db, map.id)}
              onDelete={() => void remove(map.id, map.name)}
            />
          ))}
        </ul>
      </section>
      {trash.length > 0 && (
        <section aria-labelledby="trash-title">
          <h2 id="trash-title">Trash</h2>
          <ul className="trash-list" aria-label="Trash">
            {trash.map((map) => (
              <li key={map.id}>
                <span>{map.name}</span>
                <button type="button" className="secondary" onClick={() => void restoreMap(db, map.id)}>
                  Restore
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => void purge(map.id, map.name, map.noteCount)}
                  aria-label={`Delete ${map.name} forever`}
                >
                  Delete forever
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="backups-title">
        <h2 id="backups-title">File backups</h2>
        <p className="library-note">
          Journeywall also keeps a backup file of every map, so a map can come back even if this computer's
          browser storage is wiped.
        </p>
        {backups === null ? (
          <button type="button" className="secondary" onClick={() => void showBackups()}>
            Show backups
          </button>
        ) : backups.length === 0 ? (
          <p className="empty">No backups yet.</p>
        ) : (
          <ul className="trash-list" aria-label="Backups">
            {backups.map((entry) => (
              <li key={entry.mapId}>
                <span>
                  {entry.name} <span className="map-card-meta">· {dateFormat.format(entry.savedAt)}</span>
                </span>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => void restore(entry)}
                  aria-label={`Restore ${entry.name} from backup`}
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {notice && (
        <Toast
          message={notice.message}
          actionLabel={notice.undo ? 'Undo' : undefined}
          onAction={
            notice.undo
              ? () => {
                  notice.undo?.();
                  setNotice(null);
                }
              : undefined
          }
          onDismiss={dismiss}
        />
      )}
    </main>
  );
};
