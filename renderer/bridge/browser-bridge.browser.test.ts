import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JourneywallBridge } from '../../shared/ipc/contract.ts';
import { createBrowserBridge } from './browser-bridge.ts';
import { getBridge } from './get-bridge.ts';
import { openOpfsBackupStore } from './opfs-backup-store.ts';

const directories: string[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  const root = await navigator.storage.getDirectory();
  for (const name of directories.splice(0)) await root.removeEntry(name, { recursive: true });
});

/** A bridge whose backups live in an OPFS directory of this test's own. */
const opfsBridge = () => {
  const directory = `backups-test-${crypto.randomUUID()}`;
  directories.push(directory);
  return { directory, bridge: createBrowserBridge({ backups: () => openOpfsBackupStore(directory) }) };
};

const filesOf = async (directory: string, mapId: string): Promise<string[]> => {
  const root = await navigator.storage.getDirectory();
  const mapDirectory = await (await root.getDirectoryHandle(directory)).getDirectoryHandle(mapId);
  const names: string[] = [];
  for await (const name of (
    mapDirectory as FileSystemDirectoryHandle & { keys(): AsyncIterable<string> }
  ).keys()) {
    names.push(name);
  }
  return names.sort();
};

describe('the browser bridge', () => {
  it('says it is the browser shell', async () => {
    expect(await createBrowserBridge().appInfo()).toMatchObject({ name: 'Journeywall', shell: 'browser' });
  });

  it('keeps backups in the Origin Private File System, newest five per map', async () => {
    const { directory, bridge } = opfsBridge();
    for (let i = 1; i <= 7; i++)
      await bridge.writeBackup({ mapId: 'map-a', name: `Checkout v${i}`, content: `content ${i}` });
    await bridge.writeBackup({ mapId: 'map-b', name: 'Onboarding', content: 'ünïcode ✓' });

    expect(await bridge.readBackup('map-a')).toBe('content 7');
    expect(await bridge.readBackup('map-b')).toBe('ünïcode ✓');
    const files = await filesOf(directory, 'map-a');
    const backups = files.filter((name) => name !== 'latest.json');
    expect(backups).toHaveLength(5);

    const root = await navigator.storage.getDirectory();
    const mapDirectory = await (await root.getDirectoryHandle(directory)).getDirectoryHandle('map-a');
    const contents = await Promise.all(
      backups.map(async (name) => (await (await mapDirectory.getFileHandle(name)).getFile()).text()),
    );
    expect(contents.sort()).toEqual(['content 3', 'content 4', 'content 5', 'content 6', 'content 7']);

    const entries = (await bridge.listBackups()).sort((a, b) => a.mapId.localeCompare(b.mapId));
    expect(entries).toMatchObject([
      { mapId: 'map-a', name: 'Checkout v7', bytes: 9 },
      { mapId: 'map-b', name: 'Onboarding', bytes: new TextEncoder().encode('ünïcode ✓').byteLength },
    ]);
    expect(entries[0]?.savedAt).toBeGreaterThan(0);
  });

  it('finds the backups again from a new bridge (after a reload)', async () => {
    const { directory, bridge } = opfsBridge();
    await bridge.writeBackup({ mapId: 'map-a', name: 'Checkout', content: 'kept across reloads' });
    const reloaded = createBrowserBridge({ backups: () => openOpfsBackupStore(directory) });
    expect(await reloaded.readBackup('map-a')).toBe('kept across reloads');
  });

  it('has no backup of a map it never saw, and refuses ids that are not map ids', async () => {
    const { bridge } = opfsBridge();
    expect(await bridge.readBackup('never-saved')).toBeNull();
    expect(await bridge.readBackup('../escape')).toBeNull();
    await expect(bridge.writeBackup({ mapId: '../escape', name: 'x', content: 'x' })).rejects.toThrow(
      'Invalid map id',
    );
    expect(await bridge.listBackups()).toEqual([]);
  });

  it('keeps backups in memory when the Origin Private File System is unavailable', async () => {
    vi.spyOn(navigator.storage, 'getDirectory').mockRejectedValue(
      new DOMException('denied', 'SecurityError'),
    );
    const bridge = createBrowserBridge();
    await bridge.writeBackup({ mapId: 'map-a', name: 'First', content: 'one' });
    await bridge.writeBackup({ mapId: 'map-a', name: 'Second', content: 'two' });
    expect(await bridge.readBackup('map-a')).toBe('two');
    expect(await bridge.listBackups()).toMatchObject([{ mapId: 'map-a', name: 'Second', bytes: 3 }]);
  });

  it('asks for a flush when the page is hidden for good, until unsubscribed', async () => {
    const bridge = createBrowserBridge();
    const flush = vi.fn(async () => {});
    const stop = bridge.onFlushRequest(flush);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(flush).toHaveBeenCalledTimes(1);
    stop();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('never sends menu commands', () => {
    const listener = vi.fn();
    const stop = createBrowserBridge().onMenuCommand(listener);
    stop();
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('the projector tab', () => {
  /** What window.open hands back, as far as the bridge uses it. */
  const fakeTab = () => {
    const tab = {
      closed: false,
      close: vi.fn(() => {
        tab.closed = true;
      }),
    };
    return tab;
  };
  const pageUrl = location.href;

  afterEach(() => {
    history.replaceState(null, '', pageUrl);
  });

  it('opens this page, without its own hash, as a popup for the channel id, and closes it again', async () => {
    history.replaceState(null, '', '#library');
    const tab = fakeTab();
    const open = vi.spyOn(window, 'open').mockReturnValue(tab as unknown as WindowProxy);
    const bridge = createBrowserBridge();
    expect(await bridge.openProjector('V1StGXR8_Z5jdHi6B')).toBe(true);
    const withoutHash = pageUrl.split('#')[0];
    expect(open).toHaveBeenCalledExactlyOnceWith(
      `${withoutHash}#projector=V1StGXR8_Z5jdHi6B`,
      'journeywall-projector',
      'popup,width=1280,height=720',
    );
    await bridge.closeProjector();
    expect(tab.close).toHaveBeenCalledTimes(1);
    await bridge.closeProjector();
    expect(tab.close).toHaveBeenCalledTimes(1);
  });

  it('closes the open tab before opening one for a new id', async () => {
    const first = fakeTab();
    const second = fakeTab();
    vi.spyOn(window, 'open')
      .mockReturnValueOnce(first as unknown as WindowProxy)
      .mockReturnValueOnce(second as unknown as WindowProxy);
    const bridge = createBrowserBridge();
    await bridge.openProjector('projector-1');
    await bridge.openProjector('projector-2');
    expect(first.close).toHaveBeenCalledTimes(1);
    expect(second.close).not.toHaveBeenCalled();
  });

  it('answers false when a popup blocker gives no tab, and leaves a tab the user closed alone', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const bridge = createBrowserBridge();
    expect(await bridge.openProjector('projector-1')).toBe(false);
    await bridge.closeProjector();

    const closedByUser = { ...fakeTab(), closed: true };
    open.mockReturnValue(closedByUser as unknown as WindowProxy);
    expect(await bridge.openProjector('projector-2')).toBe(true);
    await bridge.closeProjector();
    expect(closedByUser.close).not.toHaveBeenCalled();
  });

  it('asks for full screen and back, and takes a refusal quietly', async () => {
    const bridge = createBrowserBridge();
    // Outside a user gesture Chromium refuses for real.
    await expect(bridge.setFullScreen(true)).resolves.toBeUndefined();
    expect(document.fullscreenElement).toBeNull();

    const request = vi
      .spyOn(document.documentElement, 'requestFullscreen')
      .mockRejectedValue(new TypeError('Permissions check failed'));
    await expect(bridge.setFullScreen(true)).resolves.toBeUndefined();
    expect(request).toHaveBeenCalledTimes(1);

    const exit = vi.spyOn(document, 'exitFullscreen').mockResolvedValue();
    await bridge.setFullScreen(false);
    expect(exit).not.toHaveBeenCalled();
    vi.spyOn(document, 'fullscreenElement', 'get').mockReturnValue(document.documentElement);
    await bridge.setFullScreen(false);
    expect(exit).toHaveBeenCalledTimes(1);
    await bridge.setFullScreen(true);
    expect(request).toHaveBeenCalledTimes(1);
  });
});

describe('getBridge', () => {
  afterEach(() => {
    Reflect.deleteProperty(window, 'journeywall');
  });

  it('uses the bridge the desktop preload exposed', () => {
    const desktop = { ...createBrowserBridge() } satisfies JourneywallBridge;
    Object.defineProperty(window, 'journeywall', { value: desktop, configurable: true });
    expect(getBridge()).toBe(desktop);
  });

  it('falls back to the browser implementation, the same one every time', async () => {
    const bridge = getBridge();
    expect(getBridge()).toBe(bridge);
    expect((await bridge.appInfo()).shell).toBe('browser');
  });
});
