/**
 * The Content-Security-Policy sent with every page and file the app serves. Only the app's own
 * origin may supply code, styles, fonts, workers and data; no remote origin appears anywhere, so
 * even injected markup cannot load or send anything off the machine. No inline script, no eval
 * and no inline style: React and Konva set styles through the CSSOM (element.style), which the
 * policy does not restrict, and the stylesheet is a file of the build.
 */
const DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  // Module workers (e.g. parsing a map file off the main thread) load from the app's own files.
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
