/**
 * Every suite drives Debian's Chromium; no test tool may download a browser of its own.
 * JOURNEYWALL_CHROMIUM overrides the path (default /usr/bin/chromium).
 */
export const chromiumPath = (): string => process.env.JOURNEYWALL_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const chromiumLaunchOptions = () => ({
  executablePath: chromiumPath(),
  args: chromiumArgs,
  headless: true,
});
