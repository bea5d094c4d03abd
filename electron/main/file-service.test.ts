/**
 * Opening and saving through the service the IPC handlers call: fake dialogs answer as a user
 * would, and everything else (files, handles, recent list) is real, in a temp folder.
 */
import { mkdir, mkdtemp, open, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenedFile, OpenPurpose } from '../../shared/ipc/contract.ts';
import { IPC_LIMITS } from '../../shared/ipc/contract.ts';
import { chunk, posterPng } from '../../shared/ipc/test-support/poster-png.ts';
import type { FileDialogs } from './file-dialogs.ts';
import { createFileHandles } from './file-handles.ts';
import { createFileService } from './file-service.ts';
import { createPendingWrites } from './pending-writes.ts';
import { createRecentFiles } from './recent-files.ts';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, open: vi.fn(actual.open) };
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let root: string;
let userData: string;
let maps: string;
let answers: { open: string | null; save: string | null };
let dialogs: FileDialogs & {
  chooseFileToOpen: ReturnType<typeof vi.fn<(purpose: OpenPurpose) => Promise<string | null>>>;
  chooseSaveTarget: ReturnType<typeof vi.fn<(name: string, directory?: string) => Promise<string | null>>>;
};
let addRecentDocument: ReturnType<typeof vi.fn<(filePath: string) => void>>;

/** A service as main builds it at launch; calling it again simulates a restart of the app. */
function launch() {
  const recent = createRecentFiles(path.join(userData, 'recent-files.json'));
  const writes = createPendingWrites();
  const service = createFileService({
    dialogs,
    handles: createFileHandles(path.join(userData, 'file-handles.json')),
    recent,
    addRecentDocument,
    writes,
  });
  return { service, recent, writes };
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'jw-files-'));
  userData = path.join(root, 'userData');
  maps = path.join(root, 'maps');
  await Promise.all([mkdir(userData), mkdir(maps)]);
  answers = { open: null, save: null };
  dialogs = {
    chooseFileToOpen: vi.fn(async () => answers.open),
    chooseSaveTarget: vi.fn(async () => answers.save),
    chooseExportTarget: vi.fn(async () => null),
    showOpenError: vi.fn(async () => undefined),
  };
  addRecentDocument = vi.fn();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(root, { recursive: true, force: true });
});

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

function expectOpened(result: unknown): OpenedFile {
  expect(result).toMatchObject({ name: expect.any(String), bytes: expect.any(Uint8Array) });
  return result as OpenedFile;
}

describe('opening through the dialog', () => {
  it('answers null when the user cancels', async () => {
    const { service, recent } = launch();
    expect(await service.openFile('merge')).toBeNull();
    expect(dialogs.chooseFileToOpen).toHaveBeenCalledWith('merge');
    expect(recent.list()).toEqual([]);
  });

  it('reads the chosen file and hands out a handle, not the path', async () => {
    const file = path.join(maps, 'toner.cxmap');
    await writeFile(file, '{"type":"journeywall-map"}');
    answers.open = file;
    const { service, recent } = launch();

    const opened = expectOpened(await service.openFile('open'));

    expect(opened.handle).toMatch(UUID);
    expect(opened.name).toBe('toner.cxmap');
    expect(text(opened.bytes)).toBe('{"type":"journeywall-map"}');
    expect(JSON.stringify({ ...opened, bytes: null })).not.toContain(maps);
    expect(recent.list()).toEqual([file]);
    expect(addRecentDocument).toHaveBeenCalledWith(file);
  });

  it('gives the same file the same handle each time it is opened', async () => {
    const file = path.join(maps, 'toner.cxmap');
    await writeFile(file, '{}');
    answers.open = file;
    const { service } = launch();
    const first = expectOpened(await service.openFile('open'));
    const again = expectOpened(await service.openFile('merge'));
    expect(again.handle).toBe(first.handle);
  });

  it('opens a poster without a handle, so it is never overwritten by a map', async () => {
    const file = path.join(maps, 'wall.png');
    await writeFile(file, posterPng(64, 64, [chunk('iTXt', new TextEncoder().encode('map\0\0\0\0\0{}'))]));
    answers.open = file;
    const opened = expectOpened(await launch().service.openFile('open'));
    expect(opened.handle).toBeNull();
    expect(opened.name).toBe('wall.png');
    expect(text(opened.bytes.subarray(1, 4))).toBe('PNG');
  });

  it('refuses a file that is too large with a message, not an exception', async () => {
    const file = path.join(maps, 'huge.cxmap');
    await writeFile(file, '');
    await truncate(file, IPC_LIMITS.fileBytes * 2);
    answers.open = file;
    expect(await launch().service.openFile('open')).toEqual({
      error: 'This file is too large to open (100.0 MB; the limit is 50 MB).',
    });
  });
});

describe('saving', () => {
  it('Save As answers null when cancelled and writes nothing', async () => {
    const { service } = launch();
    expect(await service.saveFileAs('Toner', '{}')).toBeNull();
    expect(dialogs.chooseSaveTarget).toHaveBeenCalledWith('Toner');
    expect(await readdir(maps)).toEqual([]);
  });

  it('Save As writes the chosen file and returns a handle that later saves go through', async () => {
    const file = path.join(maps, 'toner.cxmap');
    answers.save = file;
    const { service, recent } = launch();

    const saved = await service.saveFileAs('Toner', 'version 1');
    expect(saved).toEqual({ handle: expect.stringMatching(UUID), name: 'toner.cxmap' });
    expect(await readFile(file, 'utf8')).toBe('version 1');
    expect(recent.list()).toEqual([file]);

    const handle = (saved as { handle: string }).handle;
    expect(await service.saveFile(handle, 'version 2')).toEqual({ handle, name: 'toner.cxmap' });
    expect(await readFile(file, 'utf8')).toBe('version 2');
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('version 1');
  });

  it('saves through a file’s handle after a restart', async () => {
    const file = path.join(maps, 'toner.cxmap');
    await writeFile(file, 'from disk');
    answers.open = file;
    const handle = expectOpened(await launch().service.openFile('open')).handle ?? '';

    const { service: restarted } = launch();
    expect(await restarted.saveFile(handle, 'after restart')).toEqual({ handle, name: 'toner.cxmap' });
    expect(await readFile(file, 'utf8')).toBe('after restart');
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('from disk');
  });

  it('refuses a handle it never minted, writing nothing', async () => {
    const { service } = launch();
    expect(await service.saveFile('3b241101-e2bb-4255-8caf-4136c566a962', 'x')).toEqual({
      error: 'Journeywall no longer knows where this file is. Use Save As… to choose where to save the map.',
    });
    expect(await readdir(maps)).toEqual([]);
  });

  it('explains a full disk and leaves the file as it was', async () => {
    const file = path.join(maps, 'toner.cxmap');
    answers.save = file;
    const { service } = launch();
    const { handle } = (await service.saveFileAs('Toner', 'version 1')) as { handle: string };

    const actual = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
    vi.mocked(open).mockImplementationOnce(async (...args: Parameters<typeof actual.open>) => {
      const handleOnDisk = await actual.open(...args);
      return Object.assign(handleOnDisk, {
        writeFile: async () => {
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        },
      });
    });

    expect(await service.saveFile(handle, 'version 2')).toEqual({
      error: 'The disk is full: the map was not saved to toner.cxmap. Your work is safe in Journeywall.',
    });
    expect(await readFile(file, 'utf8')).toBe('version 1');
    expect((await readdir(maps)).sort()).toEqual(['toner.cxmap']);
  });

  it('counts a save as under way until its file is complete, for quitting to wait for', async () => {
    const file = path.join(maps, 'toner.cxmap');
    answers.save = file;
    const { service, writes } = launch();
    const actual = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
    let finishWriting: () => void = () => undefined;
    const writing = new Promise<void>((resolve) => (finishWriting = resolve));
    let reachedWrite = false;
    vi.mocked(open).mockImplementationOnce(async (...args: Parameters<typeof actual.open>) => {
      const handleOnDisk = await actual.open(...args);
      return Object.assign(handleOnDisk, {
        writeFile: async (data: string) => {
          reachedWrite = true;
          await writing;
          await actual.writeFile(handleOnDisk, data);
        },
      });
    });

    const saving = service.saveFileAs('Toner', 'version 1');
    await vi.waitFor(() => expect(reachedWrite).toBe(true));
    let idle = false;
    void writes.idle().then(() => (idle = true));
    // The save waits on its write and nothing else: any promise callback already due runs first.
    await new Promise((resolve) => setImmediate(resolve));
    expect(idle).toBe(false);

    finishWriting();
    await vi.waitFor(() => expect(idle).toBe(true));
    expect(await saving).toMatchObject({ name: 'toner.cxmap' });
    expect(await readFile(file, 'utf8')).toBe('version 1');
  });

  it('runs saves to one file one at a time, in order', async () => {
    const file = path.join(maps, 'toner.cxmap');
    answers.save = file;
    const { service } = launch();
    const { handle } = (await service.saveFileAs('Toner', 'version 0')) as { handle: string };
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => service.saveFile(handle, `version ${i}`)));
    expect(results.every((result) => result !== null && 'handle' in result)).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('version 5');
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('version 4');
    expect((await readdir(maps)).sort()).toEqual(['toner.cxmap', 'toner.cxmap.bak']);
  });
});

describe('opening a dropped file or a recent one', () => {
  /** A map the user never chose in a dialog, named by the renderer as a dropped file's path. */
  async function dropped(name = 'dropped.cxmap', content = 'as dropped') {
    const file = path.join(maps, name);
    await writeFile(file, content);
    const { service } = launch();
    const opened = expectOpened(await service.openDroppedPath(file));
    return { file, service, opened };
  }

  it('opens a dropped map with a handle that saves only through the Save dialog, at the file', async () => {
    const { file, service, opened } = await dropped();
    expect(opened.handle).toMatch(UUID);
    expect(text(opened.bytes)).toBe('as dropped');

    expect(await service.saveFile(opened.handle ?? '', 'edited')).toBeNull();
    expect(dialogs.chooseSaveTarget).toHaveBeenCalledWith('dropped.cxmap', maps);
    expect(await readFile(file, 'utf8')).toBe('as dropped');
    expect(await readdir(maps)).toEqual(['dropped.cxmap']);
  });

  it('saves a dropped map where the user confirmed, then saves there directly', async () => {
    const { file, service, opened } = await dropped();
    answers.save = file;
    const saved = await service.saveFile(opened.handle ?? '', 'edited');
    expect(saved).toEqual({ handle: expect.stringMatching(UUID), name: 'dropped.cxmap' });
    const { handle } = saved as { handle: string };
    expect(handle).not.toBe(opened.handle);
    expect(await readFile(file, 'utf8')).toBe('edited');

    answers.save = null;
    expect(await service.saveFile(handle, 'edited again')).toEqual({ handle, name: 'dropped.cxmap' });
    expect(await readFile(file, 'utf8')).toBe('edited again');
    expect(dialogs.chooseSaveTarget).toHaveBeenCalledTimes(1);
  });

  it('still asks before saving to a dropped map after a restart', async () => {
    const { file, opened } = await dropped();
    const { service: restarted } = launch();
    expect(await restarted.saveFile(opened.handle ?? '', 'edited')).toBeNull();
    expect(await readFile(file, 'utf8')).toBe('as dropped');
  });

  it('opens a map named .png that is not a PNG without any handle, however it comes', async () => {
    const file = path.join(maps, 'photo.png');
    await writeFile(file, '{"type":"journeywall-map"}');
    answers.open = file;
    const { service } = launch();
    expect(expectOpened(await service.openDroppedPath(file)).handle).toBeNull();
    expect(expectOpened(await service.openPath(file)).handle).toBeNull();
    expect(expectOpened(await service.openFile('open')).handle).toBeNull();
  });

  it('never writes a file other than a .cxmap behind a handle stored by an earlier version', async () => {
    const file = path.join(maps, 'photo.png');
    await writeFile(file, 'not a png');
    const handle = '3b241101-e2bb-4255-8caf-4136c566a962';
    await writeFile(
      path.join(userData, 'file-handles.json'),
      JSON.stringify({ handles: [{ handle, path: file }] }),
    );
    const { service } = launch();
    expect(await service.saveFile(handle, '{}')).toBeNull();
    expect(dialogs.chooseSaveTarget).toHaveBeenCalledWith('photo.png', maps);
    expect(await readFile(file, 'utf8')).toBe('not a png');
  });

  it.each([
    ['notes.txt', 'notes.txt is not a Journeywall map (.cxmap) or poster (.png).'],
    ['missing.cxmap', 'missing.cxmap is not a Journeywall map (.cxmap) or poster (.png).'],
  ])('refuses to open a dropped %s', async (name, message) => {
    await writeFile(path.join(maps, 'notes.txt'), 'text');
    expect(await launch().service.openDroppedPath(path.join(maps, name))).toEqual({ error: message });
  });

  it('refuses a relative dropped path', async () => {
    expect(await launch().service.openDroppedPath('dropped.cxmap')).toMatchObject({
      error: expect.any(String),
    });
  });

  it('removes a recent file that is gone from the list, saying it was not found', async () => {
    const file = path.join(maps, 'toner.cxmap');
    await writeFile(file, '{}');
    const { service, recent } = launch();
    await service.openPath(file);
    expect(recent.list()).toEqual([file]);
    await rm(file);
    expect(await service.openPath(file)).toEqual({
      error: 'toner.cxmap was not found. It may have been moved, renamed or deleted.',
    });
    expect(recent.list()).toEqual([]);
  });
});
