/**
 * Lays note text out inside a box: wraps on words and shrinks the font until everything fits,
 * preferring a smaller size to breaking a word ("Confirmat / ion"); only a word too long for a
 * line even at the smallest size is broken. At the smallest size, text that still does not fit is cut
 * with an ellipsis, so text never overflows its note. Measuring is injected so the board, the
 * poster exporter and Node tests share this one algorithm.
 */
export type MeasureText = (text: string, fontSize: number) => number;

export interface TextBox {
  readonly width: number;
  readonly height: number;
}

export interface FittedText {
  readonly fontSize: number;
  readonly lineHeight: number;
  readonly lines: readonly string[];
  /** True when even the smallest size could not hold every word. */
  readonly truncated: boolean;
}

export interface TextSizes {
  readonly max: number;
  readonly min: number;
  readonly lineHeight: number;
}

export const TEXT_SIZES: TextSizes = { max: 28, min: 9, lineHeight: 1.2 };

export const fitText = (
  text: string,
  box: TextBox,
  measure: MeasureText,
  sizes: TextSizes = TEXT_SIZES,
): FittedText => {
  const trimmed = text.trim();
  if (trimmed === '' || box.width <= 0 || box.height <= 0) {
    return { fontSize: sizes.max, lineHeight: sizes.max * sizes.lineHeight, lines: [], truncated: false };
  }
  for (const breakWords of [false, true]) {
    for (let size = sizes.max; size >= sizes.min; size -= size > 16 ? 2 : 1) {
      const lineHeight = size * sizes.lineHeight;
      const maxLines = Math.floor(box.height / lineHeight);
      if (maxLines < 1) continue;
      const lines = wrap(trimmed, box.width, size, measure, maxLines + 1, breakWords);
      if (lines && lines.length <= maxLines) return { fontSize: size, lineHeight, lines, truncated: false };
    }
  }
  const size = sizes.min;
  const lineHeight = size * sizes.lineHeight;
  const maxLines = Math.max(1, Math.floor(box.height / lineHeight));
  const lines = wrap(trimmed, box.width, size, measure, maxLines, true) ?? [];
  const last = lines.length - 1;
  lines[last] = ellipsize(lines[last] ?? '', box.width, size, measure);
  return { fontSize: size, lineHeight, lines, truncated: true };
};

/**
 * Wraps into at most `limit` lines (stopping early keeps long texts cheap to measure). Without
 * `breakWords`, a word wider than a line makes it null: the text does not fit at this size.
 */
const wrap = (
  text: string,
  width: number,
  size: number,
  measure: MeasureText,
  limit: number,
  breakWords: boolean,
): string[] | null => {
  const lines: string[] = [];
  // Text longer than a line can hold cannot fit it: no need to measure it.
  const most = mostCharacters(width, size);
  const fits = (line: string) => line.length <= most && measure(line, size) <= width;
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      if (lines.length >= limit) return lines;
      line = word;
      if (!breakWords && !fits(line)) return null;
      while (line.length > 1) {
        const cut = breakPoint(line, width, size, measure);
        if (cut >= line.length) break;
        lines.push(line.slice(0, cut));
        if (lines.length >= limit) return lines;
        line = line.slice(cut);
      }
    }
    lines.push(line);
    if (lines.length >= limit) return lines;
  }
  return lines;
};

/**
 * No character is narrower than this, in ems (a thin space is about 0.17): it bounds how many
 * characters a line can hold, so breaking a word of thousands of characters measures only
 * prefixes of about a line's length.
 */
const NARROWEST_CHARACTER_EM = 0.1;

const mostCharacters = (width: number, size: number): number =>
  Math.ceil(width / (size * NARROWEST_CHARACTER_EM));

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Where the first `count` graphemes of `text` end, in UTF-16 units: a cut there never splits an
 * emoji's surrogate pair, a flag or an accent from its letter. Segments lazily, so a word of
 * thousands of characters costs only the prefix asked for.
 */
const graphemeEnds = (text: string, count: number): number[] => {
  const ends: number[] = [];
  for (const { index, segment } of graphemes.segment(text)) {
    if (ends.length >= count) break;
    ends.push(index + segment.length);
  }
  return ends;
};

/**
 * The longest prefix (at least one grapheme, at most the whole word) that fits the width, by
 * binary search over prefixes no longer than a line can hold.
 */
const breakPoint = (word: string, width: number, size: number, measure: MeasureText): number => {
  const ends = graphemeEnds(word, mostCharacters(width, size));
  let low = 0;
  let high = ends.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(word.slice(0, ends[mid]), size) <= width) low = mid;
    else high = mid - 1;
  }
  return ends[low] ?? word.length;
};

const ellipsize = (line: string, width: number, size: number, measure: MeasureText): string => {
  const ends = [0, ...graphemeEnds(line, line.length)];
  let at = ends.length - 1;
  while (at > 0 && measure(`${line.slice(0, ends[at])}…`, size) > width) at--;
  return `${line.slice(0, ends[at]).trimEnd()}…`;
};
