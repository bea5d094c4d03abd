import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_LIMITS } from '../../shared/ipc/contract.ts';
import { FILE_NAME_BYTES } from '../../shared/ipc/file-name.ts';
import {
  createFileDialogs,
  exportDialogOptions,
  openDialogOptions,
  saveDialogOptions,
} from './file-dialogs.ts';

const docs = path.resolve('/home/ana/Documents');

function fakeDialog(answers: { open?: string[]; save?: string; button?: number } = {}) {
  return {
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({
      canceled: answers.open === undefined,
      filePaths: answers.open ?? [],
    })),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({
      canceled: answers.save === undefined,
      filePath: answers.save ?? '',
    })),
    showMessageBox: vi.fn(async (..._args: unknown[]) => ({
      response: answers.button ?? 0,
      checkboxChecked: false,
    })),
  };
}

const liveWindow = { isDestroyed: () => false } as unknown as BrowserWindow;

function dialogsWith(dialog: ReturnType<typeof fakeDialog>, window: BrowserWindow | null = liveWindow) {
  return createFileDialogs({
    dialog: dialog as unknown as Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>,
    getWindow: () => window,
    startDirectory: () => docs,
  });
}

describe('open dialog', () => {
  it('is titled for its purpose and offers maps and posters', () => {
    expect(openDialogOptions('open', docs)).toMatchObject({ title: 'Open map', buttonLabel: 'Open' });
    expect(openDialogOptions('merge', docs)).toMatchObject({ title: 'Merge a copy', buttonLabel: 'Merge' });
    const { filters, properties, defaultPath } = openDialogOptions('open', docs);
    expect(filters).toEqual([
      { name: 'Journeywall map or poster (*.cxmap, *.png)', extensions: ['cxmap', 'png'] },
      { name: 'Journeywall map (*.cxmap)', extensions: ['cxmap'] },
      { name: 'Poster with map (*.png)', extensions: ['png'] },
    ]);
    expect(properties).toEqual(['openFile']);
    expect(defaultPath).toBe(docs);
  });

  it('answers the chosen path, or null when cancelled, with the window as parent', async () => {
    const chosen = fakeDialog({ open: ['/maps/toner.cxmap'] });
    expect(await dialogsWith(chosen).chooseFileToOpen('merge')).toBe('/maps/toner.cxmap');
    expect(chosen.showOpenDialog).toHaveBeenCalledWith(liveWindow, openDialogOptions('merge', docs));
    expect(await dialogsWith(fakeDialog()).chooseFileToOpen('open')).toBeNull();
  });

  it('opens without a parent when the window is gone', async () => {
    const dialog = fakeDialog({ open: ['/maps/a.cxmap'] });
    await dialogsWith(dialog, null).chooseFileToOpen('open');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(openDialogOptions('open', docs));
  });
});

describe('save dialog', () => {
  it('suggests a safe .cxmap name in the start folder and confirms overwriting', () => {
    const options = saveDialogOptions('Q3: Toner / Refill', docs);
    expect(options.defaultPath).toBe(path.join(docs, 'Q3 Toner Refill.cxmap'));
    expect(options.filters).toEqual([{ name: 'Journeywall map (*.cxmap)', extensions: ['cxmap'] }]);
    expect(options.properties).toContain('showOverwriteConfirmation');
    const long = saveDialogOptions('x'.repeat(IPC_LIMITS.fileNameLength * 2), docs);
    expect(path.basename(String(long.defaultPath)).length).toBeLessThanOrEqual(IPC_LIMITS.fileNameLength);
  });

  it('answers the chosen path, adding .cxmap when the user typed none, or null when cancelled', async () => {
    expect(await dialogsWith(fakeDialog({ save: '/maps/toner.cxmap' })).chooseSaveTarget('x')).toBe(
      '/maps/toner.cxmap',
    );
    expect(await dialogsWith(fakeDialog({ save: '/maps/toner' })).chooseSaveTarget('x')).toBe(
      '/maps/toner.cxmap',
    );
    expect(await dialogsWith(fakeDialog()).chooseSaveTarget('x')).toBeNull();
  });
});

describe('export dialog', () => {
  it('suggests a safe name with the kind’s extension and offers only that type', () => {
    const poster = exportDialogOptions('poster-png', 'Toner: poster A1 150 dpi', docs);
    expect(poster).toMatchObject({ title: 'Export poster', buttonLabel: 'Export' });
    expect(poster.defaultPath).toBe(path.join(docs, 'Toner poster A1 150 dpi.png'));
    expect(poster.filters).toEqual([{ name: 'PNG poster with map (*.png)', extensions: ['png'] }]);
    expect(poster.properties).toContain('showOverwriteConfirmation');
    // The longest name the renderer may send, shortened rather than refused.
    const long = exportDialogOptions('print-pdf', 'ト'.repeat(IPC_LIMITS.suggestedNameLength), docs);
    const longName = path.basename(String(long.defaultPath));
    expect(longName.endsWith('ト.pdf')).toBe(true);
    expect(new TextEncoder().encode(longName).length).toBeLessThanOrEqual(FILE_NAME_BYTES);
    const pages = exportDialogOptions('print-pdf', 'Toner pages.pdf', docs);
    expect(pages.defaultPath).toBe(path.join(docs, 'Toner pages.pdf'));
    expect(pages.filters).toEqual([{ name: 'PDF pages (*.pdf)', extensions: ['pdf'] }]);
  });

  it('answers the chosen path with the extension added when typed without, or null when cancelled', async () => {
    const chosen = fakeDialog({ save: '/posters/toner' });
    expect(await dialogsWith(chosen).chooseExportTarget('poster-png', 'Toner')).toBe('/posters/toner.png');
    expect(chosen.showSaveDialog).toHaveBeenCalledWith(
      liveWindow,
      exportDialogOptions('poster-png', 'Toner', docs),
    );
    expect(await dialogsWith(fakeDialog({ save: '/p/pages.PDF' })).chooseExportTarget('print-pdf', 'x')).toBe(
      '/p/pages.PDF',
    );
    expect(await dialogsWith(fakeDialog()).chooseExportTarget('poster-png', 'x')).toBeNull();
  });
});

describe('text dialog', () => {
  it('saves the gap list as CSV or Markdown, adding the extension when typed without', async () => {
    const csv = exportDialogOptions('csv', 'Toner: gap list', docs);
    expect(csv).toMatchObject({ title: 'Save as CSV', buttonLabel: 'Save' });
    expect(csv.defaultPath).toBe(path.join(docs, 'Toner gap list.csv'));
    expect(csv.filters).toEqual([{ name: 'CSV table (*.csv)', extensions: ['csv'] }]);
    expect(csv.properties).toContain('showOverwriteConfirmation');
    const chosen = fakeDialog({ save: '/notes/gaps' });
    expect(await dialogsWith(chosen).chooseExportTarget('markdown', 'Toner gap list')).toBe('/notes/gaps.md');
    expect(chosen.showSaveDialog).toHaveBeenCalledWith(
      liveWindow,
      expect.objectContaining({
        title: 'Save as Markdown',
        filters: [{ name: 'Markdown (*.md)', extensions: ['md'] }],
      }),
    );
  });
});

describe('save dialog at a given file', () => {
  it('starts in the folder asked for, at that file name, instead of where the last map was', async () => {
    const dialog = fakeDialog({ save: '/desk/dropped.cxmap' });
    expect(await dialogsWith(dialog).chooseSaveTarget('dropped.cxmap', '/desk')).toBe('/desk/dropped.cxmap');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      liveWindow,
      expect.objectContaining({ defaultPath: path.join('/desk', 'dropped.cxmap') }),
    );
  });
});

describe('open error', () => {
  it('names the file and explains the problem', async () => {
    const dialog = fakeDialog();
    await dialogsWith(dialog).showOpenError('/maps/toner.cxmap', 'toner.cxmap was not found.');
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      liveWindow,
      expect.objectContaining({
        type: 'warning',
        message: 'Journeywall could not open toner.cxmap.',
        detail: 'toner.cxmap was not found.',
      }),
    );
  });
});

describe('a name typed without its extension, where the file with it exists', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'jw-dialogs-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const replaceQuestion = (name: string) =>
    expect.objectContaining({
      message: `${name} already exists. Do you want to replace it?`,
      buttons: ['Replace', 'Cancel'],
      cancelId: 1,
    });

  it.each([
    [
      'an export',
      'toner.png',
      (dialogs: ReturnType<typeof dialogsWith>) => dialogs.chooseExportTarget('poster-png', 'x'),
    ],
    ['a map save', 'toner.cxmap', (dialogs: ReturnType<typeof dialogsWith>) => dialogs.chooseSaveTarget('x')],
  ])('asks before %s replaces it, and answers null when the user cancels', async (_label, name, choose) => {
    await writeFile(path.join(dir, name), 'last week');
    const cancelled = fakeDialog({ save: path.join(dir, 'toner'), button: 1 });
    expect(await choose(dialogsWith(cancelled))).toBeNull();
    expect(cancelled.showMessageBox).toHaveBeenCalledWith(liveWindow, replaceQuestion(name));

    const replaced = fakeDialog({ save: path.join(dir, 'toner'), button: 0 });
    expect(await choose(dialogsWith(replaced))).toBe(path.join(dir, name));
  });

  it('asks nothing when no such file exists, or when the dialog itself confirmed the full name', async () => {
    const fresh = fakeDialog({ save: path.join(dir, 'toner') });
    expect(await dialogsWith(fresh).chooseExportTarget('print-pdf', 'x')).toBe(path.join(dir, 'toner.pdf'));
    await writeFile(path.join(dir, 'toner.pdf'), 'pages');
    const typed = fakeDialog({ save: path.join(dir, 'toner.pdf') });
    expect(await dialogsWith(typed).chooseExportTarget('print-pdf', 'x')).toBe(path.join(dir, 'toner.pdf'));
    expect(fresh.showMessageBox).not.toHaveBeenCalled();
    expect(typed.showMessageBox).not.toHaveBeenCalled();
  });
});
