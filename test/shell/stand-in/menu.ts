/**
 * `Menu` and `MenuItem`, validating templates as Electron's lib/browser/api/menu*.ts does (an
 * array; each item a label, a role or a separator; known types; a submenu item has a submenu),
 * and more strictly where Electron would fail silently: roles, accelerators, property types, and
 * in the application menu unique ids and accelerators and a submenu under every top-level item.
 * The application menu is sent to the harness, which clicks items by their labels.
 */
import type { MenuSnapshot } from '../protocol.ts';
import { acceleratorProblem } from './accelerator.ts';
import type { Runtime } from './runtime.ts';

const TYPES = new Set(['normal', 'separator', 'submenu', 'checkbox', 'radio', 'header', 'palette']);

/** Electron's role list (electron.d.ts MenuItemConstructorOptions.role), compared case-insensitively. */
const ROLES = [
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'pasteAndMatchStyle',
  'delete',
  'selectAll',
  'reload',
  'forceReload',
  'toggleDevTools',
  'resetZoom',
  'zoomIn',
  'zoomOut',
  'toggleSpellChecker',
  'togglefullscreen',
  'window',
  'minimize',
  'close',
  'help',
  'about',
  'services',
  'hide',
  'hideOthers',
  'unhide',
  'quit',
  'showSubstitutions',
  'toggleSmartQuotes',
  'toggleSmartDashes',
  'toggleTextReplacement',
  'startSpeaking',
  'stopSpeaking',
  'zoom',
  'front',
  'appMenu',
  'fileMenu',
  'editMenu',
  'viewMenu',
  'shareMenu',
  'recentDocuments',
  'toggleTabBar',
  'selectNextTab',
  'selectPreviousTab',
  'showAllTabs',
  'mergeAllWindows',
  'clearRecentDocuments',
  'moveTabToNewWindow',
  'windowMenu',
];
const ROLE_SET = new Set(ROLES.map((role) => role.toLowerCase()));

/** The labels Electron gives role items (lib/browser/api/menu-item-roles.ts) that the app uses. */
function roleLabel(role: string, appName: string, platform: NodeJS.Platform): string {
  const isMac = platform === 'darwin';
  const labels: Record<string, string> = {
    about: isMac ? `About ${appName}` : 'About',
    close: isMac ? 'Close Window' : 'Close',
    copy: 'Copy',
    cut: 'Cut',
    paste: 'Paste',
    delete: 'Delete',
    front: 'Bring All to Front',
    help: 'Help',
    hide: `Hide ${appName}`,
    hideothers: 'Hide Others',
    unhide: 'Show All',
    minimize: 'Minimize',
    quit: isMac ? `Quit ${appName}` : platform === 'win32' ? 'Exit' : 'Quit',
    services: 'Services',
    togglefullscreen: 'Toggle Full Screen',
    toggledevtools: 'Toggle Developer Tools',
    window: 'Window',
    zoom: 'Zoom',
  };
  return labels[role] ?? role;
}

const MODIFIER_ALIASES: Record<string, string> = {
  cmdorctrl: 'ctrl',
  commandorcontrol: 'ctrl',
  control: 'ctrl',
  cmd: 'command',
  option: 'alt',
};

/** One spelling per shortcut, so "Shift+CmdOrCtrl+S" and "Ctrl+Shift+S" compare equal. */
function normalizedAccelerator(accelerator: string): string {
  const tokens = accelerator.toLowerCase().split('+');
  const key = tokens.pop() ?? '';
  return [...tokens.map((token) => MODIFIER_ALIASES[token] ?? token).sort(), key].join('+');
}

type Click = (item: StandInMenuItem, window: unknown, event: unknown) => void;

export interface StandInMenuItem {
  readonly label: string;
  readonly role: string | null;
  readonly id: string | null;
  readonly type: string;
  readonly accelerator: string | null;
  readonly enabled: boolean;
  readonly visible: boolean;
  readonly submenu: StandInMenu | null;
  click(): void;
}

export class StandInMenu {
  readonly items: StandInMenuItem[] = [];
}

export interface MenuModule {
  readonly Menu: {
    buildFromTemplate(template: unknown): StandInMenu;
    setApplicationMenu(menu: StandInMenu | null): void;
  };
  /** Clicks the application menu item under these labels; why it could not, or null. */
  click(labels: readonly string[]): string | null;
}

export interface RoleActions {
  readonly appName: () => string;
  readonly run: (role: string) => boolean;
}

export function createMenuModule(runtime: Runtime, roles: RoleActions): MenuModule {
  let applicationMenu: StandInMenu | null = null;

  const check = (condition: boolean, message: string): void => {
    if (!condition) runtime.misuse(`Invalid menu template: ${message}`);
  };

  const buildItem = (options: Record<string, unknown>, where: string): StandInMenuItem => {
    const { role, type, label, id, accelerator, click, submenu } = options;
    const roleId = typeof role === 'string' ? role.toLowerCase() : null;
    check(
      role === undefined || (roleId !== null && ROLE_SET.has(roleId)),
      `${where}: unknown role ${String(role)}`,
    );
    check(label === undefined || typeof label === 'string', `${where}: label must be a string`);
    check(id === undefined || typeof id === 'string', `${where}: id must be a string`);
    check(click === undefined || typeof click === 'function', `${where}: click must be a function`);
    for (const flag of [
      'enabled',
      'visible',
      'checked',
      'registerAccelerator',
      'acceleratorWorksWhenHidden',
    ]) {
      check(
        options[flag] === undefined || typeof options[flag] === 'boolean',
        `${where}: ${flag} must be a boolean`,
      );
    }
    if (accelerator !== undefined) {
      const problem = typeof accelerator === 'string' ? acceleratorProblem(accelerator) : 'not a string';
      check(problem === null, `${where}: accelerator ${problem}`);
    }
    const built =
      submenu === undefined ? null : submenu instanceof StandInMenu ? submenu : buildMenu(submenu, where);
    const itemType = typeof type === 'string' ? type : built ? 'submenu' : 'normal';
    if (!TYPES.has(itemType)) throw new Error(`Unknown menu item type: ${itemType}`);
    if (itemType === 'submenu' && !built) throw new Error('Invalid submenu');
    const item: StandInMenuItem = {
      label:
        typeof label === 'string'
          ? label
          : roleId
            ? roleLabel(roleId, roles.appName(), runtime.options.platform)
            : '',
      role: roleId,
      id: typeof id === 'string' ? id : null,
      type: itemType,
      accelerator: typeof accelerator === 'string' ? accelerator : null,
      enabled: options.enabled !== false,
      visible: options.visible !== false,
      submenu: built,
      click() {
        // As Electron: a role's own action runs; the item's click only when the role has none.
        if (roleId && roles.run(roleId)) return;
        if (typeof click === 'function') (click as Click)(item, null, {});
      },
    };
    return item;
  };

  function buildMenu(template: unknown, where = 'menu'): StandInMenu {
    if (!Array.isArray(template))
      throw new TypeError('Invalid template for Menu: Menu template must be an array');
    const valid = template.every(
      (item) =>
        item !== null &&
        typeof item === 'object' &&
        (Object.hasOwn(item, 'label') ||
          Object.hasOwn(item, 'role') ||
          (item as { type?: unknown }).type === 'separator'),
    );
    if (!valid)
      throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
    const menu = new StandInMenu();
    template.forEach((options: Record<string, unknown>, index) => {
      const name = typeof options.label === 'string' ? options.label : String(options.role ?? options.type);
      menu.items.push(buildItem(options, `${where} › ${name || `item ${index}`}`));
    });
    return menu;
  }

  const flatten = (menu: StandInMenu): StandInMenuItem[] =>
    menu.items.flatMap((item) => [item, ...(item.submenu ? flatten(item.submenu) : [])]);

  const checkApplicationMenu = (menu: StandInMenu): void => {
    for (const item of menu.items)
      check(item.submenu !== null, `top-level item "${item.label}" has no submenu`);
    const items = flatten(menu);
    const ids = items.flatMap((item) => (item.id ? [item.id] : []));
    const repeatedId = ids.find((id, index) => ids.indexOf(id) !== index);
    check(repeatedId === undefined, `id "${repeatedId}" is used twice`);
    const accelerators = items.flatMap((item) =>
      item.accelerator && item.visible ? [normalizedAccelerator(item.accelerator)] : [],
    );
    const repeated = accelerators.find((accelerator, index) => accelerators.indexOf(accelerator) !== index);
    check(repeated === undefined, `accelerator ${repeated} is used by two items`);
  };

  const snapshot = (menu: StandInMenu): MenuSnapshot[] =>
    menu.items.map((item) => ({
      label: item.label,
      role: item.role,
      id: item.id,
      accelerator: item.accelerator,
      enabled: item.enabled,
      submenu: item.submenu ? snapshot(item.submenu) : null,
    }));

  return {
    Menu: {
      buildFromTemplate: (template) => buildMenu(template),
      setApplicationMenu(menu) {
        if (menu !== null && !(menu instanceof StandInMenu)) throw new TypeError('Invalid menu');
        if (menu) checkApplicationMenu(menu);
        applicationMenu = menu;
        runtime.link.send({ kind: 'menu', items: menu ? snapshot(menu) : null });
      },
    },
    click(labels) {
      let items = applicationMenu?.items ?? [];
      let found: StandInMenuItem | undefined;
      for (const label of labels) {
        found = items.find((item) => item.label === label && item.visible);
        if (!found) return `no menu item "${label}" in ${labels.join(' › ')}`;
        items = found.submenu?.items ?? [];
      }
      if (!found) return 'no menu item named';
      if (!found.enabled) return `${labels.join(' › ')} is disabled`;
      found.click();
      return null;
    },
  };
}
