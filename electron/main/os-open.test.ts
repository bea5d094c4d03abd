import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenedFile, OpenResult } from '../../shared/ipc/contract.ts';
import { createOutsideOpener, filesFromArgv, isOpenablePath } from './os-open.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jw-argv-'));
  await writeFile(path.join(dir, 'toner.cxmap'), '{}');
  await writeFile(path.join(dir, 'POSTER.PNG'), 'png');
  await writeFile(path.join(dir, 'notes.txt'), 'text');
  await mkdir(path.join(dir, 'folder.cxmap'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('filesFromArgv', () => {
  it('takes existing .cxmap and .png files and ignores everything else', async () => {
    const argv = [
      path.join(dir, 'journeywall.cxmap'), // the executable comes first, whatever its name
      '--allow-file-access-from-files',
      '--inspect=9229',
      '-psn_0_12345',
      path.join(dir, 'toner.cxmap'),
      path.join(dir, 'missing.cxmap'),
      path.join(dir, 'notes.txt'),
      path.join(dir, 'folder.cxmap'),
      path.join(dir, 'POSTER.PNG'),
      '',
      path.join(dir, 'toner.cxmap'),
    ];
    expect(await filesFromArgv(argv, '/')).toEqual([
      path.join(dir, 'toner.cxmap'),
      path.join(dir, 'POSTER.PNG'),
    ]);
  });

  it('resolves relative paths against the launching working directory', async () => {
    expect(await filesFromArgv(['journeywall', 'toner.cxmap', '.'], dir)).toEqual([
      path.join(dir, 'toner.cxmap'),
    ]);
  });

  it('takes file:// URIs, as the Linux .desktop entry passes them', async () => {
    await writeFile(path.join(dir, 'Toner map #2 é.cxmap'), '{}');
    const uri = pathToFileURL(path.join(dir, 'Toner map #2 é.cxmap')).href;
    expect(uri).toContain('%20');
    expect(
      await filesFromArgv(
        [
          '/opt/Journeywall/journeywall',
          uri,
          pathToFileURL(path.join(dir, 'POSTER.PNG')).href,
          pathToFileURL(path.join(dir, 'missing.cxmap')).href,
          pathToFileURL(path.join(dir, 'notes.txt')).href,
          'file://fileserver/share/toner.cxmap',
          'file:not a uri',
          'https://example.com/toner.cxmap',
        ],
        '/',
      ),
    ).toEqual([path.join(dir, 'Toner map #2 é.cxmap'), path.join(dir, 'POSTER.PNG')]);
  });

  it('takes nothing from a plain launch', async () => {
    expect(await filesFromArgv(['/opt/Journeywall/journeywall'], dir)).toEqual([]);
    expect(await filesFromArgv(['electron', '.'], dir)).toEqual([]);
  });
});

describe('isOpenablePath', () => {
  it('accepts only absolute paths of existing map or poster files', async () => {
    expect(await isOpenablePath(path.join(dir, 'toner.cxmap'))).toBe(true);
    expect(await isOpenablePath(path.join(dir, 'POSTER.PNG'))).toBe(true);
    expect(await isOpenablePath('toner.cxmap')).toBe(false);
    expect(await isOpenablePath(path.join(dir, 'notes.txt'))).toBe(false);
    expect(await isOpenablePath(path.join(dir, 'folder.cxmap'))).toBe(false);
    expect(await isOpenablePath(path.join(dir, 'missing.cxmap'))).toBe(false);
  });
});

describe('outside opener', () => {
  const opened = (filePath: string): OpenedFile => ({
    handle: null,
    name: path.basename(filePath),
    bytes: new TextEncoder().encode(filePath),
  });

  function opener(open: (filePath: string) => Promise<OpenResult> = async (p) => opened(p)) {
    const sent: OpenedFile[] = [];
    const errors: Array<[string, string]> = [];
    const outside = createOutsideOpener({
      open: vi.fn(open),
      send: (file) => sent.push(file),
      showError: (filePath, message) => {
        errors.push([filePath, message]);
      },
    });
    return { outside, sent, errors };
  }

  /** Lets every promise callback already due run: the opener's reads here are promises. */
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('holds files until the renderer is ready, then sends them in order', async () => {
    const { outside, sent } = opener();
    outside.request('/maps/a.cxmap');
    outside.request('/maps/b.cxmap');
    await settle();
    expect(sent).toEqual([]);
    outside.setReady(true);
    await vi.waitFor(() => expect(sent.map((file) => file.name)).toEqual(['a.cxmap', 'b.cxmap']));
    outside.request('/maps/c.cxmap');
    await vi.waitFor(() => expect(sent.map((file) => file.name)).toEqual(['a.cxmap', 'b.cxmap', 'c.cxmap']));
  });

  it('waits again while the renderer reloads', async () => {
    const { outside, sent } = opener();
    outside.setReady(true);
    outside.setReady(false);
    outside.request('/maps/a.cxmap');
    await settle();
    expect(sent).toEqual([]);
    outside.setReady(true);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
  });

  it('keeps a file that was read while the renderer went away, for when it is back', async () => {
    let finishReading: () => void = () => undefined;
    const reading = new Promise<void>((resolve) => (finishReading = resolve));
    const { outside, sent } = opener(async (filePath) => {
      await reading;
      return opened(filePath);
    });
    outside.setReady(true);
    outside.request('/maps/a.cxmap');
    outside.setReady(false);
    finishReading();
    await settle();
    expect(sent).toEqual([]);
    outside.setReady(true);
    await vi.waitFor(() => expect(sent.map((file) => file.name)).toEqual(['a.cxmap']));
  });

  it('shows why a file could not be opened instead of sending it', async () => {
    const { outside, sent, errors } = opener(async (filePath) =>
      filePath.endsWith('bad.cxmap') ? { error: 'bad.cxmap was not found.' } : opened(filePath),
    );
    outside.setReady(true);
    outside.request('/maps/bad.cxmap');
    outside.request('/maps/good.cxmap');
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(errors).toEqual([['/maps/bad.cxmap', 'bad.cxmap was not found.']]);
  });
});
