import type { StoreApi } from 'zustand/vanilla';
import type { JourneyDocument } from '../../shared/model/document.ts';
import type { NoteCounts } from '../../shared/model/note-counts.ts';
import type { JourneywallDb, SavedViewport } from '../db/journeywall-db.ts';
import type { LoadedMap } from '../db/library.ts';
import { saveChanges, saveViewport } from '../db/save-changes.ts';
import type { ChangeLog } from '../store/change-log.ts';
import type { Draft } from '../store/draft.ts';
import { diffRecords } from './record-diff.ts';
import { describeSaveError, needsReconnect, type SaveStatusStore } from './save-status.ts';

/** The part of the board store that autosave reads. */
export interface PersistedState {
  readonly doc: JourneyDocument | null;
  /** Which records the store's edits replaced: a save looks only at those. */
  readonly changes: ChangeLog;
  readonly viewport: SavedViewport;
  readonly draft: Draft | null;
  /** Another window holds the open map: this one shows it and stores nothing of it. */
  readonly heldElsewhere: boolean;
}

export interface AutosaveOptions {
  readonly db: JourneywallDb;
  readonly store: StoreApi<PersistedState>;
  readonly status: SaveStatusStore;
  /** Quiet time after the last viewport change before saving it (pans come in bursts). */
  readonly viewportDebounceMs?: number;
  /** Longest a viewport change waits while pans keep coming. */
  readonly viewportMaxWaitMs?: number;
  /** Waits between attempts after consecutive failures; the last one repeats. */
  readonly retryDelaysMs?: readonly number[];
  /** Told in plain words when the stored copy was gone or changed and was written again whole. */
  readonly notify?: (message: string) => void;
  /** Told after each map was stored (other windows showing it can reload). */
  readonly onSaved?: (mapId: string) => void;
}

export interface Autosave {
  /** Saves every pending change now; resolves once IndexedDB committed, rejects if it failed. */
  flush(): Promise<void>;
  /**
   * Declares a map as what the library holds, before it is put in the store, so opening a map
   * writes nothing. A document put in the store without this is saved whole: nothing unknown
   * is assumed to be stored.
   */
  adopt(loaded: LoadedMap): void;
  /** The in-memory state of a map whose edits are not stored yet (e.g. while the disk is full). */
  unsaved(mapId: string): LoadedMap | null;
  /**
   * Checks soon that the open map's stored copy is still there and still this window's, and
   * writes it whole if not (after the browser closed the database under us, for instance).
   */
  verify(): void;
  stop(): void;
}

export const AUTOSAVE_TIMING = {
  viewportDebounceMs: 300,
  // Where the board was looking is worth little after a crash, and each write costs the pan or
  // zoom step it lands in several milliseconds: it is written once navigation pauses, and during
  // long navigation without a pause every 15 s.
  viewportMaxWaitMs: 15_000,
  retryDelaysMs: [1000, 2000, 5000, 10_000],
} as const;

export const REWRITTEN_MESSAGE =
  "This map's copy on this computer was cleared or changed outside this window. Journeywall saved it again from this window, so nothing is lost.";

/** One map's stored state and its newest in-memory state. */
interface Tracked {
  saved: JourneyDocument['records'];
  /** Live notes in `saved`, once known: lets a save count notes from the edits alone. */
  savedNotes: NoteCounts | null;
  latest: JourneyDocument;
  savedViewport: SavedViewport | null;
  latestViewport: SavedViewport | null;
  savedDraft: Draft | null;
  latestDraft: Draft | null;
  /** The revision of the stored map this window expects; null before it was ever stored. */
  revision: number | null;
  /** Check the stored copy at the next save even when nothing changed. */
  check: boolean;
}

const NOTHING_SAVED: JourneyDocument['records'] = Object.freeze({});

/**
 * Stores the open map as it changes, writing only the records that changed. A document or draft
 * change is written at once (changes made while a write runs go in the next one), so an edit is
 * stored within a write or two, whatever the load; viewport changes wait for a quiet moment.
 * A failed write leaves the saved state where it was, so the next attempt writes the same
 * changes plus newer ones; nothing is dropped until IndexedDB has committed it.
 */
export const startAutosave = (options: AutosaveOptions): Autosave => {
  const { db, store, status, notify, onSaved } = options;
  const viewportDebounceMs = options.viewportDebounceMs ?? AUTOSAVE_TIMING.viewportDebounceMs;
  const viewportMaxWaitMs = options.viewportMaxWaitMs ?? AUTOSAVE_TIMING.viewportMaxWaitMs;
  const retryDelaysMs = options.retryDelaysMs ?? AUTOSAVE_TIMING.retryDelaysMs;

  const tracked = new Map<string, Tracked>();
  const adopted = new Map<string, LoadedMap>();
  let currentId: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let timerAt = 0;
  let timerForEdits = false;
  let viewportSince: number | null = null;
  let failures = 0;
  let retryAt = 0;
  let running: Promise<void> | null = null;
  let stopped = false;

  /** Changes a user would lose: the map's records or the text of an open editor. */
  const holdsEdits = (entry: Tracked): boolean =>
    entry.latest.records !== entry.saved || entry.latestDraft !== entry.savedDraft || entry.check;

  const isDirty = (entry: Tracked): boolean =>
    holdsEdits(entry) || !sameViewport(entry.latestViewport, entry.savedViewport);

  const forgetClosedMaps = (): void => {
    for (const [id, entry] of tracked) if (id !== currentId && !isDirty(entry)) tracked.delete(id);
  };

  const schedule = (): void => {
    if (stopped) return;
    const now = Date.now();
    const urgent = [...tracked.values()].some(holdsEdits);
    let at: number;
    if (urgent) {
      at = now;
    } else {
      viewportSince ??= now;
      at = Math.min(now + viewportDebounceMs, viewportSince + viewportMaxWaitMs);
    }
    if (failures > 0) at = Math.max(at, retryAt);
    // A timer for edits that is due sooner covers this change. A viewport-only timer moves to the
    // quiet time after this change (bounded by the longest wait); an edit brings any timer forward.
    if (timer && timerAt <= at && (urgent || timerForEdits)) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timerForEdits = urgent;
    timer = setTimeout(
      () => {
        timer = null;
        save().catch(() => {
          // Reported through the status; the retry is already scheduled.
        });
      },
      Math.max(0, at - now),
    );
  };

  const save = async (): Promise<void> => {
    while (running) await running.catch(() => undefined);
    const dirty = [...tracked.values()].filter(isDirty);
    viewportSince = null;
    if (dirty.length === 0) {
      // A change undone before it was written (a draft set back as it was): nothing is waiting.
      if (status.getState().state === 'saving') status.setState({ state: 'saved' });
      return;
    }
    running = writeAll(dirty);
    try {
      await running;
    } finally {
      running = null;
    }
    // Edits made while this write ran go in the next one.
    if ([...tracked.values()].some(isDirty)) schedule();
  };

  const writeAll = async (dirty: readonly Tracked[]): Promise<void> => {
    const editsChanged = dirty.some(holdsEdits);
    if (failures > 0) status.setState({ state: 'retrying' });
    else if (editsChanged) status.setState({ state: 'saving', message: null });
    try {
      for (const entry of dirty) await writeOne(entry);
    } catch (error) {
      failures++;
      retryAt = Date.now() + (retryDelaysMs[Math.min(failures, retryDelaysMs.length) - 1] ?? 1000);
      // A connection the browser closed or could not open stays broken until it is reopened.
      if (needsReconnect(error)) db.close({ disableAutoOpen: false });
      status.setState({ state: 'error', message: describeSaveError(error) });
      schedule();
      throw error;
    }
    failures = 0;
    if (editsChanged || status.getState().state !== 'saved') {
      status.setState({ state: 'saved', message: null, lastSavedAt: Date.now() });
    }
    forgetClosedMaps();
  };

  const writeOne = async (entry: Tracked): Promise<void> => {
    const doc = entry.latest;
    const viewport = entry.latestViewport;
    const draft = entry.latestDraft;
    if (!holdsEdits(entry) && viewport && (await saveViewport(db, doc.id, viewport, entry.revision))) {
      entry.savedViewport = viewport;
      return;
    }
    const diff = diffRecords(entry.saved, doc.records, entry.savedNotes, store.getState().changes);
    const viewportChanged = viewport !== null && !sameViewport(viewport, entry.savedViewport);
    const result = await saveChanges(db, {
      doc,
      changed: diff.changed,
      removed: diff.removed,
      notes: diff.notes,
      viewport: viewportChanged ? viewport : null,
      draft: draft === entry.savedDraft ? undefined : draft,
      expectedRevision: entry.revision,
    });
    entry.saved = doc.records;
    entry.savedNotes = diff.notes;
    entry.savedViewport = viewport;
    entry.savedDraft = draft;
    entry.revision = result.revision;
    entry.check = false;
    if (result.rewritten) notify?.(REWRITTEN_MESSAGE);
    if (diff.changed.length > 0 || diff.removed.length > 0 || result.rewritten) onSaved?.(doc.id);
  };

  const track = (doc: JourneyDocument): Tracked => {
    const known = adopted.get(doc.id);
    adopted.delete(doc.id);
    const entry: Tracked = {
      saved: known?.doc.records ?? NOTHING_SAVED,
      savedNotes: null,
      latest: doc,
      savedViewport: known?.viewport ?? null,
      latestViewport: known?.viewport ?? null,
      savedDraft: known?.draft ?? null,
      latestDraft: known?.draft ?? null,
      revision: known?.revision ?? null,
      check: false,
    };
    tracked.set(doc.id, entry);
    return entry;
  };

  const current = (): Tracked | undefined => (currentId ? tracked.get(currentId) : undefined);

  /** Follows the store: which map is open and its newest document, viewport and draft. */
  const follow = (state: PersistedState, previous: PersistedState | null): void => {
    if (state.heldElsewhere) {
      // Another window stores this map; this one only shows it.
      currentId = null;
      forgetClosedMaps();
      return;
    }
    const doc = state.doc;
    currentId = doc?.id ?? null;
    const entry = doc ? (tracked.get(doc.id) ?? track(doc)) : undefined;
    if (entry && doc) {
      entry.latest = doc;
      if (state.viewport !== previous?.viewport && previous?.doc?.id === doc.id) {
        entry.latestViewport = { x: state.viewport.x, y: state.viewport.y, scale: state.viewport.scale };
      }
      entry.latestDraft = state.draft;
    }
    forgetClosedMaps();
    const waiting = [...tracked.values()];
    if (waiting.some(holdsEdits) && status.getState().state === 'saved') status.setState({ state: 'saving' });
    if (waiting.some(isDirty)) schedule();
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (
      state.doc !== previous.doc ||
      state.viewport !== previous.viewport ||
      state.draft !== previous.draft ||
      state.heldElsewhere !== previous.heldElsewhere
    )
      follow(state, previous);
  });
  follow(store.getState(), null);

  return {
    flush: async () => {
      if (timer) clearTimeout(timer);
      timer = null;
      await save();
    },
    adopt: (loaded) => {
      const entry = tracked.get(loaded.doc.id);
      if (entry && isDirty(entry)) return;
      tracked.delete(loaded.doc.id);
      adopted.set(loaded.doc.id, loaded);
    },
    unsaved: (mapId) => {
      const entry = tracked.get(mapId);
      if (!entry || !isDirty(entry)) return null;
      return {
        doc: entry.latest,
        viewport: entry.latestViewport,
        draft: entry.latestDraft,
        revision: entry.revision ?? undefined,
      };
    },
    verify: () => {
      const entry = current();
      if (!entry) return;
      entry.check = true;
      schedule();
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
