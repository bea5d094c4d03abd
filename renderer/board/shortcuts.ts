import type { MenuCommand } from '../../shared/ipc/contract.ts';
import type { BoardStore } from '../store/index.ts';
import {
  bringSelectionToFront,
  deleteSelection,
  duplicateSelection,
  editSelected,
  newNoteAtPointer,
  selectAll,
  zoomIn,
  zoomOut,
  zoomReset,
  zoomToFit,
} from './commands.ts';

/** Commands the app shell runs (screens, dialogs, files) rather than the board. */
export const APP_COMMANDS = [
  'new-map',
  'show-library',
  'show-shortcuts',
  'open-file',
  'save',
  'save-as',
  'save-copy',
  'merge-copy',
  'find',
  'toggle-outline',
  'toggle-legend',
  'export-poster',
  'export-print-pages',
  'present',
  'projector',
  'timer',
] as const satisfies readonly MenuCommand[];
export type AppCommand = (typeof APP_COMMANDS)[number];

export const isAppCommand = (command: string): command is AppCommand =>
  (APP_COMMANDS as readonly string[]).includes(command);

/** A board command: run from a key, a toolbar button or the application menu. */
export type BoardCommand = Exclude<MenuCommand, AppCommand> | 'edit-note';

export const BOARD_COMMANDS: Readonly<Record<BoardCommand, (store: BoardStore) => void>> = {
  'new-note': newNoteAtPointer,
  'edit-note': editSelected,
  undo: (store) => store.getState().undo(),
  redo: (store) => store.getState().redo(),
  duplicate: duplicateSelection,
  delete: deleteSelection,
  'select-all': selectAll,
  'bring-to-front': bringSelectionToFront,
  'zoom-in': zoomIn,
  'zoom-out': zoomOut,
  'zoom-reset': zoomReset,
  'zoom-fit': zoomToFit,
};

/** How a shortcut is written for people: "Ctrl+Z" on Windows/Linux, "⌘Z" on macOS. */
export const isMac = (): boolean =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** What a key handler looks at: a DOM or a React keyboard event. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>;

/** Where a binding applies, as the help sheet groups them. */
export type KeyGroup =
  | 'Notes'
  | 'Cells'
  | 'Kinds and ratings'
  | 'Selection'
  | 'View'
  | 'Present mode'
  | 'Map and files';

/** A key binding: what it does in a facilitator's words, and its keys as people write them. */
export interface KeyBinding {
  readonly group: KeyGroup;
  readonly action: string;
  /** Shown in tooltips and the help sheet; "Mod" is Ctrl or ⌘. */
  readonly keys: string;
  readonly matches: (event: KeyPress) => boolean;
}

export interface Shortcut extends KeyBinding {
  readonly command: MenuCommand | 'edit-note';
}

export const mod = (event: KeyPress): boolean => (isMac() ? event.metaKey : event.ctrlKey);
export const plain = (event: KeyPress): boolean => !event.ctrlKey && !event.metaKey && !event.altKey;

export const SHORTCUTS: readonly Shortcut[] = [
  {
    command: 'new-note',
    group: 'Notes',
    action: 'New note at the pointer',
    keys: 'N',
    matches: (e) => plain(e) && !e.shiftKey && e.key.toLowerCase() === 'n',
  },
  {
    command: 'edit-note',
    group: 'Notes',
    action: 'Edit the selected note',
    keys: 'Enter',
    matches: (e) => plain(e) && e.key === 'Enter',
  },
  {
    command: 'undo',
    group: 'Map and files',
    action: 'Undo',
    keys: 'Mod+Z',
    matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z',
  },
  {
    command: 'redo',
    group: 'Map and files',
    action: 'Redo',
    keys: 'Mod+Shift+Z',
    matches: (e) =>
      (mod(e) && e.shiftKey && e.key.toLowerCase() === 'z') ||
      (!isMac() && e.ctrlKey && e.key.toLowerCase() === 'y'),
  },
  {
    command: 'duplicate',
    group: 'Selection',
    action: 'Duplicate',
    keys: 'Mod+D',
    matches: (e) => mod(e) && e.key.toLowerCase() === 'd',
  },
  {
    command: 'delete',
    group: 'Selection',
    action: 'Delete',
    keys: 'Delete',
    matches: (e) => plain(e) && (e.key === 'Delete' || e.key === 'Backspace'),
  },
  {
    command: 'select-all',
    group: 'Selection',
    action: 'Select all',
    keys: 'Mod+A',
    matches: (e) => mod(e) && e.key.toLowerCase() === 'a',
  },
  {
    command: 'bring-to-front',
    group: 'Selection',
    action: 'Bring to front',
    keys: 'Mod+Shift+]',
    matches: (e) => mod(e) && (e.key === ']' || e.key === '}'),
  },
  {
    command: 'zoom-in',
    group: 'View',
    action: 'Zoom in',
    keys: 'Mod+=',
    matches: (e) => mod(e) && (e.key === '=' || e.key === '+'),
  },
  {
    command: 'zoom-out',
    group: 'View',
    action: 'Zoom out',
    keys: 'Mod+-',
    matches: (e) => mod(e) && (e.key === '-' || e.key === '_'),
  },
  {
    command: 'zoom-reset',
    group: 'View',
    action: 'Zoom to 100%',
    keys: 'Mod+0',
    matches: (e) => mod(e) && e.key === '0',
  },
  {
    command: 'zoom-fit',
    group: 'View',
    action: 'Zoom to fit',
    keys: 'Shift+1',
    matches: (e) => e.shiftKey && !mod(e) && e.code === 'Digit1',
  },
  { command: 'show-shortcuts', group: 'View', action: 'This list', keys: '?', matches: (e) => e.key === '?' },
  {
    command: 'present',
    group: 'View',
    action: 'Present mode: the map full screen, stage by stage, for a projector',
    keys: 'F5',
    matches: (e) => plain(e) && !e.shiftKey && e.key === 'F5',
  },
  {
    command: 'projector',
    group: 'View',
    action: 'Projector window: present mode on a second screen while this one keeps the board',
    keys: 'Shift+F5',
    matches: (e) => plain(e) && e.shiftKey && e.key === 'F5',
  },
  {
    command: 'timer',
    group: 'View',
    action: 'Timer: start a countdown, pause it, add a minute',
    keys: 'Mod+Shift+T',
    matches: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === 't',
  },
  {
    command: 'open-file',
    group: 'Map and files',
    action: 'Open a map file',
    keys: 'Mod+O',
    matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'o',
  },
  {
    command: 'save',
    group: 'Map and files',
    action: 'Save',
    keys: 'Mod+S',
    matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 's',
  },
  {
    command: 'save-as',
    group: 'Map and files',
    action: 'Save as…',
    keys: 'Mod+Shift+S',
    matches: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === 's',
  },
  {
    command: 'find',
    group: 'View',
    action: 'Find',
    keys: 'Mod+F',
    matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'f',
  },
  {
    command: 'toggle-outline',
    group: 'View',
    action: 'Outline (the map as text)',
    keys: 'Mod+Shift+O',
    matches: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === 'o',
  },
  {
    command: 'export-poster',
    group: 'Map and files',
    action: 'Export a poster',
    keys: 'Mod+Shift+E',
    matches: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === 'e',
  },
  {
    command: 'new-map',
    group: 'Map and files',
    action: 'New map',
    keys: 'Mod+N',
    matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'n',
  },
];

/**
 * The keys of present mode, which a presentation clicker sends too (Page Down and Up, the
 * arrows, B or "." to blank). Bound in renderer/present; listed here, in the layer the help
 * sheet's tables are made in.
 */
export const PRESENT_KEYS = {
  next: {
    group: 'Present mode',
    action: 'Next step',
    keys: 'PageDown, →, ↓ or Space',
    matches: (e) =>
      plain(e) &&
      (e.key === 'PageDown' ||
        e.key === 'ArrowRight' ||
        e.key === 'ArrowDown' ||
        (e.key === ' ' && !e.shiftKey)),
  },
  previous: {
    group: 'Present mode',
    action: 'Step back',
    keys: 'PageUp, ←, ↑ or Shift+Space',
    matches: (e) =>
      plain(e) &&
      (e.key === 'PageUp' || e.key === 'ArrowLeft' || e.key === 'ArrowUp' || (e.key === ' ' && e.shiftKey)),
  },
  first: {
    group: 'Present mode',
    action: 'First step: the whole map and the persona',
    keys: 'Home',
    matches: (e) => plain(e) && e.key === 'Home',
  },
  last: {
    group: 'Present mode',
    action: 'Last step',
    keys: 'End',
    matches: (e) => plain(e) && e.key === 'End',
  },
  stage: {
    group: 'Present mode',
    action: 'Go to a stage by its number',
    keys: '1–9',
    matches: (e) => plain(e) && /^[1-9]$/.test(e.key),
  },
  pick: {
    group: 'Present mode',
    action: 'Pick a note of the step (Shift: the one before)',
    keys: 'Tab',
    matches: (e) => plain(e) && e.key === 'Tab',
  },
  spotlight: {
    group: 'Present mode',
    action: 'Spotlight the picked note, enlarged to read out (or click a note); again: close it',
    keys: 'Enter',
    matches: (e) => plain(e) && e.key === 'Enter',
  },
  blank: {
    group: 'Present mode',
    action: 'Blank the screen; any key brings it back',
    keys: 'B or .',
    matches: (e) => plain(e) && (e.key.toLowerCase() === 'b' || e.key === '.'),
  },
  join: {
    group: 'Present mode',
    action: 'While the room is open: show or hide how phones join it (the QR code)',
    keys: 'J',
    matches: (e) => plain(e) && e.key.toLowerCase() === 'j',
  },
  addDot: {
    group: 'Present mode',
    action: 'While a vote runs: the current voter puts a dot on the picked note (or click its badge)',
    keys: '+ or =',
    matches: (e) => plain(e) && (e.key === '+' || e.key === '='),
  },
  removeDot: {
    group: 'Present mode',
    action:
      'While a vote runs: the current voter takes their dot off the picked note (or Shift+click its badge)',
    keys: '-',
    matches: (e) => plain(e) && (e.key === '-' || e.key === '−'),
  },
  nextVoter: {
    group: 'Present mode',
    action: 'While a vote runs: the next voter’s turn',
    keys: 'N',
    matches: (e) => plain(e) && e.key.toLowerCase() === 'n',
  },
  reveal: {
    group: 'Present mode',
    action: 'While a vote runs: reveal it and show its results',
    keys: 'R',
    matches: (e) => plain(e) && e.key.toLowerCase() === 'r',
  },
  leave: {
    group: 'Present mode',
    action: 'Close the spotlight; then leave present mode, back to the board as it was',
    keys: 'Escape',
    matches: (e) => e.key === 'Escape',
  },
} as const satisfies Record<string, KeyBinding>;

export const shortcutLabel = (command: Shortcut['command']): string => {
  const keys = SHORTCUTS.find((shortcut) => shortcut.command === command)?.keys;
  return keys ? keysForPeople(keys, isMac()) : '';
};

/** "Mod+S" as people on this computer write it: "Ctrl+S", or "⌘S" on macOS. */
export const keysForPeople = (keys: string, mac: boolean): string =>
  mac ? keys.replaceAll('Mod+', '⌘').replaceAll('Shift+', '⇧') : keys.replaceAll('Mod', 'Ctrl');
