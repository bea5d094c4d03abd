import type { MenuCommand } from '../../shared/ipc/contract.ts';
import { NOTE_COLORS } from '../../shared/model/records.ts';
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
export const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform);

export interface Shortcut {
  readonly command: MenuCommand | 'edit-note';
  /** Shown in tooltips and the help sheet; "Mod" is Ctrl or ⌘. */
  readonly keys: string;
  readonly matches: (event: KeyboardEvent) => boolean;
}

const mod = (event: KeyboardEvent): boolean => (isMac() ? event.metaKey : event.ctrlKey);
const plain = (event: KeyboardEvent): boolean => !event.ctrlKey && !event.metaKey && !event.altKey;

export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'new-note', keys: 'N', matches: (e) => plain(e) && !e.shiftKey && e.key.toLowerCase() === 'n' },
  { command: 'edit-note', keys: 'Enter', matches: (e) => plain(e) && e.key === 'Enter' },
  { command: 'undo', keys: 'Mod+Z', matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z' },
  {
    command: 'redo',
    keys: 'Mod+Shift+Z',
    matches: (e) =>
      (mod(e) && e.shiftKey && e.key.toLowerCase() === 'z') ||
      (!isMac() && e.ctrlKey && e.key.toLowerCase() === 'y'),
  },
  { command: 'duplicate', keys: 'Mod+D', matches: (e) => mod(e) && e.key.toLowerCase() === 'd' },
  {
    command: 'delete',
    keys: 'Delete',
    matches: (e) => plain(e) && (e.key === 'Delete' || e.key === 'Backspace'),
  },
  { command: 'select-all', keys: 'Mod+A', matches: (e) => mod(e) && e.key.toLowerCase() === 'a' },
  {
    command: 'bring-to-front',
    keys: 'Mod+Shift+]',
    matches: (e) => mod(e) && (e.key === ']' || e.key === '}'),
  },
  { command: 'zoom-in', keys: 'Mod+=', matches: (e) => mod(e) && (e.key === '=' || e.key === '+') },
  { command: 'zoom-out', keys: 'Mod+-', matches: (e) => mod(e) && (e.key === '-' || e.key === '_') },
  { command: 'zoom-reset', keys: 'Mod+0', matches: (e) => mod(e) && e.key === '0' },
  { command: 'zoom-fit', keys: 'Shift+1', matches: (e) => e.shiftKey && !mod(e) && e.code === 'Digit1' },
  { command: 'show-shortcuts', keys: '?', matches: (e) => e.key === '?' },
  {
    command: 'open-file',
    keys: 'Mod+O',
    matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'o',
  },
  { command: 'save', keys: 'Mod+S', matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 's' },
  {
    command: 'save-as',
    keys: 'Mod+Shift+S',
    matches: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === 's',
  },
  { command: 'find', keys: 'Mod+F', matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'f' },
  {
    command: 'toggle-outline',
    keys: 'Mod+Shift+O',
    matches: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === 'o',
  },
  {
    command: 'export-poster',
    keys: 'Mod+Shift+E',
    matches: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === 'e',
  },
  { command: 'new-map', keys: 'Mod+N', matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'n' },
];

export const shortcutLabel = (command: Shortcut['command']): string => {
  const keys = SHORTCUTS.find((shortcut) => shortcut.command === command)?.keys;
  if (!keys) return '';
  return isMac() ? keys.replace('Mod+', '⌘').replace('Shift+', '⇧') : keys.replace('Mod', 'Ctrl');
};

/** Keys 1–7 recolour the selection (or pick the colour of the next notes). */
export const colorForKey = (event: KeyboardEvent) => {
  if (!plain(event) || event.shiftKey) return null;
  const index = Number.parseInt(event.key, 10) - 1;
  return Number.isInteger(index) ? (NOTE_COLORS[index] ?? null) : null;
};

/** Arrow keys nudge the selection by 1 board unit, 10 with Shift. */
export const nudgeForKey = (event: KeyboardEvent): { dx: number; dy: number } | null => {
  if (!plain(event)) return null;
  const step = event.shiftKey ? 10 : 1;
  const moves: Record<string, { dx: number; dy: number }> = {
    ArrowLeft: { dx: -step, dy: 0 },
    ArrowRight: { dx: step, dy: 0 },
    ArrowUp: { dx: 0, dy: -step },
    ArrowDown: { dx: 0, dy: step },
  };
  return moves[event.key] ?? null;
};
