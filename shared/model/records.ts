import type {
  Channel,
  ConnectedType,
  InsightSettings,
  LaneRecord,
  NoteKind,
  PersonaRecord,
  RoundRecord,
  ScenarioRecord,
  StageRecord,
  TouchpointRatings,
  VoteRecord,
} from './journey-records.ts';

/**
 * The journey document's records. Every record carries the fields that autosave, undo and
 * merging copies compare: a stable id, a version bumped on every change (with a random
 * tie-breaker), the time of the last change and a tombstone instead of hard deletion.
 */

export interface RecordBase {
  readonly id: string;
  /** Incremented on every change; the higher version wins when reconciling two copies. */
  readonly version: number;
  /** Random tie-breaker between two copies that reached the same version independently. */
  readonly versionNonce: number;
  /** Milliseconds since the epoch of the last change. */
  readonly updated: number;
  /** Deleted records stay as tombstones so a merge can tell "deleted" from "never had it". */
  readonly isDeleted: boolean;
  /**
   * Earlier states of this record ([version, versionNonce], oldest first) that were written to or
   * read from a .cxmap file: any of them may be where another copy started, which is how a merge
   * tells "one side changed" from "both changed" (see docs/cxmap-format.md).
   */
  readonly synced?: readonly (readonly [version: number, versionNonce: number])[];
}

/** The map's own record: its name, when it was made, and map-wide choices. Its id is the map id. */
export interface MapRecord extends RecordBase {
  readonly type: 'map';
  readonly name: string;
  readonly created: number;
  /** The persona the map is about (one of its persona records), if any. */
  readonly activePersonaId: string | null;
  /** Where the map sits on the connected customer continuum, if the facilitator chose. */
  readonly connectedType: ConnectedType | null;
  /** Whether the experience category bands are shown over the stage headers. */
  readonly showCategories: boolean;
  readonly insightSettings: InsightSettings;
}

export const NOTE_COLORS = ['yellow', 'orange', 'pink', 'blue', 'green', 'purple', 'grey'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];

/** A sticky note. Coordinates are board units: one unit is one CSS pixel at 100% zoom. */
export interface NoteRecord extends RecordBase {
  readonly type: 'note';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly text: string;
  readonly color: NoteColor;
  /** Stacking order: higher is drawn on top. */
  readonly z: number;
  /** Set on the incoming side of a merge conflict: the id of the local note it conflicts with. */
  readonly conflictOf?: string;
  readonly kind: NoteKind;
  /** The scenario the note belongs to. */
  readonly scenarioId: string;
  /**
   * The cell the note sits in (both set), or null for a note outside the grid or between stages,
   * placed freely at (x, y). A note in a cell is laid out by the grid; x and y are then ignored.
   */
  readonly stageId: string | null;
  readonly laneId: string | null;
  /** Order of the note within its cell. */
  readonly slot: number;
  /** A touchpoint's channel. */
  readonly channel: Channel | null;
  /** A touchpoint marked as a stamp of authenticity: a "wow" moment. */
  readonly wow: boolean;
  /** A touchpoint's effortless / productive / painless ratings. */
  readonly ratings: TouchpointRatings | null;
  /**
   * The note this one was copied from when its scenario was created from another ("Create ideal
   * from current"): how the compare view pairs a current note with its ideal version.
   */
  readonly origin: string | null;
}

export type JourneyRecord =
  | MapRecord
  | NoteRecord
  | StageRecord
  | LaneRecord
  | ScenarioRecord
  | PersonaRecord
  | VoteRecord
  | RoundRecord;
export type RecordType = JourneyRecord['type'];

/** Fields every record type owns that edits may change (everything but the bookkeeping). */
export type RecordChanges<R extends JourneyRecord> = Partial<Omit<R, keyof RecordBase | 'type'>>;

export const NOTE_SIZE = { w: 180, h: 120 } as const;
export const NOTE_MIN_SIZE = { w: 60, h: 40 } as const;
export const NOTE_MAX_SIZE = { w: 1200, h: 1200 } as const;
/** Notes stay within this distance of the origin (board units), so every map stays drawable. */
export const BOARD_EXTENT = 1e7;
export const NOTE_TEXT_MAX = 10_000;
export const MAP_NAME_MAX = 500;
