/**
 * The name a map file is suggested or downloaded under. It comes from a map's title, which the
 * user typed and which travels by email, so it is made safe on every platform's file system:
 * no folders, no control characters, nothing Windows refuses, and the .cxmap extension.
 */
import { IPC_LIMITS } from './contract.ts';

export const MAP_EXTENSION = '.cxmap';
const FALLBACK_NAME = 'Untitled map';

// Control characters, path separators and the other characters Windows refuses in file names.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]+/g;

/** Windows reserves these device names whatever the extension ("CON.cxmap" cannot be created). */
const RESERVED_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

export const hasMapExtension = (name: string): boolean => name.toLowerCase().endsWith(MAP_EXTENSION);

/** Cuts whole code points, so a long name never ends in half an emoji. */
const truncate = (text: string, maxLength: number): string => {
  let result = '';
  for (const char of text) {
    if (result.length + char.length > maxLength) break;
    result += char;
  }
  return result;
};

export function safeMapFileName(suggested: string): string {
  return safeFileName(suggested, MAP_EXTENSION);
}

/** The same rules for any file Journeywall writes, e.g. a poster's ".png". */
export function safeFileName(suggested: string, extension: string): string {
  const withoutExtension = suggested.toLowerCase().endsWith(extension)
    ? suggested.slice(0, -extension.length)
    : suggested;
  const cleaned = withoutExtension.replace(UNSAFE_CHARACTERS, ' ').replace(/\s+/g, ' ');
  // Leading dots would hide the file (or make it ".."); trailing dots and spaces vanish on Windows.
  const trim = (text: string): string => text.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  let stem = trim(truncate(trim(cleaned), IPC_LIMITS.fileNameLength - extension.length));
  if (RESERVED_NAME.test(stem)) stem = `${stem} map`;
  return `${stem || FALLBACK_NAME}${extension}`;
}
