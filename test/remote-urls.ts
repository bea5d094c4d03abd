/**
 * Addresses outside the app, for the tests that check the desktop shell refuses them. They live
 * with the test tooling, so the app's own folders never name a network address.
 */
export const REMOTE = {
  page: 'https://evil.example/',
  origin: 'https://evil.example',
  site: 'https://example.com/',
  script: 'https://example.com/tracker.js',
  socket: 'wss://example.com/socket',
  ftp: 'ftp://example.com/x',
  /** The app's host name under a web scheme: not the app. */
  appHostOverHttps: 'https://journeywall/index.html',
} as const;
