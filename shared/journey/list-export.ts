/**
 * Writing lists of what people typed (the gap list, vote results) as text, CSV and Markdown:
 * each format's escaping, in one place, so every list is as safe to paste or open as the others.
 */

/** Line breaks inside a note become " / " where the format puts each item on one line. */
export const oneLine = (text: string): string =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' / ');

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * One CSV field (RFC 4180), safe to open in a spreadsheet. Text typed in the room is opened in
 * spreadsheets: a cell starting with = + - @ (or a tab or carriage return) would be read as a
 * formula, so it gets a leading single quote (OWASP's advice). Plain numbers such as an emotion
 * score of -2 are left as they are: they cannot be formulas. A field holding a comma, a quote or
 * a line break is quoted, its quotes doubled.
 */
export const csvField = (value: string): string => {
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

const BOM = '\uFEFF';

/**
 * A CSV file of these rows: comma-separated, CRLF between records (RFC 4180), starting with a
 * byte order mark so Excel reads it as UTF-8 (arrows, accents).
 */
export const csvText = (rows: readonly (readonly string[])[]): string =>
  `${BOM}${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;

/**
 * Backslash-escapes what could start inline formatting in CommonMark and GitHub Markdown:
 * emphasis, code, links and images, HTML and autolinks, entities, strikethrough, table cells,
 * and the # that would close a heading. The text always sits inside a line (after "- " or
 * "## ", line breaks already removed), so block syntax such as "1." or "> " cannot start.
 */
export const escapeMarkdown = (text: string): string => text.replace(/[\\`*_[\]<>&~|#]/g, '\\$&');
