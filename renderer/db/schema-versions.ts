import type { Transaction } from 'dexie';
import { upgradeToJourney } from './upgrade-to-journey.ts';

/**
 * The IndexedDB schema, one entry per version, numbered 1, 2, 3... without gaps. This version is
 * independent of the .cxmap file format version.
 *
 * Never edit a released entry. To change the schema, append the next version with only the
 * tables whose indexes change (null deletes a table) and, when existing rows must change shape,
 * an upgrade that rewrites them; Dexie runs every missing step in order when a library opens:
 *
 *   {
 *     version: 2,
 *     stores: { maps: 'id, updated, folderId' },
 *     upgrade: (tx) => tx.table('maps').toCollection().modify((map) => { map.folderId = null; }),
 *   },
 */
export interface SchemaVersion {
  readonly version: number;
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (tx: Transaction) => Promise<unknown>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      maps: 'id, updated',
      records: '[mapId+id], mapId',
      viewports: 'mapId',
    },
  },
  {
    // Which .cxmap file each map is linked to (by the shell's opaque handle), for Save.
    version: 2,
    stores: { fileLinks: 'mapId' },
  },
  {
    // Journey structure: scenarios for maps stored before them, kinds and places for their notes.
    version: 3,
    stores: {},
    upgrade: upgradeToJourney,
  },
  {
    // The text of an open editor per map (drafts), and session state that must survive a crash
    // as surely as the maps do (which map was open).
    version: 4,
    stores: { drafts: 'mapId', session: 'key' },
  },
];
