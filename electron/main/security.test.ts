import { EventEmitter } from 'node:events';
import type { App, Session, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REMOTE } from '../../test/remote-urls.ts';
import {
  guardAllWebContents,
  hardenSession,
  hardenWebContents,
  isAllowedRequestUrl,
  isPermissionGranted,
} from './security.ts';

type RequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string) => boolean;
type BeforeRequest = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

function fakeSession() {
  const events = new EventEmitter();
  const captured: {
    request?: RequestHandler;
    check?: CheckHandler;
    device?: () => boolean;
    beforeRequest?: BeforeRequest;
  } = {};
  const session = {
    setPermissionRequestHandler: (handler: RequestHandler) => {
      captured.request = handler;
    },
    setPermissionCheckHandler: (handler: CheckHandler) => {
      captured.check = handler;
    },
    setDevicePermissionHandler: (handler: () => boolean) => {
      captured.device = handler;
    },
    setSpellCheckerEnabled: vi.fn(),
    on: (name: string, listener: (...args: unknown[]) => void) => events.on(name, listener),
    webRequest: {
      onBeforeRequest: (handler: BeforeRequest) => {
        captured.beforeRequest = handler;
      },
    },
  };
  hardenSession(session as unknown as Session);
  return { session, captured, events };
}

function requestPermission(handler: RequestHandler | undefined, permission: string, url: string): boolean {
  let granted: boolean | undefined;
  handler?.(
    null,
    permission,
    (answer) => {
      granted = answer;
    },
    { requestingUrl: url },
  );
  if (granted === undefined) throw new Error('the permission request was never answered');
  return granted;
}

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  warn.mockRestore();
});

describe('session hardening', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid'])(
    'denies the %s permission, even to the app',
    (permission) => {
      const { captured } = fakeSession();
      expect(requestPermission(captured.request, permission, 'app://journeywall/index.html')).toBe(false);
      expect(captured.check?.(null, permission, 'app://journeywall')).toBe(false);
    },
  );

  it("grants persistent storage to the app's own pages only, so IndexedDB is not evicted", () => {
    const { captured } = fakeSession();
    expect(requestPermission(captured.request, 'persistent-storage', 'app://journeywall/index.html')).toBe(
      true,
    );
    expect(captured.check?.(null, 'persistent-storage', 'app://journeywall')).toBe(true);
    expect(requestPermission(captured.request, 'persistent-storage', REMOTE.page)).toBe(false);
    expect(captured.check?.(null, 'persistent-storage', REMOTE.origin)).toBe(false);
    expect(captured.check?.(null, 'persistent-storage', 'app://journeywall.evil')).toBe(false);
  });

  it('denies USB, HID and serial devices', () => {
    expect(fakeSession().captured.device?.()).toBe(false);
  });

  it('turns the spellchecker off so no dictionary is downloaded', () => {
    expect(fakeSession().session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
  });

  it('refuses every download: files are written through the bridge only', () => {
    const { events } = fakeSession();
    const download = { preventDefault: vi.fn() };
    events.emit('will-download', download, { getFilename: () => 'Toner - gap list.csv' });
    expect(download.preventDefault).toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Toner - gap list.csv'));
  });

  it.each([
    [REMOTE.script, true],
    ['http://localhost:5173/', true],
    ['ws://localhost:5173/', true],
    [REMOTE.socket, true],
    ['file:///etc/passwd', true],
    [REMOTE.ftp, true],
    ['app://journeywall/assets/index.js', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['data:image/png;base64,AAAA', false],
    ['blob:app://journeywall/3f1c', false],
  ])('cancels the request to %s: %s', (url, cancelled) => {
    const { captured } = fakeSession();
    let response: { cancel: boolean } | undefined;
    captured.beforeRequest?.({ url }, (answer) => {
      response = answer;
    });
    expect(response).toEqual({ cancel: cancelled });
  });
});

describe('isAllowedRequestUrl / isPermissionGranted', () => {
  it('treats scheme names case-insensitively and refuses URLs without a scheme', () => {
    expect(isAllowedRequestUrl('HTTPS://example.com')).toBe(false);
    expect(isAllowedRequestUrl('APP://journeywall/')).toBe(true);
    expect(isAllowedRequestUrl('journeywall/index.html')).toBe(false);
  });

  it('grants nothing for look-alike origins', () => {
    expect(isPermissionGranted('persistent-storage', 'app://journeywallx/')).toBe(false);
  });
});

class FakeWebContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('web contents hardening', () => {
  it.each(['will-navigate', 'will-redirect'])('blocks %s to anything outside the app', (eventName) => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents);
    for (const url of [REMOTE.site, 'file:///home/user/map.cxmap', 'app://other/index.html']) {
      const event = navigationEvent(url);
      contents.emit(eventName, event);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    const inside = navigationEvent('app://journeywall/index.html');
    contents.emit(eventName, inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every window.open and webview', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents);
    expect(contents.windowOpenHandler?.({ url: 'app://journeywall/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: REMOTE.site })).toEqual({ action: 'deny' });
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('hardens every webContents the app creates, not only the main window', () => {
    const app = new EventEmitter();
    guardAllWebContents(app as unknown as App);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const event = navigationEvent(REMOTE.site);
    contents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: REMOTE.site })).toEqual({ action: 'deny' });
  });
});
