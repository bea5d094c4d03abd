import { EventEmitter } from 'node:events';
import type { IpcRenderer } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { EVENTS, INVOKE, type MenuCommand } from '../../shared/ipc/contract.ts';
import { createBridge } from './bridge.ts';

function fakeIpc(pathForFile: (file: File) => string = () => '') {
  const emitter = new EventEmitter();
  const invoke = vi.fn(
    async (channel: string, ..._args: unknown[]): Promise<unknown> => `result of ${channel}`,
  );
  const ipc = {
    invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) => emitter.on(channel, listener),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      emitter.removeListener(channel, listener),
  };
  const fromMain = (channel: string, ...args: unknown[]): void => {
    emitter.emit(channel, { senderId: 0 }, ...args);
  };
  const webUtils = { getPathForFile: vi.fn(pathForFile) };
  return {
    bridge: createBridge(ipc as unknown as IpcRenderer, webUtils),
    invoke,
    fromMain,
    emitter,
    webUtils,
  };
}

describe('preload bridge', () => {
  it('exposes exactly the methods of the contract, and no way to send on other channels', () => {
    const { bridge } = fakeIpc();
    expect(Object.keys(bridge).sort()).toEqual(
      [
        'appInfo',
        'listBackups',
        'onFlushRequest',
        'onMenuCommand',
        'readBackup',
        'writeBackup',
        'openFile',
        'openDroppedFile',
        'saveFile',
        'saveFileAs',
        'onOpenFile',
        'beginExport',
        'writeExport',
        'finishExport',
        'abortExport',
        'saveText',
        'openProjector',
        'closeProjector',
        'setFullScreen',
        'roomAddresses',
        'openRoom',
        'closeRoom',
        'setRoomRound',
        'setRoomVote',
        'setRoomMap',
        'setRoomScreen',
        'removeParticipant',
        'onRoomEvent',
      ].sort(),
    );
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('invokes one channel per method with the caller’s arguments', async () => {
    const { bridge, invoke } = fakeIpc();
    const backup = { mapId: 'map-1', name: 'Onboarding', content: '{}' };
    expect(await bridge.appInfo()).toBe(`result of ${INVOKE.appInfo}`);
    await bridge.writeBackup(backup);
    await bridge.listBackups();
    await bridge.readBackup('map-1');
    await bridge.openFile('merge');
    await bridge.saveFile('3b241101-e2bb-4255-8caf-4136c566a962', '{}');
    await bridge.saveFileAs('Toner', '{}');
    const token = '3b241101-e2bb-4255-8caf-4136c566a962';
    const bytes = new Uint8Array([1, 2, 3]);
    await bridge.beginExport('poster-png', 'Toner poster');
    await bridge.writeExport(token, bytes);
    await bridge.finishExport(token);
    await bridge.abortExport(token);
    await bridge.saveText('csv', 'Toner - gap list', 'Stage,Change\n');
    await bridge.openProjector('V1StGXR8_Z5jdHi6B');
    await bridge.closeProjector();
    await bridge.setFullScreen(true);
    expect(invoke.mock.calls).toEqual([
      [INVOKE.appInfo],
      [INVOKE.writeBackup, backup],
      [INVOKE.listBackups],
      [INVOKE.readBackup, 'map-1'],
      [INVOKE.openFile, 'merge'],
      [INVOKE.saveFile, '3b241101-e2bb-4255-8caf-4136c566a962', '{}'],
      [INVOKE.saveFileAs, 'Toner', '{}'],
      [INVOKE.beginExport, 'poster-png', 'Toner poster'],
      [INVOKE.writeExport, token, bytes],
      [INVOKE.finishExport, token],
      [INVOKE.abortExport, token],
      [INVOKE.saveText, 'csv', 'Toner - gap list', 'Stage,Change\n'],
      [INVOKE.openProjector, 'V1StGXR8_Z5jdHi6B'],
      [INVOKE.closeProjector],
      [INVOKE.setFullScreen, true],
    ]);
  });

  it('delivers menu commands without the IPC event, ignores unknown ones, and unsubscribes', () => {
    const { bridge, fromMain } = fakeIpc();
    const received: unknown[][] = [];
    const unsubscribe = bridge.onMenuCommand((...args: unknown[]) => received.push(args));
    fromMain(EVENTS.menuCommand, 'undo' satisfies MenuCommand);
    fromMain(EVENTS.menuCommand, 'format-disk');
    fromMain(EVENTS.menuCommand, { command: 'undo' });
    expect(received).toEqual([['undo']]);
    unsubscribe();
    fromMain(EVENTS.menuCommand, 'redo');
    expect(received).toEqual([['undo']]);
  });

  it('confirms a flush with the request token only after the listener finished saving', async () => {
    const { bridge, fromMain, invoke } = fakeIpc();
    let finishSaving: () => void = () => undefined;
    bridge.onFlushRequest(() => new Promise<void>((resolve) => (finishSaving = resolve)));
    fromMain(EVENTS.flushRequest, 'token-7');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(invoke).not.toHaveBeenCalled();

    finishSaving();
    await vi.waitFor(() => expect(invoke).toHaveBeenCalledWith(INVOKE.flushDone, 'token-7'));
    expect(invoke).toHaveBeenCalledTimes(1);
  });

  it('confirms even when a listener fails, so quitting is never blocked by a renderer error', async () => {
    const { bridge, fromMain, invoke } = fakeIpc();
    bridge.onFlushRequest(async () => {
      throw new Error('quota exceeded');
    });
    bridge.onFlushRequest(() => {
      throw new Error('synchronous failure');
    });
    fromMain(EVENTS.flushRequest, 'token-8');
    await vi.waitFor(() => expect(invoke).toHaveBeenCalledWith(INVOKE.flushDone, 'token-8'));
  });

  it('confirms at once when nothing is subscribed, and stops calling unsubscribed listeners', async () => {
    const { bridge, fromMain, invoke } = fakeIpc();
    const listener = vi.fn(async () => undefined);
    bridge.onFlushRequest(listener)();
    fromMain(EVENTS.flushRequest, 'token-9');
    await vi.waitFor(() => expect(invoke).toHaveBeenCalledWith(INVOKE.flushDone, 'token-9'));
    expect(listener).not.toHaveBeenCalled();
  });

  it('opens a dropped file through main by the path the preload reads from it', async () => {
    const { bridge, invoke, webUtils } = fakeIpc(() => '/home/ana/toner.cxmap');
    const file = new File(['{}'], 'toner.cxmap');
    expect(await bridge.openDroppedFile(file)).toBe(`result of ${INVOKE.openDroppedFile}`);
    expect(webUtils.getPathForFile).toHaveBeenCalledWith(file);
    expect(invoke).toHaveBeenCalledWith(INVOKE.openDroppedFile, '/home/ana/toner.cxmap');
  });

  it('reads a dropped file without a path itself, unlinked, with the same limits', async () => {
    const { bridge, invoke } = fakeIpc(() => '');
    const opened = await bridge.openDroppedFile(new File(['{"map":1}'], 'attachment.cxmap'));
    expect(opened).toEqual({
      handle: null,
      name: 'attachment.cxmap',
      bytes: new TextEncoder().encode('{"map":1}'),
    });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('delivers files opened from outside, after checking their shape', () => {
    const { bridge, fromMain } = fakeIpc();
    const received: unknown[] = [];
    bridge.onOpenFile((file) => received.push(file));
    const file = { handle: null, name: 'toner.cxmap', bytes: new Uint8Array([123, 125]) };
    fromMain(EVENTS.openFile, file);
    fromMain(EVENTS.openFile, { handle: 5, name: 'x', bytes: new Uint8Array() });
    fromMain(EVENTS.openFile, { handle: null, name: 'x', bytes: '{}' });
    fromMain(EVENTS.openFile, null);
    expect(received).toEqual([file]);
  });

  it('keeps files that arrive before the app subscribes, for its first listener', async () => {
    const { bridge, fromMain } = fakeIpc();
    const early = {
      handle: '3b241101-e2bb-4255-8caf-4136c566a962',
      name: 'a.cxmap',
      bytes: new Uint8Array([1]),
    };
    fromMain(EVENTS.openFile, early);
    const first = vi.fn();
    const second = vi.fn();
    const stop = bridge.onOpenFile(first);
    bridge.onOpenFile(second);
    await vi.waitFor(() => expect(first).toHaveBeenCalledWith(early));
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();

    stop();
    const later = { ...early, name: 'b.cxmap' };
    fromMain(EVENTS.openFile, later);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledWith(later);
  });
});
