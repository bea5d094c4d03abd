/** Small wording helpers, so every finding reads the same way. */

const QUOTE_MAX = 40;

/** A note's text as it appears in a title: one line, shortened, in quotes ("an empty note" when empty). */
export const quoted = (text: string): string => {
  const line = text.trim().replace(/\s+/g, ' ');
  if (line === '') return 'an empty note';
  return `“${line.length > QUOTE_MAX ? `${line.slice(0, QUOTE_MAX - 1).trimEnd()}…` : line}”`;
};

/** "1 touchpoint", "3 touchpoints". */
export const count = (n: number, singular: string, plural = `${singular}s`): string =>
  `${n} ${n === 1 ? singular : plural}`;
