/**
 * `dialog`, answered by the test: each dialog goes to the harness, which replies as a user would
 * (or presses Escape when the test gave no answer). Arguments are checked as Electron's
 * lib/browser/api/dialog.ts checks them, and more strictly for dialog properties and filters,
 * which Electron would silently ignore. Only showErrorBox may be used before 'ready'.
 */
import type { DialogMethod } from '../protocol.ts';
import type { Runtime } from './runtime.ts';

const OPEN_PROPERTIES = new Set([
  'openFile',
  'openDirectory',
  'multiSelections',
  'showHiddenFiles',
  'createDirectory',
  'promptToCreate',
  'noResolveAliases',
  'treatPackageAsDirectory',
  'dontAddToRecent',
]);
const SAVE_PROPERTIES = new Set([
  'showHiddenFiles',
  'createDirectory',
  'treatPackageAsDirectory',
  'showOverwriteConfirmation',
  'dontAddToRecent',
]);
const MESSAGE_BOX_TYPES = ['none', 'info', 'warning', 'error', 'question'];

export interface DialogWindow {
  readonly id: number;
  isDestroyed(): boolean;
}

type Options = Record<string, unknown>;

export function createDialog(runtime: Runtime, isWindow: (value: unknown) => value is DialogWindow) {
  const checkAppInitialized = (): void => {
    if (!runtime.isReady()) throw new Error('dialog module can only be used after app is ready');
  };

  const parseArgs = (
    windowOrOptions: unknown,
    maybeOptions: unknown,
  ): { window: DialogWindow | null; options: Options } => {
    if (isWindow(windowOrOptions)) {
      if (windowOrOptions.isDestroyed()) throw new TypeError('Object has been destroyed');
      return { window: windowOrOptions, options: (maybeOptions ?? {}) as Options };
    }
    return { window: null, options: (windowOrOptions ?? maybeOptions ?? {}) as Options };
  };

  const strings = (options: Options, names: readonly string[]): void => {
    for (const name of names) {
      if (options[name] !== undefined && typeof options[name] !== 'string')
        throw new TypeError(`${name} must be a string`);
    }
  };

  const checkFileOptions = (options: Options, allowed: Set<string>): void => {
    strings(options, ['title', 'buttonLabel', 'defaultPath', 'message', 'nameFieldLabel']);
    const properties = options.properties ?? [];
    if (!Array.isArray(properties)) throw new TypeError('Properties must be an array');
    for (const property of properties) {
      if (!allowed.has(property)) runtime.misuse(`dialog property "${String(property)}" does not exist`);
    }
    const filters = options.filters ?? [];
    if (!Array.isArray(filters)) throw new TypeError('Filters must be an array');
    for (const filter of filters as { name?: unknown; extensions?: unknown }[]) {
      if (typeof filter.name !== 'string' || !Array.isArray(filter.extensions)) {
        runtime.misuse('a dialog filter needs a name and an array of extensions');
      }
      for (const extension of filter.extensions as unknown[]) {
        if (typeof extension !== 'string' || (extension !== '*' && /[.*]/.test(extension))) {
          runtime.misuse(`dialog filter extension "${String(extension)}": no dots or wildcards`);
        }
      }
    }
  };

  const ask = (method: DialogMethod, window: DialogWindow | null, options: Options): Promise<unknown> =>
    runtime.link.request({
      kind: 'dialog',
      method,
      options: structuredClone(options),
      windowId: window?.id ?? null,
    });

  return {
    async showOpenDialog(windowOrOptions: unknown, maybeOptions?: unknown) {
      checkAppInitialized();
      const { window, options } = parseArgs(windowOrOptions, maybeOptions);
      checkFileOptions(options, OPEN_PROPERTIES);
      return ask('showOpenDialog', window, options);
    },
    async showSaveDialog(windowOrOptions: unknown, maybeOptions?: unknown) {
      checkAppInitialized();
      const { window, options } = parseArgs(windowOrOptions, maybeOptions);
      checkFileOptions(options, SAVE_PROPERTIES);
      return ask('showSaveDialog', window, options);
    },
    async showMessageBox(windowOrOptions: unknown, maybeOptions?: unknown) {
      checkAppInitialized();
      const { window, options } = parseArgs(windowOrOptions, maybeOptions);
      const type = options.type ?? 'none';
      if (typeof type !== 'string' || !MESSAGE_BOX_TYPES.includes(type))
        throw new TypeError('Invalid message box type');
      const buttons = options.buttons ?? [];
      if (!Array.isArray(buttons)) throw new TypeError('Buttons must be an array');
      if (buttons.some((button) => typeof button !== 'string'))
        throw new TypeError('Buttons must be strings');
      if (typeof (options.message ?? '') !== 'string') throw new TypeError('Message must be a string');
      strings(options, ['title', 'detail', 'checkboxLabel']);
      if (options.checkboxChecked && !options.checkboxLabel) {
        throw new Error('checkboxChecked requires that checkboxLabel also be passed');
      }
      // Electron's choice of the answer when the dialog is dismissed (Escape).
      let cancelId = options.cancelId;
      if (cancelId == null) {
        cancelId = options.defaultId === 0 && buttons.length > 1 ? 1 : 0;
        const index = buttons.findIndex((button: string) => ['cancel', 'no'].includes(button.toLowerCase()));
        if (index >= 0) cancelId = index;
      }
      return ask('showMessageBox', window, { ...options, type, buttons, cancelId });
    },
    showErrorBox(title: string, content: string) {
      if (typeof title !== 'string' || typeof content !== 'string')
        throw new TypeError('title and content must be strings');
      // On Linux before 'ready' Electron writes it to stderr; either way the harness records it.
      console.error(`[error box] ${title}\n${content}`);
      runtime.link.send({ kind: 'error-box', title, content });
    },
  };
}
