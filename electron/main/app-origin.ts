/**
 * The renderer's one origin. Pages load from app://journeywall/ (never file://, which would share
 * an origin with every file on disk), so every trust decision is a check against this prefix.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://journeywall';
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}
