/**
 * The project's Chromium, as the shell's windows need it: Electron shows no Chromium error page
 * that reloads itself, so Chromium's auto-reload of failed loads is off.
 */
import { chromiumLaunchOptions } from '../../chromium.ts';

export const shellChromiumOptions = () => {
  const options = chromiumLaunchOptions();
  return { ...options, args: [...options.args, '--disable-auto-reload'] };
};
