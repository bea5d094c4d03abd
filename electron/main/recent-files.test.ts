import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecentFiles, RECENT_KEPT, recentFileLabels } from './recent-files.ts';

let userData: string;
let store: string;

beforeEach(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'jw-recent-'));
  store = path.join(userData, 'recent-files.json');
});

afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

const abs = (p: string): string => path.resolve(p);

describe('recent files', () => {
  it('lists files newest first, each once', async () => {
    const recent = createRecentFiles(store);
    await recent.load();
    await recent.add('/maps/a.cxmap');
    await recent.add('/maps/b.cxmap');
    await recent.add('/maps/a.cxmap');
    expect(recent.list()).toEqual([abs('/maps/a.cxmap'), abs('/maps/b.cxmap')]);
  });

  it(`keeps the ${RECENT_KEPT} newest`, async () => {
    const recent = createRecentFiles(store);
    for (let i = 1; i <= 13; i++) await recent.add(`/maps/${i}.cxmap`);
    expect(recent.list()).toHaveLength(10);
    expect(recent.list()[0]).toBe(abs('/maps/13.cxmap'));
    expect(recent.list()[9]).toBe(abs('/maps/4.cxmap'));
  });

  it('remembers the list across a restart, and forgets it when cleared', async () => {
    const recent = createRecentFiles(store);
    await recent.add('/maps/a.cxmap');
    await recent.add('/maps/b.cxmap');
    const restarted = createRecentFiles(store);
    expect(restarted.list()).toEqual([]);
    expect(await restarted.load()).toEqual([abs('/maps/b.cxmap'), abs('/maps/a.cxmap')]);
    await restarted.remove('/maps/b.cxmap');
    expect(restarted.list()).toEqual([abs('/maps/a.cxmap')]);
    await restarted.clear();
    expect(await createRecentFiles(store).load()).toEqual([]);
  });

  it('tells the listener about every change', async () => {
    const onChange = vi.fn();
    const recent = createRecentFiles(store, onChange);
    await recent.add('/maps/a.cxmap');
    await recent.clear();
    expect(onChange.mock.calls).toEqual([[[abs('/maps/a.cxmap')]], [[]]]);
  });

  it('loads a damaged or over-long stored list safely', async () => {
    await writeFile(store, 'not json');
    expect(await createRecentFiles(store).load()).toEqual([]);
    const files = Array.from({ length: 30 }, (_, i) => abs(`/m/${i % 15}.cxmap`));
    await writeFile(store, JSON.stringify({ files }));
    const loaded = await createRecentFiles(store).load();
    expect(loaded).toHaveLength(10);
    expect(new Set(loaded).size).toBe(10);
  });
});

describe('recentFileLabels', () => {
  it('shows file names, adding the folder only where two files share a name', () => {
    const files = ['/team/a/toner.cxmap', '/team/b/toner.cxmap', '/team/onboarding.cxmap'].map(abs);
    expect(recentFileLabels(files)).toEqual([
      `toner.cxmap — ${path.dirname(abs('/team/a/toner.cxmap'))}`,
      `toner.cxmap — ${path.dirname(abs('/team/b/toner.cxmap'))}`,
      'onboarding.cxmap',
    ]);
  });

  it('doubles ampersands so menus show them instead of underlining the next letter', () => {
    expect(recentFileLabels([abs('/maps/Sales & Service.cxmap')])).toEqual(['Sales && Service.cxmap']);
  });
});
