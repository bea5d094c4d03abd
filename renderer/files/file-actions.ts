import { markShared } from '../../shared/format/document.ts';
import {
  IPC_LIMITS,
  type JourneywallBridge,
  type OpenedFile,
  type OpenResult,
  type SaveResult,
} from '../../shared/ipc/contract.ts';
import { FILE_MESSAGES } from '../../shared/ipc/file-messages.ts';
import { merge } from '../../shared/merge/merge.ts';
import { isLiveNote, type JourneyDocument, liveNotesByZ, mapRecordOf } from '../../shared/model/document.ts';
import { insertCopies, NOTE_GAP } from '../../shared/model/edits.ts';
import { boundsOf } from '../board/viewport.ts';
import { copyDocument } from '../db/copy-document.ts';
import type { JourneywallDb } from '../db/journeywall-db.ts';
import { putDocument, restoreMap } from '../db/library.ts';
import type { BoardStore } from '../store/index.ts';
import { ask, tell } from '../ui/prompt-store.ts';
import { docSignature } from './doc-signature.ts';
import { readExampleMap } from './example-map.ts';
import { suggestedFileName, toMapFile } from './map-file.ts';
import { startReview } from './merge-review.ts';
import { readMapFileOffThread } from './read-map-off-thread.ts';

export interface FileActionsContext {
  readonly db: JourneywallDb;
  readonly bridge: JourneywallBridge;
  readonly store: BoardStore;
  /** Puts a library map on the board (resolves once it is there). */
  readonly openMap: (mapId: string) => Promise<void>;
  /** A short, non-blocking confirmation. */
  readonly notify: (message: string) => void;
}

/**
 * What File ▸ Open, Save, Save As, Export a copy and Merge a copy do. Files are untrusted: a file
 * that cannot be read changes nothing and says why. Paths never reach the renderer; the shell
 * gives handles (see shared/ipc/contract.ts).
 */
export const createFileActions = (context: FileActionsContext) => {
  const { db, bridge, store, openMap, notify } = context;

  const openDoc = (): JourneyDocument | null => store.getState().doc;

  /** Writes the open map; `mode` 'save' reuses the linked file, 'save-as' asks, 'copy' asks and does not link. */
  const save = async (mode: 'save' | 'save-as' | 'copy'): Promise<boolean> => {
    const doc = openDoc();
    if (!doc) return false;
    const link = await db.fileLinks.get(doc.id);
    const content = toMapFile(doc);
    const linked = mode === 'save' && link?.handle ? link.handle : null;
    let result: SaveResult;
    const bytes = new TextEncoder().encode(content).byteLength;
    try {
      // Refused here with the same words as the browser build: a file the app could not open again.
      if (bytes > IPC_LIMITS.fileBytes) result = { error: FILE_MESSAGES.tooLargeToSave(bytes) };
      else if (linked) result = await bridge.saveFile(linked, content);
      else
        result = await bridge.saveFileAs(
          mode === 'save' && link ? link.fileName : suggestedFileName(doc),
          content,
        );
    } catch (error) {
      result = {
        error: `The map could not be written (${error instanceof Error ? error.message : String(error)}).`,
      };
    }
    if (result === null) return false;
    if ('error' in result) {
      if (!linked) {
        await tell('The map was not saved', `${result.error} Your work is safe in Journeywall.`);
        return false;
      }
      const choice = await ask({
        title: 'The map was not saved',
        message: `${result.error} Your work is safe in Journeywall. You can save it to another file.`,
        choices: [
          { value: 'save-as', label: 'Save as…', primary: true },
          { value: 'cancel', label: 'Not now' },
        ],
      });
      return choice === 'save-as' ? save('save-as') : false;
    }
    // The states just written may be where someone else's copy starts: remember them for merging.
    const marked = markShared(doc);
    store.getState().rememberShared(doc);
    if (mode !== 'copy') {
      await db.fileLinks.put({
        mapId: doc.id,
        handle: result.handle,
        fileName: result.name,
        savedSignature: docSignature(marked),
      });
    }
    notify(mode === 'copy' ? `Saved a copy as ${result.name}.` : `Saved to ${result.name}.`);
    return true;
  };

  const repairsNote = (repairs: readonly string[]) => (repairs.length > 0 ? repairs : undefined);

  /** Opens a file from a dialog, a drop, the file manager, Open Recent or the shipped example. */
  const openFile = async (result: OpenResult): Promise<void> => {
    if (result === null) return;
    if ('error' in result) return tell("Couldn't open the file", result.error);
    const read = await readMapFileOffThread(result.bytes);
    if (!read.ok) return tell(`Couldn't open ${result.name}`, read.message);
    const incoming = read.document;
    const name = mapRecordOf(incoming).name;
    const existing = await db.maps.get(incoming.id);
    if (!existing) {
      await putDocument(db, incoming);
      await linkIfWritable(incoming, result);
      await openMap(incoming.id);
      if (read.repairs.length > 0)
        await tell(
          `${result.name} was repaired`,
          'Some parts of the file were damaged and have been repaired:',
          read.repairs,
        );
      else notify(`Opened ${result.name}.`);
      return;
    }
    // A map in the trash is not opened for editing while the library lists it only there: it
    // is restored first, which the choices say.
    const trashed = existing.deletedAt !== null;
    const choice = await ask({
      title: trashed ? `“${name}” is in your trash` : `“${name}” is already in your library`,
      message: trashed
        ? `${result.name} is a copy of a map in your trash. Restore your copy and merge the file's changes into it, restore your copy as it is, or open the file as a separate map.`
        : `${result.name} is a copy of a map you have. Open your library copy, open the file as a separate map, or merge the file's changes into your copy.`,
      details: repairsNote(read.repairs),
      choices: trashed
        ? [
            { value: 'merge', label: 'Restore and merge', primary: true },
            { value: 'copy', label: 'Open the file as a copy' },
            { value: 'library', label: 'Restore my copy' },
          ]
        : [
            { value: 'merge', label: 'Merge into my copy', primary: true },
            { value: 'copy', label: 'Open the file as a copy' },
            { value: 'library', label: 'Open my library copy' },
          ],
    });
    if (trashed && (choice === 'merge' || choice === 'library')) await restoreMap(db, incoming.id);
    if (choice === 'library') await openMap(incoming.id);
    if (choice === 'copy') {
      const copy = copyDocument(incoming, `${name} (from ${result.name})`);
      await putDocument(db, copy);
      await openMap(copy.id);
    }
    if (choice === 'merge') {
      await openMap(incoming.id);
      await mergeDocument(incoming, result.name);
    }
  };

  const linkIfWritable = async (doc: JourneyDocument, file: OpenedFile) => {
    if (file.handle === null || !file.name.toLowerCase().endsWith('.cxmap')) return;
    await db.fileLinks.put({
      mapId: doc.id,
      handle: file.handle,
      fileName: file.name,
      savedSignature: docSignature(doc),
    });
  };

  /** Merge a copy: the file's changes come into the open map as one undo step. */
  const mergeFile = async (result: OpenResult): Promise<void> => {
    if (result === null) return;
    if ('error' in result) return tell("Couldn't open the file", result.error);
    const read = await readMapFileOffThread(result.bytes);
    if (!read.ok) return tell(`Couldn't merge ${result.name}`, read.message);
    await mergeDocument(read.document, result.name, read.repairs);
  };

  const mergeDocument = async (
    incoming: JourneyDocument,
    fileName: string,
    repairs: readonly string[] = [],
  ) => {
    const local = openDoc();
    if (!local) return;
    const merged = merge(local, incoming);
    if (!merged.ok)
      return merged.error.kind === 'different-map'
        ? offerOtherMap(incoming, fileName)
        : tell(`Couldn't merge ${fileName}`, merged.error.message);
    store.getState().edit('Merge a copy', (draft) => {
      for (const [id, record] of Object.entries(merged.document.records)) {
        if (local.records[id] !== record) draft.records[id] = record;
      }
    });
    const { added, updated, deleted, conflicts } = merged.summary;
    startReview(local.id, fileName, merged.summary, merged.conflicts);
    const parts = [
      `${added} added`,
      `${updated} updated`,
      `${deleted} deleted`,
      `${conflicts} ${conflicts === 1 ? 'conflict' : 'conflicts'}`,
    ];
    if (repairs.length > 0)
      await tell(
        `${fileName} was repaired before merging`,
        'Some parts of the file were damaged and have been repaired:',
        repairs,
      );
    notify(`Merged ${fileName}: ${parts.join(', ')}.`);
  };

  const offerOtherMap = async (incoming: JourneyDocument, fileName: string) => {
    const choice = await ask({
      title: `${fileName} is a different map`,
      message: `It holds “${mapRecordOf(incoming).name}”, not this map, so there is nothing to merge. You can open it as a map of its own, or copy its notes onto this board.`,
      choices: [
        { value: 'import', label: 'Import as a new map', primary: true },
        { value: 'notes', label: 'Add its notes to this map' },
      ],
    });
    if (choice === 'import') {
      const exists = await db.maps.get(incoming.id);
      const doc = exists ? copyDocument(incoming, mapRecordOf(incoming).name) : incoming;
      await putDocument(db, doc);
      await openMap(doc.id);
    }
    if (choice === 'notes') addNotesOf(incoming, fileName);
  };

  /** Copies another map's notes to the right of this board's notes, as one undo step. */
  const addNotesOf = (incoming: JourneyDocument, fileName: string) => {
    const local = openDoc();
    const notes = liveNotesByZ(incoming);
    const here = local ? boundsOf(liveNotesByZ(local)) : null;
    const there = boundsOf(notes);
    if (!local || !there) return;
    const dx = here ? here.x + here.w + 4 * NOTE_GAP - there.x : -there.x;
    const dy = here ? here.y - there.y : -there.y;
    let ids: string[] = [];
    store.getState().edit('Add notes from a file', (draft) => {
      ids = insertCopies(draft, notes, dx, dy, store.getState().scenarioId);
    });
    store.getState().select(ids.filter((id) => isLiveNote(store.getState().doc?.records[id])));
    notify(`Added ${ids.length} notes from ${fileName}.`);
  };

  return {
    save: () => save('save'),
    saveAs: () => save('save-as'),
    saveCopy: () => save('copy'),
    open: async () => openFile(await bridge.openFile('open')),
    openFile,
    openDropped: async (file: File) => openFile(await bridge.openDroppedFile(file)),
    openExample: async () => openFile(await readExampleMap()),
    mergeCopy: async () => mergeFile(await bridge.openFile('merge')),
  };
};

export type FileActions = ReturnType<typeof createFileActions>;
