/**
 * The name a map file is suggested or downloaded under. It comes from a map's title, which the
 * user typed and which travels by email, so it is made safe on every platform's file system:
 * no folders, no control characters, no bidi controls, nothing Windows refuses, and the .cxmap
 * extension. Every name Journeywall proposes (save dialogs, downloads, exports) goes through here.
 */
import { IPC_LIMITS } from './contract.ts';

export const MAP_EXTENSION = '.cxmap';
const FALLBACK_NAME = 'Untitled map';

// Control characters, path separators and the other characters Windows refuses in file names.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]+/g;

/**
 * Bidi controls (embeddings, overrides, isolates and the invisible direction marks) reorder how
 * a name is shown: a map named "Invoice \u202Efdp.exe" would be suggested as a file that reads
 * "Invoice exe.pdf". They are removed, so the name shows in the order it is stored.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** The text without bidi controls: for a name shown as part of a file name before it is made safe. */
export const withoutBidiControls = (text: string): string => text.replace(BIDI_CONTROLS, '');

/** Windows reserves these device names whatever the extension ("CON.cxmap" cannot be created). */
const RESERVED_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** Whether `name` ends in `extension` (".cxmap", ".png"), in any case. */
export const hasExtension = (name: string, extension: string): boolean =>
  name.toLowerCase().endsWith(extension);

/**
 * Longest name of a file Journeywall writes, in UTF-8 bytes: a file-system name less the 18
 * bytes an atomic write adds for its temp file, ".<name>.<12 hex digits>.tmp"
 * (electron/main/atomic-write.ts), so the temp file can always be made beside it. Bytes, because
 * ext4 and APFS count bytes and Japanese or emoji take three or four per character; NTFS's 255
 * UTF-16 units are never fewer.
 */
export const FILE_NAME_BYTES = IPC_LIMITS.fileNameLength - 18;

/** UTF-8 length of one code point (a lone surrogate is written as U+FFFD, three bytes). */
const utf8Bytes = (char: string): number => {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
};

/** Cuts whole code points, so a long name never ends in half an emoji. */
const truncateBytes = (text: string, maxBytes: number): string => {
  let result = '';
  let bytes = 0;
  for (const char of text) {
    bytes += utf8Bytes(char);
    if (bytes > maxBytes) break;
    result += char;
  }
  return result;
};

export function safeMapFileName(suggested: string): string {
  return safeFileName(suggested, MAP_EXTENSION);
}

/** The same rules for any file Journeywall writes, e.g. a poster's ".png"; the extension is ASCII. */
export function safeFileName(suggested: string, extension: string): string {
  const visible = withoutBidiControls(suggested);
  const withoutExtension = hasExtension(visible, extension) ? visible.slice(0, -extension.length) : visible;
  return `${safeFileStem(withoutExtension, FILE_NAME_BYTES - extension.length) || FALLBACK_NAME}${extension}`;
}

/**
 * A name made safe without an extension, for a name that gets more words before its extension
 * ("Toner: refills" → "Toner refills", one space where the colon was); empty if nothing is left.
 */
export function safeFileStem(suggested: string, maxBytes: number = FILE_NAME_BYTES): string {
  const cleaned = withoutBidiControls(suggested).replace(UNSAFE_CHARACTERS, ' ').replace(/\s+/g, ' ');
  // Leading dots would hide the file (or make it ".."); trailing dots and spaces vanish on Windows.
  const trim = (text: string): string => text.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  const stem = trim(truncateBytes(trim(cleaned), maxBytes));
  return RESERVED_NAME.test(stem) ? `${stem} map` : stem;
}
