import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE, IPC_LIMITS, type MapBackup } from '../../shared/ipc/contract.ts';
import { REMOTE } from '../../test/remote-urls.ts';
import { type InvokeHandlers, isTrustedSender, registerIpcHandlers } from './ipc.ts';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

interface FakeFrame {
  url: string;
  processId: number;
  frameToken: string;
  parent: FakeFrame | null;
}

const appFrame = (overrides: Partial<FakeFrame> = {}): FakeFrame => ({
  url: 'app://journeywall/index.html',
  processId: 7,
  frameToken: 'main-frame-token',
  parent: null,
  ...overrides,
});

function fakeWindow(destroyed = false): BrowserWindow {
  return {
    isDestroyed: () => destroyed,
    webContents: { id: 3, mainFrame: appFrame() },
  } as unknown as BrowserWindow;
}

function eventFrom(frame: FakeFrame | null, senderId = 3): IpcMainInvokeEvent {
  return { sender: { id: senderId }, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

const goodBackup: MapBackup = { mapId: 'V1StGXR8_Z5jdHi6B-myT', name: 'Onboarding', content: '{"notes":[]}' };

let listeners: Map<string, Listener>;
let handlers: { [K in keyof InvokeHandlers]: ReturnType<typeof vi.fn> };
let window: BrowserWindow | null;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  listeners = new Map();
  window = fakeWindow();
  handlers = {
    appInfo: vi.fn(() => ({ name: 'Journeywall', version: '0.1.0', shell: 'desktop', platform: 'linux' })),
    writeBackup: vi.fn(async () => undefined),
    listBackups: vi.fn(async () => []),
    readBackup: vi.fn(async () => 'content'),
    flushDone: vi.fn(),
    openFile: vi.fn(async () => null),
    openDroppedFile: vi.fn(async () => ({ error: 'not a map' })),
    saveFile: vi.fn(async (handle: string) => ({ handle, name: 'toner.cxmap' })),
    saveFileAs: vi.fn(async () => null),
    beginExport: vi.fn(async () => null),
    writeExport: vi.fn(async () => null),
    finishExport: vi.fn(async () => ({ name: 'poster.png' })),
    abortExport: vi.fn(async () => undefined),
    saveText: vi.fn(async () => ({ name: 'Toner - gap list.csv' })),
    openProjector: vi.fn(() => true),
    closeProjector: vi.fn(),
    setFullScreen: vi.fn(),
    roomAddresses: vi.fn(() => []),
    openRoom: vi.fn(async () => ({ error: 'no network' })),
    closeRoom: vi.fn(async () => undefined),
    setRoomRound: vi.fn(),
    setRoomVote: vi.fn(),
    setRoomMap: vi.fn(),
    setRoomScreen: vi.fn(),
    removeParticipant: vi.fn(),
  };
  const ipcMain = { handle: (channel: string, listener: Listener) => listeners.set(channel, listener) };
  registerIpcHandlers(ipcMain as unknown as IpcMain, () => window, handlers as unknown as InvokeHandlers);
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  warn.mockRestore();
});

async function invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
  const listener = listeners.get(channel);
  if (!listener) throw new Error(`no handler for ${channel}`);
  return listener(event, ...args);
}

const fromApp = (): IpcMainInvokeEvent => eventFrom(appFrame());

describe('IPC registration', () => {
  it('handles every invoke channel of the contract', () => {
    expect([...listeners.keys()].sort()).toEqual(Object.values(INVOKE).sort());
  });

  it('runs valid calls from the app window and returns their results', async () => {
    expect(await invoke(INVOKE.appInfo, fromApp())).toMatchObject({ name: 'Journeywall', shell: 'desktop' });
    await invoke(INVOKE.writeBackup, fromApp(), goodBackup);
    expect(handlers.writeBackup).toHaveBeenCalledWith(goodBackup);
    expect(await invoke(INVOKE.readBackup, fromApp(), 'map_1-A')).toBe('content');
    expect(handlers.readBackup).toHaveBeenCalledWith('map_1-A');
    expect(await invoke(INVOKE.listBackups, fromApp())).toEqual([]);
    await invoke(INVOKE.flushDone, fromApp(), '3b241101-e2bb-4255-8caf-4136c566a962');
    expect(handlers.flushDone).toHaveBeenCalledWith('3b241101-e2bb-4255-8caf-4136c566a962');
  });

  it('accepts a map id of the maximum length and an empty or maximum-length name', async () => {
    await invoke(INVOKE.readBackup, fromApp(), 'a'.repeat(64));
    await invoke(INVOKE.writeBackup, fromApp(), { ...goodBackup, name: '' });
    await invoke(INVOKE.writeBackup, fromApp(), { ...goodBackup, name: 'n'.repeat(IPC_LIMITS.nameLength) });
    expect(handlers.readBackup).toHaveBeenCalledTimes(1);
    expect(handlers.writeBackup).toHaveBeenCalledTimes(2);
  });
});

describe('argument validation', () => {
  const badMapIds: unknown[] = [
    '../x',
    '',
    'a/b',
    'a\\b',
    '..',
    'a'.repeat(65),
    'map id',
    'ma\0p',
    42,
    null,
    undefined,
  ];

  it.each(badMapIds)('rejects reading the backup of map id %j without running the handler', async (mapId) => {
    await expect(invoke(INVOKE.readBackup, fromApp(), mapId)).rejects.toThrow(
      /Rejected journeywall:backup-read/,
    );
    expect(handlers.readBackup).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('[ipc] rejected journeywall:backup-read'));
  });

  it.each(['../x', '', 'a'.repeat(65)])('rejects writing a backup for map id %j', async (mapId) => {
    await expect(invoke(INVOKE.writeBackup, fromApp(), { ...goodBackup, mapId })).rejects.toThrow('Rejected');
    expect(handlers.writeBackup).not.toHaveBeenCalled();
  });

  it('rejects backup content over the byte limit, counting UTF-8 bytes rather than characters', async () => {
    const tooLong = 'a'.repeat(IPC_LIMITS.backupBytes + 1);
    await expect(invoke(INVOKE.writeBackup, fromApp(), { ...goodBackup, content: tooLong })).rejects.toThrow(
      'backup larger than',
    );
    // Half as many characters as the limit, but two bytes each in UTF-8: still too large.
    const wide = 'é'.repeat(IPC_LIMITS.backupBytes / 2 + 1);
    await expect(invoke(INVOKE.writeBackup, fromApp(), { ...goodBackup, content: wide })).rejects.toThrow(
      'backup larger than',
    );
    expect(handlers.writeBackup).not.toHaveBeenCalled();
  });

  it('accepts content of exactly the byte limit', async () => {
    await invoke(INVOKE.writeBackup, fromApp(), {
      ...goodBackup,
      content: 'é'.repeat(IPC_LIMITS.backupBytes / 2),
    });
    expect(handlers.writeBackup).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a name over the limit', { ...goodBackup, name: 'n'.repeat(IPC_LIMITS.nameLength + 1) }],
    ['an extra property', { ...goodBackup, path: '/etc/passwd' }],
    ['a missing content', { mapId: goodBackup.mapId, name: goodBackup.name }],
    ['content that is not text', { ...goodBackup, content: { notes: [] } }],
    ['no object at all', 'backup'],
  ])('rejects a backup with %s', async (_label, backup) => {
    await expect(invoke(INVOKE.writeBackup, fromApp(), backup)).rejects.toThrow('Rejected');
    expect(handlers.writeBackup).not.toHaveBeenCalled();
  });

  it('rejects extra arguments and malformed flush tokens', async () => {
    await expect(invoke(INVOKE.listBackups, fromApp(), 'unexpected')).rejects.toThrow('Rejected');
    await expect(invoke(INVOKE.readBackup, fromApp(), 'map-1', 'extra')).rejects.toThrow('Rejected');
    await expect(invoke(INVOKE.flushDone, fromApp(), 'not a token')).rejects.toThrow('Rejected');
    expect(handlers.listBackups).not.toHaveBeenCalled();
    expect(handlers.readBackup).not.toHaveBeenCalled();
    expect(handlers.flushDone).not.toHaveBeenCalled();
  });
});

describe('file channels', () => {
  const handle = '3b241101-e2bb-4255-8caf-4136c566a962';

  it('pass valid calls to their handlers and return the answer', async () => {
    expect(await invoke(INVOKE.openFile, fromApp(), 'open')).toBeNull();
    await invoke(INVOKE.openFile, fromApp(), 'merge');
    expect(handlers.openFile.mock.calls).toEqual([['open'], ['merge']]);
    expect(await invoke(INVOKE.openDroppedFile, fromApp(), '/home/ana/toner.cxmap')).toEqual({
      error: 'not a map',
    });
    expect(await invoke(INVOKE.saveFile, fromApp(), handle, '{}')).toEqual({ handle, name: 'toner.cxmap' });
    await invoke(INVOKE.saveFileAs, fromApp(), 'Toner', '{}');
    expect(handlers.saveFileAs).toHaveBeenCalledWith('Toner', '{}');
  });

  it.each([
    ['an unknown purpose', INVOKE.openFile, ['delete']],
    ['no purpose', INVOKE.openFile, []],
    ['a handle that is not a UUID', INVOKE.saveFile, ['../../etc/passwd', '{}']],
    ['a path instead of a handle', INVOKE.saveFile, ['/home/ana/toner.cxmap', '{}']],
    ['a missing content', INVOKE.saveFile, [handle]],
    ['content that is not text', INVOKE.saveFile, [handle, { notes: [] }]],
    ['a name over the limit', INVOKE.saveFileAs, ['n'.repeat(IPC_LIMITS.suggestedNameLength + 1), '{}']],
    ['a name that is not text', INVOKE.saveFileAs, [42, '{}']],
    ['an extra argument', INVOKE.saveFileAs, ['Toner', '{}', '/tmp/x.cxmap']],
    ['an empty dropped path', INVOKE.openDroppedFile, ['']],
    ['a dropped path with NUL', INVOKE.openDroppedFile, ['/tmp/a.cxmap\0.png']],
    ['a dropped path that is not text', INVOKE.openDroppedFile, [{ path: '/tmp/a.cxmap' }]],
  ] as const)('reject %s without running the handler', async (_label, channel, args) => {
    await expect(invoke(channel, fromApp(), ...args)).rejects.toThrow('Rejected');
    expect(handlers.openFile).not.toHaveBeenCalled();
    expect(handlers.openDroppedFile).not.toHaveBeenCalled();
    expect(handlers.saveFile).not.toHaveBeenCalled();
    expect(handlers.saveFileAs).not.toHaveBeenCalled();
  });

  it('reject map content over the file limit, counting UTF-8 bytes, and accept it at the limit', async () => {
    const wide = 'é'.repeat(IPC_LIMITS.fileBytes / 2 + 1);
    await expect(invoke(INVOKE.saveFile, fromApp(), handle, wide)).rejects.toThrow('map file larger than');
    await expect(invoke(INVOKE.saveFileAs, fromApp(), 'Toner', wide)).rejects.toThrow('map file larger than');
    expect(handlers.saveFile).not.toHaveBeenCalled();
    await invoke(INVOKE.saveFile, fromApp(), handle, 'é'.repeat(IPC_LIMITS.fileBytes / 2));
    expect(handlers.saveFile).toHaveBeenCalledTimes(1);
  });

  it('accept a name longer than a file name, up to the limit: main shortens it', async () => {
    await invoke(INVOKE.saveFileAs, fromApp(), 'n'.repeat(IPC_LIMITS.suggestedNameLength), '{}');
    expect(handlers.saveFileAs).toHaveBeenCalledTimes(1);
  });

  it('reject file calls from an untrusted frame', async () => {
    const iframe = eventFrom(appFrame({ parent: appFrame(), frameToken: 'child' }));
    await expect(invoke(INVOKE.saveFile, iframe, handle, '{}')).rejects.toThrow('untrusted sender');
    await expect(invoke(INVOKE.openDroppedFile, iframe, '/tmp/a.cxmap')).rejects.toThrow('untrusted sender');
    expect(handlers.saveFile).not.toHaveBeenCalled();
    expect(handlers.openDroppedFile).not.toHaveBeenCalled();
  });
});

describe('export channels', () => {
  const token = '3b241101-e2bb-4255-8caf-4136c566a962';

  it('pass valid calls to their handlers', async () => {
    await invoke(INVOKE.beginExport, fromApp(), 'poster-png', 'Toner poster A1');
    await invoke(INVOKE.beginExport, fromApp(), 'print-pdf', 'Toner pages');
    const bytes = new Uint8Array([137, 80, 78, 71]);
    await invoke(INVOKE.writeExport, fromApp(), token, bytes);
    expect(await invoke(INVOKE.finishExport, fromApp(), token)).toEqual({ name: 'poster.png' });
    await invoke(INVOKE.abortExport, fromApp(), token);
    // Longer than a file name may be: the export dialog shortens it instead of refusing it.
    await invoke(INVOKE.beginExport, fromApp(), 'poster-png', 'n'.repeat(IPC_LIMITS.fileNameLength + 1));
    expect(handlers.beginExport.mock.calls).toEqual([
      ['poster-png', 'Toner poster A1'],
      ['print-pdf', 'Toner pages'],
      ['poster-png', 'n'.repeat(IPC_LIMITS.fileNameLength + 1)],
    ]);
    expect(handlers.writeExport).toHaveBeenCalledWith(token, bytes);
    expect(handlers.abortExport).toHaveBeenCalledWith(token);
  });

  it.each([
    ['an unknown kind', INVOKE.beginExport, ['cxmap', 'Toner']],
    [
      'a name over the limit',
      INVOKE.beginExport,
      ['poster-png', 'n'.repeat(IPC_LIMITS.suggestedNameLength + 1)],
    ],
    ['a path instead of a token', INVOKE.writeExport, ['/home/ana/poster.png', new Uint8Array(1)]],
    ['text instead of bytes', INVOKE.writeExport, [token, 'PNG']],
    ['a plain array instead of bytes', INVOKE.writeExport, [token, [1, 2, 3]]],
    [
      'bytes over the write limit',
      INVOKE.writeExport,
      [token, new Uint8Array(IPC_LIMITS.exportChunkBytes + 1)],
    ],
    ['a token that is not a UUID', INVOKE.finishExport, ['../poster.png']],
    ['an extra argument', INVOKE.abortExport, [token, '/tmp/poster.png']],
  ] as const)('reject %s without running the handler', async (_label, channel, args) => {
    await expect(invoke(channel, fromApp(), ...args)).rejects.toThrow('Rejected');
    for (const handler of ['beginExport', 'writeExport', 'finishExport', 'abortExport'] as const) {
      expect(handlers[handler]).not.toHaveBeenCalled();
    }
  });

  it('reject export calls from an untrusted frame', async () => {
    const iframe = eventFrom(appFrame({ parent: appFrame(), frameToken: 'child' }));
    await expect(invoke(INVOKE.beginExport, iframe, 'poster-png', 'Toner')).rejects.toThrow(
      'untrusted sender',
    );
    expect(handlers.beginExport).not.toHaveBeenCalled();
  });
});

describe('saving text', () => {
  it('passes a valid call to its handler and returns the answer', async () => {
    expect(await invoke(INVOKE.saveText, fromApp(), 'csv', 'Toner - gap list', 'Stage,Change\n')).toEqual({
      name: 'Toner - gap list.csv',
    });
    await invoke(
      INVOKE.saveText,
      fromApp(),
      'markdown',
      'Toner - gap list',
      'é'.repeat(IPC_LIMITS.textBytes / 2),
    );
    expect(handlers.saveText.mock.calls[0]).toEqual(['csv', 'Toner - gap list', 'Stage,Change\n']);
    expect(handlers.saveText).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['an unknown kind', ['cxmap', 'Toner', '{}']],
    ['a name over the limit', ['csv', 'n'.repeat(IPC_LIMITS.suggestedNameLength + 1), '']],
    ['text that is not a string', ['csv', 'Toner', new Uint8Array(3)]],
    ['text over the limit in UTF-8 bytes', ['markdown', 'Toner', 'é'.repeat(IPC_LIMITS.textBytes / 2 + 1)]],
    ['an extra argument', ['csv', 'Toner', '', '/tmp/gaps.csv']],
  ] as const)('rejects %s without running the handler', async (_label, args) => {
    await expect(invoke(INVOKE.saveText, fromApp(), ...args)).rejects.toThrow('Rejected');
    expect(handlers.saveText).not.toHaveBeenCalled();
  });

  it('rejects a call from an untrusted frame', async () => {
    const iframe = eventFrom(appFrame({ parent: appFrame(), frameToken: 'child' }));
    await expect(invoke(INVOKE.saveText, iframe, 'csv', 'Toner', '')).rejects.toThrow('untrusted sender');
    expect(handlers.saveText).not.toHaveBeenCalled();
  });
});

describe('projector channels', () => {
  const projectorId = 'V1StGXR8_Z5jdHi6B-myT';

  it('pass valid calls to their handlers and return the answer', async () => {
    expect(await invoke(INVOKE.openProjector, fromApp(), projectorId)).toBe(true);
    expect(handlers.openProjector).toHaveBeenCalledWith(projectorId);
    await invoke(INVOKE.closeProjector, fromApp());
    expect(handlers.closeProjector).toHaveBeenCalledTimes(1);
    await invoke(INVOKE.setFullScreen, fromApp(), true);
    await invoke(INVOKE.setFullScreen, fromApp(), false);
    expect(handlers.setFullScreen.mock.calls).toEqual([[true], [false]]);
  });

  it.each([
    ['an id too short to be unguessable', INVOKE.openProjector, ['short']],
    ['an id over the limit', INVOKE.openProjector, ['a'.repeat(65)]],
    // The id ends up in the projector page's URL: nothing that could add to it.
    ['an id with a URL in it', INVOKE.openProjector, ['abcdefgh&x=https://evil']],
    ['an id with a hash', INVOKE.openProjector, ['abcdefgh#x']],
    ['no id', INVOKE.openProjector, []],
    ['an argument to close', INVOKE.closeProjector, [projectorId]],
    ['a full-screen flag that is not a boolean', INVOKE.setFullScreen, ['true']],
    ['no full-screen flag', INVOKE.setFullScreen, []],
  ] as const)('rejects %s without running the handler', async (_label, channel, args) => {
    await expect(invoke(channel, fromApp(), ...args)).rejects.toThrow('Rejected');
    expect(handlers.openProjector).not.toHaveBeenCalled();
    expect(handlers.closeProjector).not.toHaveBeenCalled();
    expect(handlers.setFullScreen).not.toHaveBeenCalled();
  });

  it('rejects calls from the projector window, which shows the app but is not the board window', async () => {
    const projector = eventFrom(
      appFrame({ url: `app://journeywall/index.html#projector=${projectorId}` }),
      4,
    );
    for (const [channel, args] of [
      [INVOKE.openProjector, [projectorId]],
      [INVOKE.setFullScreen, [true]],
      [INVOKE.appInfo, []],
    ] as const) {
      await expect(invoke(channel, projector, ...args)).rejects.toThrow('untrusted sender');
    }
    expect(handlers.openProjector).not.toHaveBeenCalled();
    expect(handlers.setFullScreen).not.toHaveBeenCalled();
    expect(handlers.appInfo).not.toHaveBeenCalled();
  });
});

describe('sender check', () => {
  it.each([
    ['a remote page', eventFrom(appFrame({ url: REMOTE.page }))],
    ['a file:// page', eventFrom(appFrame({ url: 'file:///home/user/map.html' }))],
    ['a look-alike origin', eventFrom(appFrame({ url: 'app://journeywall.evil/index.html' }))],
    ['an iframe of the app', eventFrom(appFrame({ parent: appFrame(), frameToken: 'child' }))],
    ['another frame in the same process', eventFrom(appFrame({ frameToken: 'other-frame' }))],
    ['another webContents', eventFrom(appFrame(), 99)],
    ['a frame that is gone', eventFrom(null)],
  ])('rejects calls from %s without running the handler', async (_label, event) => {
    await expect(invoke(INVOKE.readBackup, event, 'map-1')).rejects.toThrow('untrusted sender');
    await expect(invoke(INVOKE.listBackups, event)).rejects.toThrow('untrusted sender');
    expect(handlers.readBackup).not.toHaveBeenCalled();
    expect(handlers.listBackups).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalled();
  });

  it.each(Object.values(INVOKE))('guards %s like every other channel', async (channel) => {
    await expect(invoke(channel, eventFrom(null))).rejects.toThrow('untrusted sender');
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('rejects every call while there is no window or it was destroyed', async () => {
    window = null;
    await expect(invoke(INVOKE.appInfo, fromApp())).rejects.toThrow('untrusted sender');
    window = fakeWindow(true);
    await expect(invoke(INVOKE.appInfo, fromApp())).rejects.toThrow('untrusted sender');
    expect(handlers.appInfo).not.toHaveBeenCalled();
  });

  it('trusts the top frame of the app window showing the app', () => {
    expect(isTrustedSender(fromApp(), fakeWindow())).toBe(true);
    expect(isTrustedSender(eventFrom(appFrame({ url: 'app://journeywall/' })), fakeWindow())).toBe(true);
  });
});
