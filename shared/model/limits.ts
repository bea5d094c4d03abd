/**
 * What a .cxmap file may contain, and so what the editor lets a map hold: the reader, the
 * editor, save and merge use these same numbers, so anything the app saves it can open. Checked
 * before the expensive work (decoding, JSON.parse, validation) so a hostile or broken file costs
 * little to refuse.
 */
export const FILE_LIMITS = {
  /**
   * Bytes on disk: a 5,000-note map is about 1 MB, so this leaves a wide margin. Save refuses
   * past it too (IPC_LIMITS.fileBytes is this number).
   */
  maxBytes: 50 * 1024 * 1024,
  /** Objects and arrays inside each other. A valid file nests at most 7 deep (a note's merge history). */
  maxDepth: 32,
  /**
   * Keys of any one object in a file. Records are arrays and the largest object a map writes is
   * a scenario's emotion scores (maxEmotions), so only a hostile file comes near it.
   */
  maxKeysPerObject: 1000,
  /** The map record plus every other record, tombstones included. */
  maxRecords: 200_000,
  /** Note text and each text field of a persona. */
  maxTextLength: 10_000,
  /** Names of the map, its stages, lanes, scenarios and personas, and a vote's question. */
  maxNameLength: 500,
  /** A stage's column width, in board units. */
  stageWidth: { min: 80, max: 2000 },
  /** A lane's smallest height, in board units. */
  laneHeight: { min: 40, max: 4000 },
  /** Emotion scores one scenario may hold: one per stage, and no map has this many stages. */
  maxEmotions: 200,
  /** Board coordinates beyond this are clamped: nobody can pan that far. */
  maxCoordinate: 10_000_000,
  /** Live stages of a map (columns): journeys have a handful; past this a grid only costs. */
  maxStages: 100,
  /** Live lanes of a map (rows). */
  maxLanes: 60,
  /** Live notes in one cell of one scenario. */
  maxNotesPerCell: 1000,
  /** Live scenarios of a map (Current, Ideal, a competitor's...). */
  maxScenarios: 50,
  /** Live personas of a map. */
  maxPersonas: 50,
  /** Live votes of a map, past ones included: a vote or two per workshop, for years. */
  maxVotes: 100,
  /** Writing rounds of a map, past ones included: a few per workshop. */
  maxRounds: 200,
  /** Notes in one round's inbox: 60 phones writing 25 notes each. */
  maxInboxNotes: 1500,
  /** People taking part in one vote: a large room voting one by one. */
  maxVoters: 100,
  /** Dots each voter has in one vote (typically 3 to 5). */
  maxDotsPerVoter: 20,
  /**
   * A record's version: far past any real history, and safe to add one to many times. An edit
   * at it keeps it (the new versionNonce still tells the states apart); a file past it is
   * lowered to it (repair).
   */
  maxVersion: 2 ** 52,
  /** A note's place in its cell, either way from 0; a file past it is pulled back (repair). */
  maxSlot: 1_000_000,
} as const;

/** The live records of a type a map may hold, with their name in messages. */
export const LIVE_LIMITS = {
  stage: { max: FILE_LIMITS.maxStages, plural: 'stages' },
  lane: { max: FILE_LIMITS.maxLanes, plural: 'lanes' },
  scenario: { max: FILE_LIMITS.maxScenarios, plural: 'scenarios' },
  persona: { max: FILE_LIMITS.maxPersonas, plural: 'personas' },
  vote: { max: FILE_LIMITS.maxVotes, plural: 'votes' },
  round: { max: FILE_LIMITS.maxRounds, plural: 'writing rounds' },
} as const;

export type LimitedType = keyof typeof LIVE_LIMITS;

/** How many live records of this type a map may hold. */
export const maxLiveOf = (type: LimitedType): number => LIVE_LIMITS[type].max;

/** What the user reads when adding one more would take the map past its limit. */
export const atLimitMessage = (type: LimitedType): string => {
  const { max, plural } = LIVE_LIMITS[type];
  return `This map already has ${max.toLocaleString('en-US')} ${plural}, the most a map can have.`;
};

/**
 * Ids the app creates are 21-character nanoids; files may hold any of the IPC contract's ids
 * except the names of Object.prototype's properties, which would make `records[id]` find
 * something that is not a record, and "prototype", refused as a key like "__proto__".
 */
export const ID_PATTERN =
  /^(?!(?:__proto__|__defineGetter__|__defineSetter__|__lookupGetter__|__lookupSetter__|constructor|hasOwnProperty|isPrototypeOf|propertyIsEnumerable|prototype|toLocaleString|toString|valueOf)$)[A-Za-z0-9_-]{1,64}$/;

/**
 * What one paste puts on the board; what is past a limit is left out and the user is told.
 * A paste is one edit: 2,000 plain-text notes take about 0.08 s on a blank map on a loaded
 * 2-core machine (measured 2026-12-04), so a survey export or a long list goes in whole.
 */
export const PASTE_LIMITS = {
  /** Clipboard text read at all, in characters; longer text pastes nothing. */
  maxChars: 20_000_000,
  /** Notes from plain text, one per non-empty line. */
  maxLines: 2000,
  /** Notes copied from Journeywall: a whole 5,000-note map with room to spare. */
  maxCopiedNotes: 20_000,
} as const;
