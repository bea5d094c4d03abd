/**
 * The native Open and Save dialogs, attached to the app window. Only paths a user picked here
 * (or the OS handed over) ever become file handles; the renderer only proposes a file name.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import type {
  BrowserWindow,
  Dialog,
  MessageBoxOptions,
  OpenDialogOptions,
  SaveDialogOptions,
} from 'electron';
import type { ExportKind, OpenPurpose, TextExportKind } from '../../shared/ipc/contract.ts';
import { hasExtension, MAP_EXTENSION, safeFileName, safeMapFileName } from '../../shared/ipc/file-name.ts';

export const MAP_FILTER = { name: 'Journeywall map (*.cxmap)', extensions: ['cxmap'] };
export const POSTER_FILTER = { name: 'Poster with map (*.png)', extensions: ['png'] };
/** First, so that Windows and GTK (which show one filter at a time) list maps and posters at once. */
export const MAP_OR_POSTER_FILTER = {
  name: 'Journeywall map or poster (*.cxmap, *.png)',
  extensions: ['cxmap', 'png'],
};

const OPEN_WORDING: Record<OpenPurpose, { title: string; buttonLabel: string }> = {
  open: { title: 'Open map', buttonLabel: 'Open' },
  merge: { title: 'Merge a copy', buttonLabel: 'Merge' },
};

export function openDialogOptions(purpose: OpenPurpose, directory: string): OpenDialogOptions {
  return {
    ...OPEN_WORDING[purpose],
    defaultPath: directory,
    filters: [MAP_OR_POSTER_FILTER, MAP_FILTER, POSTER_FILTER],
    properties: ['openFile'],
  };
}

export function saveDialogOptions(suggestedName: string, directory: string): SaveDialogOptions {
  return {
    title: 'Save map',
    buttonLabel: 'Save',
    defaultPath: path.join(directory, safeMapFileName(suggestedName)),
    filters: [MAP_FILTER],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** What an export dialog writes: a streamed export, or text saved in one piece. */
export type ExportDialogKind = ExportKind | TextExportKind;

const EXPORT_WORDING: Record<
  ExportDialogKind,
  { title: string; buttonLabel: string; extension: string; filter: string }
> = {
  'poster-png': {
    title: 'Export poster',
    buttonLabel: 'Export',
    extension: '.png',
    filter: 'PNG poster with map (*.png)',
  },
  'print-pdf': {
    title: 'Export print pages',
    buttonLabel: 'Export',
    extension: '.pdf',
    filter: 'PDF pages (*.pdf)',
  },
  csv: { title: 'Save as CSV', buttonLabel: 'Save', extension: '.csv', filter: 'CSV table (*.csv)' },
  markdown: { title: 'Save as Markdown', buttonLabel: 'Save', extension: '.md', filter: 'Markdown (*.md)' },
};

export function exportDialogOptions(
  kind: ExportDialogKind,
  suggestedName: string,
  directory: string,
): SaveDialogOptions {
  const { title, buttonLabel, extension, filter } = EXPORT_WORDING[kind];
  return {
    title,
    buttonLabel,
    defaultPath: path.join(directory, safeFileName(suggestedName, extension)),
    filters: [{ name: filter, extensions: [extension.slice(1)] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

function replaceQuestion(filePath: string): MessageBoxOptions {
  return {
    type: 'warning',
    message: `${path.basename(filePath)} already exists. Do you want to replace it?`,
    detail: 'Replacing it overwrites what it holds now.',
    buttons: ['Replace', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
  };
}

const exists = (filePath: string): Promise<boolean> =>
  access(filePath).then(
    () => true,
    () => false,
  );

export interface FileDialogs {
  /** The file the user chose to open, or null when they cancelled. */
  chooseFileToOpen(purpose: OpenPurpose): Promise<string | null>;
  /**
   * Where the user chose to save, always ending in .cxmap, or null when they cancelled (also when
   * adding .cxmap named an existing file they chose not to replace). The dialog starts in
   * `directory`, by default where the last map was.
   */
  chooseSaveTarget(suggestedName: string, directory?: string): Promise<string | null>;
  /** Where the user chose to export, always with the kind's extension, or null as for a save. */
  chooseExportTarget(kind: ExportDialogKind, suggestedName: string): Promise<string | null>;
  /** Says why a file the OS or Open Recent asked for could not be opened. */
  showOpenError(filePath: string, message: string): Promise<void>;
}

export interface FileDialogsOptions {
  readonly dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>;
  readonly getWindow: () => BrowserWindow | null;
  /** The folder a dialog starts in: where the last file was, else Documents. */
  readonly startDirectory: () => string;
}

export function createFileDialogs({ dialog, getWindow, startDirectory }: FileDialogsOptions): FileDialogs {
  const parent = (): BrowserWindow | null => {
    const window = getWindow();
    return window && !window.isDestroyed() ? window : null;
  };
  const showMessage = (options: MessageBoxOptions) => {
    const window = parent();
    return window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
  };
  /**
   * The chosen path with `extension`. GTK does not add the filter's extension to a typed name,
   * so its overwrite question was about the name without it: when adding the extension names a
   * file that exists, ask again here, and answer null (cancelled) unless the user replaces it.
   */
  const withExtension = async (chosen: string, extension: string): Promise<string | null> => {
    if (hasExtension(chosen, extension)) return chosen;
    const target = `${chosen}${extension}`;
    if (!(await exists(target))) return target;
    const { response } = await showMessage(replaceQuestion(target));
    return response === 0 ? target : null;
  };
  return {
    async chooseFileToOpen(purpose) {
      const options = openDialogOptions(purpose, startDirectory());
      const window = parent();
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSaveTarget(suggestedName, directory = startDirectory()) {
      const options = saveDialogOptions(suggestedName, directory);
      const window = parent();
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      return withExtension(result.filePath, MAP_EXTENSION);
    },
    async chooseExportTarget(kind, suggestedName) {
      const options = exportDialogOptions(kind, suggestedName, startDirectory());
      const window = parent();
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      return withExtension(result.filePath, EXPORT_WORDING[kind].extension);
    },
    async showOpenError(filePath, message) {
      await showMessage({
        type: 'warning',
        message: `Journeywall could not open ${path.basename(filePath)}.`,
        detail: message,
        buttons: ['OK'],
      });
    },
  };
}
