import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileHandles, type FileHandles, HANDLES_KEPT } from './file-handles.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The path behind a handle, whatever its access. */
const pathOf = async (handles: FileHandles, handle: string): Promise<string | null> =>
  (await handles.targetOf(handle))?.path ?? null;

let userData: string;
let store: string;

beforeEach(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'jw-handles-'));
  store = path.join(userData, 'file-handles.json');
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(userData, { recursive: true, force: true });
});

describe('file handles', () => {
  it('mints a random UUID per path and knows the path behind it', async () => {
    const handles = createFileHandles(store);
    const a = await handles.handleFor('/maps/a.cxmap');
    const b = await handles.handleFor('/maps/b.cxmap');
    expect(a).toMatch(UUID);
    expect(b).toMatch(UUID);
    expect(a).not.toBe(b);
    expect(await pathOf(handles, a)).toBe(path.resolve('/maps/a.cxmap'));
    expect(await pathOf(handles, b)).toBe(path.resolve('/maps/b.cxmap'));
  });

  it('gives the same path the same handle, so a linked map recognises its file', async () => {
    const handles = createFileHandles(store);
    const first = await handles.handleFor('/maps/a.cxmap');
    expect(await handles.handleFor('/maps/../maps/a.cxmap')).toBe(first);
  });

  it('knows nothing behind a handle it never minted', async () => {
    const handles = createFileHandles(store);
    await handles.handleFor('/maps/a.cxmap');
    expect(await pathOf(handles, '3b241101-e2bb-4255-8caf-4136c566a962')).toBeNull();
  });

  it('keeps its handles across a restart', async () => {
    const handle = await createFileHandles(store).handleFor('/maps/a.cxmap');
    const restarted = createFileHandles(store);
    expect(await pathOf(restarted, handle)).toBe(path.resolve('/maps/a.cxmap'));
    expect(await restarted.handleFor('/maps/a.cxmap')).toBe(handle);
  });

  it('keeps only the newest handles, counting each use as new', async () => {
    const handles = createFileHandles(store, { keep: 3 });
    const a = await handles.handleFor('/a.cxmap');
    const b = await handles.handleFor('/b.cxmap');
    await handles.handleFor('/c.cxmap');
    await handles.handleFor('/a.cxmap');
    const d = await handles.handleFor('/d.cxmap');
    expect(await pathOf(handles, b)).toBeNull();
    expect(await pathOf(handles, a)).toBe(path.resolve('/a.cxmap'));
    expect(await pathOf(handles, d)).toBe(path.resolve('/d.cxmap'));
    const stored = JSON.parse(await readFile(store, 'utf8'));
    expect(stored.handles.map((entry: { path: string }) => entry.path)).toEqual(
      ['/d.cxmap', '/a.cxmap', '/c.cxmap'].map((p) => path.resolve(p)),
    );
  });

  it(`by default keeps ${HANDLES_KEPT} handles`, async () => {
    const handles = createFileHandles(store);
    const first = await handles.handleFor('/maps/0.cxmap');
    const second = await handles.handleFor('/maps/1.cxmap');
    for (let i = 2; i <= HANDLES_KEPT; i++) await handles.handleFor(`/maps/${i}.cxmap`);
    expect(await pathOf(handles, first)).toBeNull();
    expect(await pathOf(handles, second)).toBe(path.resolve('/maps/1.cxmap'));
  });

  it('starts empty from a damaged file, and replaces it on the next handle', async () => {
    await writeFile(store, '{"handles": [{"handle": "not-a-uuid", "path": 5}');
    const handles = createFileHandles(store);
    expect(await pathOf(handles, '3b241101-e2bb-4255-8caf-4136c566a962')).toBeNull();
    const handle = await handles.handleFor('/a.cxmap');
    expect(await pathOf(createFileHandles(store), handle)).toBe(path.resolve('/a.cxmap'));
  });

  it('still hands out a handle when it cannot store the table', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await writeFile(path.join(userData, 'blocker'), '');
    const handles = createFileHandles(path.join(userData, 'blocker', 'file-handles.json'));
    const handle = await handles.handleFor('/a.cxmap');
    expect(await pathOf(handles, handle)).toBe(path.resolve('/a.cxmap'));
    expect(console.warn).toHaveBeenCalled();
  });

  it('keeps a dropped file’s read handle apart from the write handle of the same file', async () => {
    const handles = createFileHandles(store);
    const read = await handles.handleFor('/maps/a.cxmap', 'read');
    const write = await handles.handleFor('/maps/a.cxmap');
    expect(read).not.toBe(write);
    expect(await handles.handleFor('/maps/a.cxmap', 'read')).toBe(read);
    const restarted = createFileHandles(store);
    expect(await restarted.targetOf(read)).toEqual({ path: path.resolve('/maps/a.cxmap'), access: 'read' });
    expect(await restarted.targetOf(write)).toEqual({ path: path.resolve('/maps/a.cxmap'), access: 'write' });
  });

  it('reads a table stored before read handles existed as write handles', async () => {
    const handle = '3b241101-e2bb-4255-8caf-4136c566a962';
    await writeFile(store, JSON.stringify({ handles: [{ handle, path: '/maps/a.cxmap' }] }));
    expect(await createFileHandles(store).targetOf(handle)).toEqual({
      path: '/maps/a.cxmap',
      access: 'write',
    });
  });
});
