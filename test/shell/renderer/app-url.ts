/**
 * Chromium without Electron cannot load a custom scheme, so the harness gives each privileged
 * standard, secure scheme a stand-in https origin of its own and translates at the border:
 * app://journeywall/index.html is https://journeywall.app.invalid/index.html in the page, and
 * every URL main sees (sender frames, navigations, requests) is translated back. `.invalid` never
 * resolves, so nothing can leave the machine; https keeps the page a secure context, as the app
 * scheme's `secure` privilege does in Electron.
 */
const SUFFIX = '.invalid';

export function toPageUrl(url: string, schemes: ReadonlySet<string>): string {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(url);
  if (!match) return url;
  const [, scheme = '', host = '', rest = ''] = match;
  if (!schemes.has(scheme.toLowerCase())) return url;
  return `https://${host}.${scheme.toLowerCase()}${SUFFIX}${rest === '' ? '/' : rest}`;
}

export function toAppUrl(url: string): string {
  const match = /^https:\/\/([^/?#]+)\.([a-z][a-z0-9+-]*)\.invalid(\/.*|[?#].*)?$/i.exec(url);
  if (!match) return url;
  const [, host = '', scheme = '', rest = '/'] = match;
  return `${scheme}://${host}${rest}`;
}
