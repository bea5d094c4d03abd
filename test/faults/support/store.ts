import type { BrowserContext, Page } from '@playwright/test';
import { APP_ORIGIN } from './paths.ts';

/**
 * The independent checker: what IndexedDB holds, read with the raw `indexedDB` API in a page of
 * the app's origin. It shares no code with the app (no Dexie, no schema, no record types), so a
 * bug in the app's storage layer cannot hide itself from the tests.
 */

const DB_NAME = 'journeywall';

/** A `maps` row: the library's summary of one map. */
export interface MapRow {
  readonly id: string;
  readonly name: string;
  readonly noteCount: number;
  readonly deletedAt: number | null;
  readonly updated: number;
}

/** A `records` row: one record of a map, with the map it belongs to. */
export interface RecordRow {
  readonly mapId: string;
  readonly id: string;
  readonly type: string;
  readonly [field: string]: unknown;
}

export type DraftTarget =
  | { readonly kind: 'note'; readonly editing: unknown }
  | { readonly kind: 'header'; readonly header: { readonly kind: 'stage' | 'lane'; readonly id: string } }
  | { readonly kind: 'persona'; readonly personaId: string; readonly field: string };

/** A `drafts` row: the text of an editor that was open, keyed by map. */
export interface DraftRow {
  readonly mapId: string;
  readonly text: string;
  readonly target: DraftTarget;
  readonly scenarioId: string;
  readonly updated: number;
}

export interface ViewportRow {
  readonly mapId: string;
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

export interface Snapshot {
  /** False when the origin has no `journeywall` database at all. */
  readonly exists: boolean;
  /** Why the database could not be read, or null. */
  readonly error: string | null;
  readonly stores: readonly string[];
  readonly maps: readonly MapRow[];
  readonly records: readonly RecordRow[];
  readonly viewports: readonly ViewportRow[];
  readonly drafts: readonly DraftRow[];
}

/** Reads every store the checker knows, in one read-only transaction, then closes at once. */
export const readStore = (page: Page): Promise<Snapshot> =>
  page.evaluate(async (name) => {
    const empty = { stores: [], maps: [], records: [], viewports: [], drafts: [] };
    let known: boolean;
    try {
      known = (await indexedDB.databases()).some((database) => database.name === name);
    } catch (error) {
      // Chromium fails even the listing while it cannot open the origin's backing store.
      return { exists: false, error: `listing the databases failed: ${String(error)}`, ...empty };
    }
    if (!known) return { exists: false, error: null, ...empty };
    const request = indexedDB.open(name);
    const db = await new Promise<IDBDatabase | string>((resolve) => {
      // Only reached if the database vanished since databases(): never create it here.
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(`${request.error?.name}: ${request.error?.message}`);
      request.onblocked = () => resolve('blocked by a version change');
    });
    if (typeof db === 'string') {
      return { exists: !db.startsWith('AbortError'), error: db, ...empty };
    }
    // Never hold up the app's own schema upgrade.
    db.onversionchange = () => db.close();
    try {
      const stores = [...db.objectStoreNames];
      const wanted = ['maps', 'records', 'viewports', 'drafts'].filter((store) => stores.includes(store));
      const transaction = db.transaction(wanted, 'readonly');
      // No named functions in here: the page gets this function's source text as it is.
      const [maps, records, viewports, drafts] = await Promise.all(
        ['maps', 'records', 'viewports', 'drafts'].map((store) =>
          wanted.includes(store)
            ? new Promise<unknown[]>((resolve, reject) => {
                const read = transaction.objectStore(store).getAll();
                read.onsuccess = () => resolve(read.result);
                read.onerror = () => reject(read.error);
              })
            : Promise.resolve([]),
        ),
      );
      return { exists: true, error: null, stores, maps, records, viewports, drafts } as never;
    } catch (error) {
      return { exists: true, error: String(error), ...empty };
    } finally {
      db.close();
    }
  }, DB_NAME) as Promise<Snapshot>;

const CHECKER_PATH = '/__faults-checker';

/**
 * A page of the app's origin that runs none of the app: served by the test itself, so reading
 * right after a crash sees exactly what was on disk, before the app starts and changes anything.
 */
export const openChecker = async (page: Page): Promise<void> => {
  await page.route(`${APP_ORIGIN}${CHECKER_PATH}`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>checker</title>' }),
  );
  await page.goto(`${APP_ORIGIN}${CHECKER_PATH}`);
};

/** A snapshot read from a fresh checker page, closed afterwards (the app's tabs stay as they are). */
export const snapshotBeside = async (context: BrowserContext): Promise<Snapshot> => {
  const page = await context.newPage();
  try {
    await openChecker(page);
    return await readStore(page);
  } finally {
    await page.close();
  }
};

// What the records say, read from plain fields.

export const mapNamed = (snapshot: Snapshot, name: string): MapRow | undefined =>
  snapshot.maps.find((map) => map.name === name && map.deletedAt === null);

export const recordsOf = (snapshot: Snapshot, mapId: string): RecordRow[] =>
  snapshot.records.filter((record) => record.mapId === mapId);

export const liveNotes = (snapshot: Snapshot, mapId: string): RecordRow[] =>
  recordsOf(snapshot, mapId).filter((record) => record.type === 'note' && record.isDeleted !== true);

export const liveNoteTexts = (snapshot: Snapshot, mapId: string): string[] =>
  liveNotes(snapshot, mapId).map((note) => String(note.text));

export const draftOf = (snapshot: Snapshot, mapId: string): DraftRow | undefined =>
  snapshot.drafts.find((draft) => draft.mapId === mapId);

/** A map's stages or lanes in their order on the board (the `order` field). */
export const headersOf = (snapshot: Snapshot, mapId: string, type: 'stage' | 'lane'): RecordRow[] =>
  recordsOf(snapshot, mapId)
    .filter((record) => record.type === type && record.isDeleted !== true)
    .sort((a, b) => Number(a.order) - Number(b.order));

const RECORD_TYPES = new Set(['map', 'stage', 'lane', 'scenario', 'persona', 'vote', 'note']);

/**
 * Everything in the library that is not what a working app leaves behind, as sentences: a
 * summary without its map record or with the wrong note count, a record of no map, a record of
 * an unknown type, a note whose text is not a string, a draft of no map.
 */
export const corruptions = (snapshot: Snapshot): string[] => {
  const problems: string[] = [];
  if (snapshot.error) problems.push(`the database could not be read: ${snapshot.error}`);
  const mapIds = new Set(snapshot.maps.map((map) => map.id));
  for (const map of snapshot.maps) {
    const records = recordsOf(snapshot, map.id);
    if (!records.some((record) => record.type === 'map' && record.id === map.id)) {
      problems.push(`map "${map.name}" (${map.id}) has a summary but no map record`);
    }
    const live = liveNotes(snapshot, map.id).length;
    if (map.noteCount !== live) {
      problems.push(`map "${map.name}": the summary counts ${map.noteCount} notes, the records hold ${live}`);
    }
  }
  for (const record of snapshot.records) {
    if (!mapIds.has(record.mapId)) problems.push(`record ${record.id} belongs to no map (${record.mapId})`);
    if (!RECORD_TYPES.has(record.type))
      problems.push(`record ${record.id} has an unknown type "${record.type}"`);
    if (record.type === 'note' && typeof record.text !== 'string') {
      problems.push(`note ${record.id} has no text string`);
    }
  }
  for (const draft of snapshot.drafts) {
    if (!mapIds.has(draft.mapId)) problems.push(`a draft belongs to no map (${draft.mapId})`);
    if (typeof draft.text !== 'string') problems.push(`the draft of map ${draft.mapId} has no text string`);
  }
  return problems;
};
