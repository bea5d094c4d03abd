/**
 * The Content-Security-Policy sent with every page and file the app serves. Only the app's own
 * origin may supply code, styles, fonts and data; no remote origin appears anywhere, so even
 * injected markup cannot load or send anything off the machine. Inline styles are allowed
 * because React and Konva set style attributes; inline and eval'd scripts are not.
 */
const DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
