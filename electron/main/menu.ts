/**
 * The application menu as a pure template, so each platform's menu can be checked in a test.
 * Board commands go to the renderer as typed MenuCommands; the renderer runs the same commands
 * from its own keyboard shortcuts, so each shortcut must fire exactly one of the two:
 * - Windows/Linux: the accelerator is only displayed (registerAccelerator: false); the renderer's
 *   keydown handler runs it.
 * - macOS: the menu's key equivalent runs it and the renderer receives the command. Shortcuts
 *   without Cmd/Ctrl/Alt (Delete, N, Shift+1) are left off the macOS menu, because a key
 *   equivalent would fire while the user types that key into a note; the renderer handles them.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract.ts';
import { recentFileLabels } from './recent-files.ts';

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  readonly appName: string;
  /** DevTools are offered in development builds only. */
  readonly isPackaged: boolean;
  readonly send: (command: MenuCommand) => void;
  /** File ▸ Open Recent: main opens the file itself, since it holds the paths. */
  readonly recent: RecentMenu;
}

export interface RecentMenu {
  /** Newest first. */
  readonly files: readonly string[];
  open(filePath: string): void;
  clear(): void;
}

const TYPING_SAFE_MODIFIER = /\b(CmdOrCtrl|CommandOrControl|Cmd|Command|Ctrl|Control|Alt|Option)\+/;

export function buildMenuTemplate({
  platform,
  appName,
  isPackaged,
  send,
  recent,
}: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const command = (
    label: string,
    menuCommand: MenuCommand,
    accelerator?: string,
  ): MenuItemConstructorOptions => {
    const item: MenuItemConstructorOptions = { label, id: menuCommand, click: () => send(menuCommand) };
    if (accelerator === undefined) return item;
    if (!isMac) return { ...item, accelerator, registerAccelerator: false };
    return TYPING_SAFE_MODIFIER.test(accelerator) ? { ...item, accelerator } : item;
  };

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const labels = recentFileLabels(recent.files);
  const recentMenu: MenuItemConstructorOptions = {
    label: 'Open Recent',
    id: 'open-recent',
    submenu: [
      ...(recent.files.length === 0
        ? [{ label: 'No recent files', enabled: false }]
        : recent.files.map((filePath, i) => ({
            label: labels[i] ?? filePath,
            click: () => recent.open(filePath),
          }))),
      separator,
      {
        label: 'Clear recent',
        id: 'clear-recent',
        enabled: recent.files.length > 0,
        click: () => recent.clear(),
      },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('New map', 'new-map', 'CmdOrCtrl+N'),
      command('New note', 'new-note', 'N'),
      separator,
      command('Open…', 'open-file', 'CmdOrCtrl+O'),
      recentMenu,
      separator,
      command('Save', 'save', 'CmdOrCtrl+S'),
      command('Save As…', 'save-as', 'Shift+CmdOrCtrl+S'),
      command('Merge a copy…', 'merge-copy'),
      {
        label: 'Export',
        submenu: [
          command('A copy of the map (.cxmap)…', 'save-copy'),
          command('Poster (PNG)…', 'export-poster', 'Shift+CmdOrCtrl+E'),
          command('Print pages (PDF)…', 'export-print-pages'),
        ],
      },
      separator,
      command('Library', 'show-library'),
      separator,
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      command('Undo', 'undo', 'CmdOrCtrl+Z'),
      // A menu item shows one accelerator; on Windows/Linux the renderer also takes Ctrl+Y.
      command('Redo', 'redo', 'Shift+CmdOrCtrl+Z'),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      command('Duplicate', 'duplicate', 'CmdOrCtrl+D'),
      command('Delete', 'delete', 'Delete'),
      separator,
      command('Select all', 'select-all', 'CmdOrCtrl+A'),
      command('Bring to front', 'bring-to-front'),
      separator,
      command('Find…', 'find', 'CmdOrCtrl+F'),
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      command('Zoom in', 'zoom-in', 'CmdOrCtrl+='),
      command('Zoom out', 'zoom-out', 'CmdOrCtrl+-'),
      command('Actual size', 'zoom-reset', 'CmdOrCtrl+0'),
      command('Zoom to fit', 'zoom-fit', 'Shift+1'),
      separator,
      command('Outline', 'toggle-outline', 'Shift+CmdOrCtrl+O'),
      command('Legend', 'toggle-legend'),
      separator,
      command('Timer…', 'timer', 'Shift+CmdOrCtrl+T'),
      command('Present', 'present', 'F5'),
      command('Projector window', 'projector', 'Shift+F5'),
      { role: 'togglefullscreen' },
      ...(isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: 'Window',
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
    ...(isMac ? { role: 'window' as const } : {}),
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: 'Help',
    submenu: [
      command('Keyboard shortcuts', 'show-shortcuts'),
      ...(isMac ? [] : [separator, { role: 'about' } as const]),
    ],
    ...(isMac ? { role: 'help' as const } : {}),
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
