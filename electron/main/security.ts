/**
 * Defence in depth around the renderer: even if a page were compromised it could not navigate
 * elsewhere, open windows, embed webviews, reach the network or gain device permissions.
 * Applied to every webContents (web-contents-created), not only the main window.
 */
import type { App, Session, WebContents } from 'electron';
import { APP_ORIGIN, isAppUrl } from './app-origin.ts';

/** Schemes a request may use: the app itself, DevTools (development only) and in-memory data. */
const ALLOWED_REQUEST_SCHEMES = new Set(['app:', 'devtools:', 'data:', 'blob:']);

export function isAllowedRequestUrl(url: string): boolean {
  const colon = url.indexOf(':');
  return colon > 0 && ALLOWED_REQUEST_SCHEMES.has(url.slice(0, colon + 1).toLowerCase());
}

/**
 * Every permission is refused except persistent storage for the app's own pages: it keeps
 * Chromium from evicting IndexedDB under storage pressure, which is where the maps live.
 */
export function isPermissionGranted(permission: string, requestingUrl: string): boolean {
  return permission === 'persistent-storage' && (requestingUrl === APP_ORIGIN || isAppUrl(requestingUrl));
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  // The spellchecker would download dictionaries from Google's CDN; the app makes no requests.
  session.setSpellCheckerEnabled(false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) console.warn(`[security] blocked request to ${details.url}`);
    callback({ cancel: !allowed });
  });
  // Every file the app writes goes through the bridge (a Save dialog, an atomic write); a download
  // would write outside both, wherever Chromium's download manager puts it.
  session.on('will-download', (event, item) => {
    event.preventDefault();
    console.warn(`[security] blocked a download of ${item.getFilename()}`);
  });
}

export function hardenWebContents(contents: WebContents): void {
  const refuseForeign = (event: { url: string; preventDefault(): void }): void => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    console.warn(`[security] blocked navigation to ${event.url}`);
  };
  contents.on('will-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[security] blocked window.open of ${url}`);
    return { action: 'deny' };
  });
}

/** Hardens every webContents the moment it exists, including ones we did not create ourselves. */
export function guardAllWebContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
