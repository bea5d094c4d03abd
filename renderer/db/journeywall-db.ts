import { Dexie, type Table } from 'dexie';
import type { JourneyRecord } from '../../shared/model/records.ts';
import type { Draft } from '../store/draft.ts';
import { SCHEMA_VERSIONS } from './schema-versions.ts';

/** One row of the library: what the library screen lists without loading a map's records. */
export interface MapSummary {
  readonly id: string;
  readonly name: string;
  readonly created: number;
  /** When the map's content last changed; the library lists newest first. */
  readonly updated: number;
  /** Live (not deleted) notes. */
  readonly noteCount: number;
  /**
   * The live notes of each scenario that holds any, in the scenarios' order (Current 12, Ideal 4),
   * so the library does not sum a map's versions into one number. Absent in rows stored before it.
   */
  readonly scenarioNotes?: readonly { readonly name: string; readonly notes: number }[];
  /** When the map was moved to the trash, or null while it is in the library. */
  readonly deletedAt: number | null;
  /**
   * Counts the writes of this map's records. Autosave expects the count it wrote last: any other
   * value (or no row at all) means the store was wiped or written elsewhere, and the whole map
   * is written again. Absent in rows stored before it existed.
   */
  readonly revision?: number;
}

/** A record of some map as stored: the record itself plus the map it belongs to. */
export type StoredRecord = JourneyRecord & { readonly mapId: string };

/** Where a map's board was looking when it was last open (session state, not in the file). */
export interface StoredViewport {
  readonly mapId: string;
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

export type SavedViewport = Omit<StoredViewport, 'mapId'>;

/** The file a map is linked to: Save writes there. */
export interface FileLink {
  readonly mapId: string;
  /** The shell's opaque handle to the file (never a path); null in the browser build. */
  readonly handle: string | null;
  /** The file name shown in the title bar. */
  readonly fileName: string;
  /** Signature of the map content the file holds (see files/doc-signature.ts). */
  readonly savedSignature: string;
}

/** The text being typed in a map's open editor, as stored (see store/draft.ts). */
export interface StoredDraft extends Draft {
  readonly mapId: string;
  readonly updated: number;
}

/** Which map was open (see app/last-open-map.ts). */
export interface LastOpenMapRow {
  readonly key: 'last-open-map';
  readonly mapId: string;
  /** Set until the map's board has drawn once. */
  readonly opening?: true;
}

/** The workshop timer every window of the app shows (see timer/timer-storage.ts). */
export interface TimerRow {
  readonly key: 'timer';
  /** A timer/timer-model.ts state, checked when read: another version of the app may have written it. */
  readonly state: unknown;
}

/** Whether the timer's chime is muted, kept apart so starting or stopping a timer never touches it. */
export interface TimerSoundRow {
  readonly key: 'timer-sound';
  readonly muted: boolean;
}

/** Session state kept in IndexedDB rather than localStorage, which Chromium writes lazily. */
export type SessionRow = LastOpenMapRow | TimerRow | TimerSoundRow;

export const DEFAULT_DB_NAME = 'journeywall';

/**
 * The local library in IndexedDB. Each map is one summary row plus one row per record, so an
 * edit rewrites only the records it touched. The schema evolves through SCHEMA_VERSIONS.
 */
export class JourneywallDb extends Dexie {
  maps!: Table<MapSummary, string>;
  records!: Table<StoredRecord, [string, string]>;
  viewports!: Table<StoredViewport, string>;
  fileLinks!: Table<FileLink, string>;
  drafts!: Table<StoredDraft, string>;
  session!: Table<SessionRow, string>;

  constructor(name: string = DEFAULT_DB_NAME) {
    // Strict: a commit reaches the disk before it is reported, so a power cut keeps it too.
    super(name, { chromeTransactionDurability: 'strict' });
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}
