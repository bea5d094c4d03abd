import { KIND_STYLES } from '../../shared/journey/note-kinds.ts';
import type { NoteKind } from '../../shared/model/journey-records.ts';
import { NOTE_COLORS } from '../../shared/model/records.ts';
import {
  type KeyBinding,
  type KeyGroup,
  type KeyPress,
  keysForPeople,
  mod,
  PRESENT_KEYS,
  plain,
  SHORTCUTS,
} from './shortcuts.ts';

/**
 * The keys that are not menu commands, each bound where it is used (the note editor, the cell
 * cursor, the selection) from these very entries, so the help sheet and the README, made from
 * the same table (keyHelp), cannot drift from what the keys do.
 */

const ARROW_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];

/** While a note's text is being typed. */
export const EDITOR_KEYS = {
  finish: {
    group: 'Notes',
    action: 'Finish the note',
    keys: 'Enter',
    matches: (e) => e.key === 'Enter' && !e.shiftKey && !mod(e),
  },
  newLine: {
    group: 'Notes',
    action: 'New line in a note',
    keys: 'Shift+Enter',
    matches: (e) => e.key === 'Enter' && e.shiftKey,
  },
  next: {
    group: 'Notes',
    action: 'Finish and type the next note (in the same cell; outside the grid, beside it)',
    keys: 'Tab or Mod+Enter',
    matches: (e) => e.key === 'Tab' || (e.key === 'Enter' && mod(e)),
  },
  close: {
    group: 'Notes',
    action: 'Finish and close the editor',
    keys: 'Escape',
    matches: (e) => e.key === 'Escape',
  },
} as const satisfies Record<string, KeyBinding>;

/** With a cell of the grid selected: the cell cursor. */
export const CELL_KEYS = {
  move: {
    group: 'Cells',
    action: 'Move to the next cell',
    keys: 'Arrow keys',
    matches: (e) => plain(e) && ARROW_KEYS.includes(e.key),
  },
  type: {
    group: 'Cells',
    action: 'Start a note in the cell with what you type',
    keys: 'Any character',
    matches: (e) => plain(e) && e.key.length === 1 && e.key !== ' ',
  },
  empty: {
    group: 'Cells',
    action: 'Start an empty note in the cell',
    keys: 'Enter',
    matches: (e) => plain(e) && e.key === 'Enter',
  },
  quote: {
    group: 'Cells',
    action: 'Start with a quotation mark: a customer quote (where the lane holds plain notes)',
    keys: '" or “',
    matches: () => false,
  },
  notes: {
    group: 'Cells',
    action: 'From the cell to its first note, then the next (Shift: the last, then the one before)',
    keys: 'Tab',
    matches: (e) => plain(e) && e.key === 'Tab',
  },
} as const satisfies Record<string, KeyBinding>;

const letter = (e: KeyPress, key: string, shift = false): boolean =>
  plain(e) && e.shiftKey === shift && e.key.toLowerCase() === key;

const kindKey = (kind: NoteKind, key: string, shift = false): KeyBinding & { readonly kind: NoteKind } => ({
  kind,
  group: 'Kinds and ratings',
  action: `${KIND_STYLES[kind].label} (again: a plain note)`,
  keys: shift ? `Shift+${key.toUpperCase()}` : key.toUpperCase(),
  matches: (e) => letter(e, key, shift),
});

/** With notes selected: what they are, and for touchpoints their channel, stamp and ratings. */
export const NOTE_KINDS_KEYS = [
  kindKey('touchpoint', 't'),
  kindKey('breakdown', 'b'),
  kindKey('opportunity', 'o'),
  kindKey('idea', 'i'),
  kindKey('quote', 'q'),
  kindKey('question', 'q', true),
] as const;

export const TOUCHPOINT_KEYS = {
  channel: {
    group: 'Kinds and ratings',
    action: 'Next channel of a touchpoint (Shift: the one before)',
    keys: 'C',
    matches: (e) => plain(e) && e.key.toLowerCase() === 'c',
  },
  stamp: {
    group: 'Kinds and ratings',
    action: 'Stamp of authenticity on a touchpoint, or off',
    keys: 'S',
    matches: (e) => letter(e, 's'),
  },
  ratings: {
    group: 'Kinds and ratings',
    action: 'Rate a touchpoint: then effortless, productive, painless, 1–5 each (0: not rated)',
    keys: 'R',
    matches: (e) => letter(e, 'r'),
  },
} as const satisfies Record<string, KeyBinding>;

/** With notes selected (or none, for the colour of the next notes). */
export const SELECTION_KEYS = {
  colour: {
    group: 'Selection',
    action: 'Colour of the selection (or of the next notes)',
    keys: `1–${NOTE_COLORS.length}`,
    matches: (e) => colourIndex(e) !== null,
  },
  nudge: {
    group: 'Selection',
    action: 'Move notes outside the grid (Shift: 10 at a time); from a note in a cell, to the next cell',
    keys: 'Arrow keys',
    matches: (e) => plain(e) && ARROW_KEYS.includes(e.key),
  },
  stepOut: {
    group: 'Selection',
    action: 'From a note back to its cell, then select nothing',
    keys: 'Escape',
    matches: (e) => e.key === 'Escape',
  },
  addDot: {
    group: 'Selection',
    action: 'While a vote runs: the current voter puts a dot on the selected note',
    keys: '+ or =',
    matches: (e) => plain(e) && (e.key === '+' || e.key === '='),
  },
  removeDot: {
    group: 'Selection',
    action: 'While a vote runs: the current voter takes their dot off the selected note',
    keys: '-',
    matches: (e) => plain(e) && (e.key === '-' || e.key === '−'),
  },
} as const satisfies Record<string, KeyBinding>;

/** The colour a digit key picks (1 is the first colour), or null for any other key. */
export const colourIndex = (e: KeyPress): number | null => {
  if (!plain(e) || e.shiftKey) return null;
  const index = Number.parseInt(e.key, 10) - 1;
  return Number.isInteger(index) && index >= 0 && index < NOTE_COLORS.length ? index : null;
};

/** How far the arrow keys move the selection: 1 board unit, 10 with Shift. */
export const nudgeOf = (e: KeyPress): { dx: number; dy: number } => {
  const step = e.shiftKey ? 10 : 1;
  if (e.key === 'ArrowLeft') return { dx: -step, dy: 0 };
  if (e.key === 'ArrowRight') return { dx: step, dy: 0 };
  return { dx: 0, dy: e.key === 'ArrowUp' ? -step : step };
};

/** Copy, cut and paste are the system's own keys, which the board answers through the clipboard events. */
const CLIPBOARD: KeyBinding = {
  group: 'Selection',
  action: 'Copy / cut / paste (also between maps; plain text pastes one note per line)',
  keys: 'Mod+C / Mod+X / Mod+V',
  matches: () => false,
};

export interface KeyHelpGroup {
  readonly group: KeyGroup;
  readonly rows: readonly { readonly action: string; readonly keys: string }[];
}

const GROUPS: readonly KeyGroup[] = [
  'Notes',
  'Cells',
  'Kinds and ratings',
  'Selection',
  'View',
  'Present mode',
  'Map and files',
];

/** Every binding, grouped, in a facilitator's words: the help sheet (?) and the README's tables. */
export const keyHelp = (mac: boolean): KeyHelpGroup[] => {
  const bindings: KeyBinding[] = [
    ...Object.values(EDITOR_KEYS),
    ...Object.values(CELL_KEYS),
    ...NOTE_KINDS_KEYS,
    ...Object.values(TOUCHPOINT_KEYS),
    ...Object.values(SELECTION_KEYS),
    CLIPBOARD,
    ...SHORTCUTS,
    ...Object.values(PRESENT_KEYS),
  ];
  return GROUPS.map((group) => ({
    group,
    rows: bindings
      .filter((binding) => binding.group === group)
      .map((binding) => ({ action: binding.action, keys: keysForPeople(binding.keys, mac) })),
  }));
};
