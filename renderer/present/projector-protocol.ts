import type { JourneyDocument } from '../../shared/model/document.ts';
import type { JourneyRecord } from '../../shared/model/records.ts';
import type { KeyPress } from '../board/shortcuts.ts';
import type { RoomState } from '../room/room-store.ts';
import type { PresentStatusReport } from './PresentView.tsx';

/**
 * The messages between a board window and its projector window, over a BroadcastChannel named
 * for the pair (projectorChannelName). The board window holds the map and is its one writer; the
 * projector window shows present mode from a copy, kept up to date record by record, and sends
 * back what it shows and the votes given on it. A BroadcastChannel reaches only pages of the
 * app's own origin, in its own browser or desktop session.
 */

/** Board window → projector window. */
export type ToProjector =
  /** The whole map (null: no map open), on the projector's hello or when the board opens another. */
  | { readonly kind: 'map'; readonly doc: JourneyDocument | null; readonly scenarioId: string | null }
  /** What one or more edits changed: records put (added or replaced) and records gone. */
  | {
      readonly kind: 'records';
      readonly mapId: string;
      readonly put: Readonly<Record<string, JourneyRecord>>;
      readonly removed: readonly string[];
      readonly scenarioId: string | null;
    }
  /** A key pressed on the board window's projector bar (or a clicker's key there). */
  | { readonly kind: 'key'; readonly key: KeyPress }
  /** How phones join the board's room (shown in a corner of present mode), or null while it is closed. */
  | { readonly kind: 'room'; readonly room: RoomState['open'] }
  | { readonly kind: 'close' };

/** Projector window → board window. */
export type ToBoard =
  | { readonly kind: 'hello' }
  | { readonly kind: 'status'; readonly status: PresentStatusReport }
  | { readonly kind: 'vote'; readonly action: 'add' | 'remove'; readonly noteId: string }
  | { readonly kind: 'vote'; readonly action: 'next-voter' | 'reveal' }
  | { readonly kind: 'bye' };

const TO_PROJECTOR = new Set(['map', 'records', 'key', 'room', 'close']);
const TO_BOARD = new Set(['hello', 'status', 'vote', 'bye']);

const kindOf = (data: unknown): unknown =>
  typeof data === 'object' && data !== null && 'kind' in data ? data.kind : undefined;

/** Only the app's own pages can post on the channel; this tells the two directions apart. */
export const isToProjector = (data: unknown): data is ToProjector => TO_PROJECTOR.has(String(kindOf(data)));

export const isToBoard = (data: unknown): data is ToBoard => TO_BOARD.has(String(kindOf(data)));

export const projectorChannelName = (id: string): string => `journeywall-projector:${id}`;

/** The projector id a page was opened with (`#projector=<id>`), or null for the app itself. */
export const projectorIdOf = (hash: string): string | null => {
  const match = /^#projector=([A-Za-z0-9_-]{8,64})$/.exec(hash);
  return match?.[1] ?? null;
};

/**
 * What changed between two states of a map's records: compared by identity, as every edit makes
 * new objects only for the records it changes, so a 5,000-note map costs a walk of its keys.
 */
export const recordsDelta = (
  before: Readonly<Record<string, JourneyRecord>>,
  after: Readonly<Record<string, JourneyRecord>>,
): { put: Record<string, JourneyRecord>; removed: string[] } => {
  const put: Record<string, JourneyRecord> = {};
  for (const [id, record] of Object.entries(after)) if (before[id] !== record) put[id] = record;
  const removed = Object.keys(before).filter((id) => !Object.hasOwn(after, id));
  return { put, removed };
};

/** A copy of the map with a delta applied. */
export const applyDelta = (
  doc: JourneyDocument,
  put: Readonly<Record<string, JourneyRecord>>,
  removed: readonly string[],
): JourneyDocument => {
  const records = { ...doc.records, ...put };
  for (const id of removed) delete records[id];
  return { id: doc.id, records };
};
