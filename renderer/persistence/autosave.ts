import type { StoreApi } from 'zustand/vanilla';
import { type JourneyDocument, mapRecordOf } from '../../shared/model/document.ts';
import type { JourneywallDb, SavedViewport } from '../db/journeywall-db.ts';
import type { LoadedMap } from '../db/library.ts';
import { saveChanges } from '../db/save-changes.ts';
import { diffRecords } from './record-diff.ts';
import { describeSaveError, type SaveStatusStore } from './save-status.ts';

/** The part of the board store that autosave reads. */
export interface PersistedState {
  readonly doc: JourneyDocument | null;
  readonly viewport: SavedViewport;
}

export interface AutosaveOptions {
  readonly db: JourneywallDb;
  readonly store: StoreApi<PersistedState>;
  readonly status: SaveStatusStore;
  /** Quiet time after the last change before saving. */
  readonly debounceMs?: number;
  /** Longest a change waits while edits keep coming. */
  readonly maxWaitMs?: number;
  /** Waits between attempts after consecutive failures; the last one repeats. */
  readonly retryDelaysMs?: readonly number[];
}

export interface Autosave {
  /** Saves every pending change now; resolves once IndexedDB committed, rejects if it failed. */
  flush(): Promise<void>;
  /**
   * Declares a document (and viewport) as what the library holds, before it is put in the
   * store, so opening a map writes nothing. A document put in the store without this is saved
   * whole: nothing unknown is assumed to be stored.
   */
  adopt(doc: JourneyDocument, viewport: SavedViewport | null): void;
  /** The in-memory state of a map whose edits are not stored yet (e.g. while the disk is full). */
  unsaved(mapId: string): LoadedMap | null;
  stop(): void;
}

export const AUTOSAVE_TIMING = {
  debounceMs: 300,
  maxWaitMs: 1000,
  retryDelaysMs: [1000, 2000, 5000, 10_000, 30_000],
} as const;

/** One map's saved snapshot and its newest in-memory state. */
interface Tracked {
  saved: JourneyDocument['records'];
  /** Live notes in `saved`, once known: lets a save count notes from the edits alone. */
  savedNoteCount: number | null;
  latest: JourneyDocument;
  savedViewport: SavedViewport | null;
  latestViewport: SavedViewport | null;
}

const NOTHING_SAVED: JourneyDocument['records'] = Object.freeze({});

/**
 * Saves the open document shortly after each change, writing only the records that changed.
 * A failed write leaves the snapshot where it was, so the next attempt writes the same changes
 * plus any newer ones; nothing is dropped until IndexedDB has committed it.
 */
export const startAutosave = (options: AutosaveOptions): Autosave => {
  const { db, store, status } = options;
  const debounceMs = options.debounceMs ?? AUTOSAVE_TIMING.debounceMs;
  const maxWaitMs = options.maxWaitMs ?? AUTOSAVE_TIMING.maxWaitMs;
  const retryDelaysMs = options.retryDelaysMs ?? AUTOSAVE_TIMING.retryDelaysMs;

  const tracked = new Map<string, Tracked>();
  const adopted = new Map<string, { records: JourneyDocument['records']; viewport: SavedViewport | null }>();
  let currentId: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let changedSince: number | null = null;
  let failures = 0;
  let retryAt = 0;
  let running: Promise<void> | null = null;
  let stopped = false;

  const isDirty = (entry: Tracked): boolean =>
    entry.latest.records !== entry.saved || !sameViewport(entry.latestViewport, entry.savedViewport);

  const forgetClosedMaps = (): void => {
    for (const [id, entry] of tracked) if (id !== currentId && !isDirty(entry)) tracked.delete(id);
  };

  const schedule = (immediately = false): void => {
    if (stopped) return;
    const now = Date.now();
    changedSince ??= now;
    let delay = immediately ? 0 : Math.min(debounceMs, changedSince + maxWaitMs - now);
    if (failures > 0) delay = Math.max(delay, retryAt - now);
    if (timer) clearTimeout(timer);
    timer = setTimeout(
      () => {
        timer = null;
        save().catch(() => {
          // Reported through the status; the retry is already scheduled.
        });
      },
      Math.max(0, delay),
    );
  };

  const save = async (): Promise<void> => {
    while (running) await running.catch(() => undefined);
    const dirty = [...tracked.values()].filter(isDirty);
    changedSince = null;
    if (dirty.length === 0) return;
    running = writeAll(dirty);
    try {
      await running;
    } finally {
      running = null;
    }
  };

  const writeAll = async (dirty: readonly Tracked[]): Promise<void> => {
    const documentChanged = dirty.some((entry) => entry.latest.records !== entry.saved);
    if (failures > 0) status.setState({ state: 'retrying' });
    else if (documentChanged) status.setState({ state: 'saving', message: null });
    try {
      for (const entry of dirty) await writeOne(entry);
    } catch (error) {
      failures++;
      retryAt = Date.now() + (retryDelaysMs[Math.min(failures, retryDelaysMs.length) - 1] ?? debounceMs);
      status.setState({ state: 'error', message: describeSaveError(error) });
      schedule();
      throw error;
    }
    failures = 0;
    if (documentChanged || status.getState().state !== 'saved') {
      status.setState({ state: 'saved', message: null, lastSavedAt: Date.now() });
    }
    forgetClosedMaps();
  };

  const writeOne = async (entry: Tracked): Promise<void> => {
    const doc = entry.latest;
    const viewport = entry.latestViewport;
    const diff = diffRecords(entry.saved, doc.records, entry.savedNoteCount);
    const viewportChanged = viewport !== null && !sameViewport(viewport, entry.savedViewport);
    await saveChanges(db, {
      mapId: doc.id,
      map: mapRecordOf(doc),
      changed: diff.changed,
      removed: diff.removed,
      noteCount: diff.noteCount,
      viewport: viewportChanged ? viewport : null,
    });
    entry.saved = doc.records;
    entry.savedNoteCount = diff.noteCount;
    entry.savedViewport = viewport;
  };

  const noteDocument = (doc: JourneyDocument | null): void => {
    const previousId = currentId;
    currentId = doc?.id ?? null;
    if (doc) {
      const entry = tracked.get(doc.id) ?? track(doc);
      const documentChanged = entry.latest.records !== doc.records || entry.saved === NOTHING_SAVED;
      entry.latest = doc;
      if (documentChanged && isDirty(entry) && status.getState().state === 'saved') {
        status.setState({ state: 'saving' });
      }
    }
    forgetClosedMaps();
    // The map being left is saved at once: it no longer changes, and it may be reopened next.
    const leftAMap = previousId !== null && previousId !== currentId;
    if ([...tracked.values()].some(isDirty)) schedule(leftAMap);
  };

  const track = (doc: JourneyDocument): Tracked => {
    const known = adopted.get(doc.id);
    adopted.delete(doc.id);
    const entry: Tracked = {
      saved: known?.records ?? NOTHING_SAVED,
      savedNoteCount: null,
      latest: doc,
      savedViewport: known?.viewport ?? null,
      latestViewport: known?.viewport ?? null,
    };
    tracked.set(doc.id, entry);
    return entry;
  };

  const noteViewport = (viewport: SavedViewport): void => {
    const entry = currentId ? tracked.get(currentId) : undefined;
    if (!entry) return;
    entry.latestViewport = { x: viewport.x, y: viewport.y, scale: viewport.scale };
    if (isDirty(entry)) schedule();
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.doc !== previous.doc) noteDocument(state.doc);
    if (state.viewport !== previous.viewport) noteViewport(state.viewport);
  });
  noteDocument(store.getState().doc);

  return {
    flush: async () => {
      if (timer) clearTimeout(timer);
      timer = null;
      await save();
    },
    adopt: (doc, viewport) => {
      const entry = tracked.get(doc.id);
      if (entry && isDirty(entry)) return;
      tracked.delete(doc.id);
      adopted.set(doc.id, { records: doc.records, viewport });
    },
    unsaved: (mapId) => {
      const entry = tracked.get(mapId);
      if (!entry || !isDirty(entry)) return null;
      return { doc: entry.latest, viewport: entry.latestViewport };
    },
    stop: () => {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
};

const sameViewport = (a: SavedViewport | null, b: SavedViewport | null): boolean =>
  a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y && a.scale === b.scale);
