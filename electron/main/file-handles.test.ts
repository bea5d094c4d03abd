import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileHandles, HANDLES_KEPT } from './file-handles.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

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
    expect(await handles.pathOf(a)).toBe(path.resolve('/maps/a.cxmap'));
    expect(await handles.pathOf(b)).toBe(path.resolve('/maps/b.cxmap'));
  });

  it('gives the same path the same handle, so a linked map recognises its file', async () => {
    const handles = createFileHandles(store);
    const first = await handles.handleFor('/maps/a.cxmap');
    expect(await handles.handleFor('/maps/../maps/a.cxmap')).toBe(first);
  });

  it('knows nothing behind a handle it never minted', async () => {
    const handles = createFileHandles(store);
    await handles.handleFor('/maps/a.cxmap');
    expect(await handles.pathOf('3b241101-e2bb-4255-8caf-4136c566a962')).toBeNull();
  });

  it('keeps its handles across a restart', async () => {
    const handle = await createFileHandles(store).handleFor('/maps/a.cxmap');
    const restarted = createFileHandles(store);
    expect(await restarted.pathOf(handle)).toBe(path.resolve('/maps/a.cxmap'));
    expect(await restarted.handleFor('/maps/a.cxmap')).toBe(handle);
  });

  it('keeps only the newest handles, counting each use as new', async () => {
    const handles = createFileHandles(store, { keep: 3 });
    const a = await handles.handleFor('/a.cxmap');
    const b = await handles.handleFor('/b.cxmap');
    await handles.handleFor('/c.cxmap');
    await handles.handleFor('/a.cxmap');
    const d = await handles.handleFor('/d.cxmap');
    expect(await handles.pathOf(b)).toBeNull();
    expect(await handles.pathOf(a)).toBe(path.resolve('/a.cxmap'));
    expect(await handles.pathOf(d)).toBe(path.resolve('/d.cxmap'));
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
    expect(await handles.pathOf(first)).toBeNull();
    expect(await handles.pathOf(second)).toBe(path.resolve('/maps/1.cxmap'));
  });

  it('starts empty from a damaged file, and replaces it on the next handle', async () => {
    await writeFile(store, '{"handles": [{"handle": "not-a-uuid", "path": 5}');
    const handles = createFileHandles(store);
    expect(await handles.pathOf('3b241101-e2bb-4255-8caf-4136c566a962')).toBeNull();
    const handle = await handles.handleFor('/a.cxmap');
    expect(await createFileHandles(store).pathOf(handle)).toBe(path.resolve('/a.cxmap'));
  });

  it('still hands out a handle when it cannot store the table', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await writeFile(path.join(userData, 'blocker'), '');
    const handles = createFileHandles(path.join(userData, 'blocker', 'file-handles.json'));
    const handle = await handles.handleFor('/a.cxmap');
    expect(await handles.pathOf(handle)).toBe(path.resolve('/a.cxmap'));
    expect(console.warn).toHaveBeenCalled();
  });
});
