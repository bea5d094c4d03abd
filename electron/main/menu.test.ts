import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/ipc/contract.ts';
import { buildMenuTemplate } from './menu.ts';

type Platform = 'darwin' | 'win32' | 'linux';

function build(platform: Platform, isPackaged = true, recentFiles: readonly string[] = []) {
  const send = vi.fn<(command: MenuCommand) => void>();
  const recent = { files: recentFiles, open: vi.fn<(filePath: string) => void>(), clear: vi.fn() };
  const template = buildMenuTemplate({ platform, appName: 'Journeywall', isPackaged, send, recent });
  return { template, send, recent };
}

function submenuOf(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(item?.submenu) ? item.submenu : [];
}

function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((menu) => [menu, ...allItems(submenuOf(menu))]);
}

function item(template: MenuItemConstructorOptions[], id: MenuCommand): MenuItemConstructorOptions {
  const found = allItems(template).find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no menu item sends ${id}`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as (() => void) | undefined)?.();
}

const platforms: Platform[] = ['darwin', 'win32', 'linux'];

describe('application menu', () => {
  it('has File, Edit, View, Window and Help, with the app menu first on macOS', () => {
    expect(build('darwin').template.map((menu) => menu.label)).toEqual([
      'Journeywall',
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
    expect(build('win32').template.map((menu) => menu.label)).toEqual([
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
    expect(build('linux').template.map((menu) => menu.label)).toEqual([
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
  });

  it.each(platforms)(
    'on %s, every menu command is reachable and sends itself to the renderer',
    (platform) => {
      const { template, send } = build(platform);
      for (const command of MENU_COMMANDS) {
        click(item(template, command));
        expect(send).toHaveBeenLastCalledWith(command);
      }
      expect(send).toHaveBeenCalledTimes(MENU_COMMANDS.length);
    },
  );

  it.each([
    ['new-map', 'CmdOrCtrl+N'],
    ['open-file', 'CmdOrCtrl+O'],
    ['save', 'CmdOrCtrl+S'],
    ['save-as', 'Shift+CmdOrCtrl+S'],
    ['undo', 'CmdOrCtrl+Z'],
    ['redo', 'Shift+CmdOrCtrl+Z'],
    ['duplicate', 'CmdOrCtrl+D'],
    ['select-all', 'CmdOrCtrl+A'],
    ['zoom-in', 'CmdOrCtrl+='],
    ['zoom-out', 'CmdOrCtrl+-'],
    ['zoom-reset', 'CmdOrCtrl+0'],
  ] as const)('shows %s as %s on every platform', (command, accelerator) => {
    for (const platform of platforms) {
      expect(item(build(platform).template, command).accelerator, platform).toBe(accelerator);
    }
  });

  it.each(['win32', 'linux'] as const)(
    'on %s only displays command shortcuts, leaving them to the renderer',
    (platform) => {
      const { template } = build(platform);
      for (const command of MENU_COMMANDS) {
        const entry = item(template, command);
        if (entry.accelerator !== undefined) expect(entry.registerAccelerator, command).toBe(false);
      }
      expect(item(template, 'zoom-fit').accelerator).toBe('Shift+1');
      expect(item(template, 'delete').accelerator).toBe('Delete');
      expect(item(template, 'new-note').accelerator).toBe('N');
    },
  );

  it('on macOS lets Cmd shortcuts run from the menu, but keeps typing keys out of it', () => {
    const { template } = build('darwin');
    expect(item(template, 'undo')).not.toHaveProperty('registerAccelerator');
    // A key equivalent without Cmd would fire while the user types "!", "n" or Delete in a note.
    expect(item(template, 'zoom-fit').accelerator).toBeUndefined();
    expect(item(template, 'delete').accelerator).toBeUndefined();
    expect(item(template, 'new-note').accelerator).toBeUndefined();
  });

  it.each(platforms)(
    'on %s, the View menu offers present mode, then the projector window, beside full screen',
    (platform) => {
      const { template, send } = build(platform);
      const view = submenuOf(template.find((menu) => menu.label === 'View'));
      const fullScreen = view.findIndex((entry) => entry.role === 'togglefullscreen');
      const present = view[fullScreen - 2];
      const projector = view[fullScreen - 1];
      expect(present).toMatchObject({ id: 'present', label: 'Present' });
      expect(projector).toMatchObject({ id: 'projector', label: 'Projector window' });
      click(present as MenuItemConstructorOptions);
      expect(send).toHaveBeenLastCalledWith('present');
      click(projector as MenuItemConstructorOptions);
      expect(send).toHaveBeenLastCalledWith('projector');
      // No Cmd, Ctrl or Alt: shown on Windows and Linux for the renderer to run, kept off macOS.
      expect(present?.accelerator).toBe(platform === 'darwin' ? undefined : 'F5');
      expect(projector?.accelerator).toBe(platform === 'darwin' ? undefined : 'Shift+F5');
    },
  );

  it.each(platforms)('on %s, the View menu opens the timer with its key', (platform) => {
    const { template, send } = build(platform);
    const timer = item(template, 'timer');
    expect(timer.label).toBe('Timer…');
    expect(timer.accelerator).toBe('Shift+CmdOrCtrl+T');
    click(timer);
    expect(send).toHaveBeenCalledWith('timer');
  });

  it('keeps cut, copy and paste as native roles so text fields and the board both get them', () => {
    for (const platform of platforms) {
      const roles = allItems(build(platform).template).map((entry) => entry.role);
      expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'togglefullscreen', 'minimize']));
    }
  });

  it('offers DevTools only in development builds', () => {
    for (const platform of platforms) {
      const roles = (isPackaged: boolean) =>
        allItems(build(platform, isPackaged).template).map((e) => e.role);
      expect(roles(true)).not.toContain('toggleDevTools');
      expect(roles(false)).toContain('toggleDevTools');
    }
  });

  it('follows each platform for quitting, closing and About', () => {
    const rolesIn = (platform: Platform, label: string) =>
      submenuOf(build(platform).template.find((menu) => menu.label === label)).map((entry) => entry.role);
    expect(rolesIn('darwin', 'Journeywall')).toEqual(
      expect.arrayContaining(['about', 'hide', 'hideOthers', 'quit']),
    );
    expect(rolesIn('darwin', 'File')).toContain('close');
    expect(rolesIn('darwin', 'Window')).toEqual(expect.arrayContaining(['minimize', 'zoom', 'front']));
    expect(rolesIn('darwin', 'Help')).not.toContain('about');
    for (const platform of ['win32', 'linux'] as const) {
      expect(rolesIn(platform, 'File')).toContain('quit');
      expect(rolesIn(platform, 'Window')).toEqual(expect.arrayContaining(['minimize', 'close']));
      expect(rolesIn(platform, 'Help')).toContain('about');
    }
  });

  it.each(platforms)('on %s, the File menu holds the file commands in order', (platform) => {
    const labels = submenuOf(build(platform).template.find((menu) => menu.label === 'File'))
      .filter((entry) => entry.type !== 'separator')
      .map((entry) => entry.label ?? entry.role);
    expect(labels).toEqual([
      'New map',
      'New note',
      'Open…',
      'Open Recent',
      'Save',
      'Save As…',
      'Merge a copy…',
      'Export',
      'Library',
      platform === 'darwin' ? 'close' : 'quit',
    ]);
    const exportMenu = allItems(build(platform).template).find((entry) => entry.label === 'Export');
    expect(submenuOf(exportMenu).map((entry) => [entry.label, entry.id])).toEqual([
      ['A copy of the map (.cxmap)…', 'save-copy'],
      ['Poster (PNG)…', 'export-poster'],
      ['Print pages (PDF)…', 'export-print-pages'],
    ]);
  });

  it('lists recent files under Open Recent, each opening its own file', () => {
    const files = ['/maps/toner.cxmap', '/maps/Sales & Service.cxmap'];
    const { template, recent } = build('linux', true, files);
    const openRecent = allItems(template).find((entry) => entry.id === 'open-recent');
    const entries = submenuOf(openRecent).filter((entry) => entry.type !== 'separator');
    expect(entries.map((entry) => entry.label)).toEqual([
      'toner.cxmap',
      'Sales && Service.cxmap',
      'Clear recent',
    ]);
    click(entries[1] as MenuItemConstructorOptions);
    expect(recent.open).toHaveBeenCalledWith('/maps/Sales & Service.cxmap');
    const clear = entries[2] as MenuItemConstructorOptions;
    expect(clear.enabled).toBe(true);
    click(clear);
    expect(recent.clear).toHaveBeenCalledTimes(1);
  });

  it('says so when there are no recent files, and cannot clear them', () => {
    const openRecent = allItems(build('darwin').template).find((entry) => entry.id === 'open-recent');
    const entries = submenuOf(openRecent).filter((entry) => entry.type !== 'separator');
    expect(entries.map((entry) => [entry.label, entry.enabled])).toEqual([
      ['No recent files', false],
      ['Clear recent', false],
    ]);
  });
});
