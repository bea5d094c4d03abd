/**
 * Test fixture: a synthetic journey-map poster drawn band by band, so tests can encode realistic
 * images of any size without a canvas. White page, lane and stage grid lines, a dark header row,
 * pastel notes with anti-aliased "text" (glyphs drawn from a fixed atlas, like a font), all
 * placed by a seeded random generator so every run draws the same poster.
 */
export interface FixturePoster {
  readonly width: number;
  readonly height: number;
  /** Pixels covered by notes, the part of a poster that carries text. */
  readonly notePixels: number;
  /** RGBA rows [y, y + rows), opaque. */
  band(y: number, rows: number): Uint8Array;
}

export interface FixtureOptions {
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
  /** Chance that a note slot holds a note: 0 draws only the grid, 1 fills every slot. */
  readonly density?: number;
  readonly seed?: number;
}

type Rgb = readonly [number, number, number];

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly color: Rgb;
}

interface Glyph {
  readonly w: number;
  readonly h: number;
  /** Coverage 0..255, row-major. */
  readonly alpha: Uint8Array;
}

interface Placed {
  readonly x: number;
  readonly y: number;
  readonly glyph: Glyph;
  readonly color: Rgb;
}

const NOTE_COLORS: readonly Rgb[] = [
  [254, 240, 138],
  [187, 247, 208],
  [191, 219, 254],
  [254, 205, 211],
  [221, 214, 254],
  [254, 215, 170],
];
const GRID: Rgb = [226, 232, 240];
const HEADER: Rgb = [30, 41, 59];
const INK: Rgb = [31, 41, 55];
const PAPER: Rgb = [255, 255, 255];
const SHADOW: Rgb = [230, 230, 230];

const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** A glyph: two or three strokes of the given width, coverage from the distance to each stroke. */
const makeGlyph = (random: () => number, size: number): Glyph => {
  const w = Math.max(2, Math.round(size * 0.6));
  const h = Math.max(2, Math.round(size));
  const stroke = Math.max(0.8, size * 0.09);
  const strokes = Array.from({ length: 2 + Math.floor(random() * 2) }, () => ({
    x0: random() * w,
    y0: random() * h * 0.8 + h * 0.1,
    x1: random() * w,
    y1: random() * h * 0.8 + h * 0.1,
  }));
  const alpha = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let coverage = 0;
      for (const s of strokes) {
        const dx = s.x1 - s.x0;
        const dy = s.y1 - s.y0;
        const t = Math.max(
          0,
          Math.min(1, ((x + 0.5 - s.x0) * dx + (y + 0.5 - s.y0) * dy) / (dx * dx + dy * dy || 1)),
        );
        const distance = Math.hypot(x + 0.5 - (s.x0 + t * dx), y + 0.5 - (s.y0 + t * dy));
        coverage = Math.max(coverage, Math.min(1, Math.max(0, stroke / 2 + 0.5 - distance)));
      }
      alpha[y * w + x] = Math.round(coverage * 255);
    }
  }
  return { w, h, alpha };
};

export const fixturePoster = (options: FixtureOptions): FixturePoster => {
  const { width, height, dpi } = options;
  const density = options.density ?? 0.8;
  const random = mulberry32(options.seed ?? 1);
  const mm = dpi / 25.4;
  const fontPx = Math.max(4, Math.round((12 / 72) * dpi));
  const glyphs = Array.from({ length: 64 }, () => makeGlyph(random, fontPx));
  const headerGlyphs = Array.from({ length: 32 }, () => makeGlyph(random, Math.round(fontPx * 1.5)));

  const rects: Rect[] = [];
  const text: Placed[] = [];
  const line = Math.max(1, Math.round(mm * 0.3));
  const stage = Math.round(mm * 160);
  const lane = Math.round(mm * 70);
  const header = Math.round(mm * 20);
  rects.push({ x: 0, y: 0, w: width, h: header, color: HEADER });
  for (let x = 0; x < width; x += stage) {
    rects.push({ x, y: 0, w: line, h: height, color: GRID });
    writeLine(text, headerGlyphs, random, x + mm * 5, (header - fontPx * 1.5) / 2, stage * 0.6, PAPER);
  }
  for (let y = header; y < height; y += lane) rects.push({ x: 0, y, w: width, h: line, color: GRID });

  const note = Math.round(mm * 45);
  let notePixels = 0;
  const gap = Math.round(mm * 5);
  for (let top = header + gap; top + note < height; top += lane) {
    for (let left = gap; left + note < width; left += note + gap) {
      if (random() >= density) continue;
      // Like the board's notes: a hard shadow (10% black, offset down-right), the fill, a darker top edge.
      const shadow = Math.max(1, Math.round(mm * 0.5));
      const fill = NOTE_COLORS[Math.floor(random() * NOTE_COLORS.length)] ?? PAPER;
      rects.push({ x: left + shadow, y: top + shadow, w: note, h: note, color: SHADOW });
      rects.push({ x: left, y: top, w: note, h: note, color: fill });
      notePixels += note * note;
      rects.push({
        x: left,
        y: top,
        w: note,
        h: shadow * 2,
        color: [fill[0] - 40, fill[1] - 40, fill[2] - 40],
      });
      const lines = 2 + Math.floor(random() * 5);
      for (let l = 0; l < lines; l++) {
        const baseline = top + gap + l * fontPx * 1.3;
        writeLine(text, glyphs, random, left + gap, baseline, note - 2 * gap, INK);
      }
    }
  }

  return {
    width,
    height,
    notePixels,
    band(y0, rows) {
      const out = new Uint8Array(width * rows * 4).fill(255);
      const y1 = y0 + rows;
      for (const r of rects) {
        const top = Math.max(r.y, y0);
        const bottom = Math.min(r.y + r.h, y1);
        const left = Math.max(0, r.x);
        const right = Math.min(width, r.x + r.w);
        for (let y = top; y < bottom; y++) {
          for (let x = left; x < right; x++) {
            const i = ((y - y0) * width + x) * 4;
            out[i] = r.color[0];
            out[i + 1] = r.color[1];
            out[i + 2] = r.color[2];
          }
        }
      }
      for (const p of text) {
        const top = Math.max(p.y, y0);
        const bottom = Math.min(p.y + p.glyph.h, y1);
        for (let y = top; y < bottom; y++) {
          for (let gx = 0; gx < p.glyph.w && p.x + gx < width; gx++) {
            const a = p.glyph.alpha[(y - p.y) * p.glyph.w + gx] as number;
            if (a === 0) continue;
            const i = ((y - y0) * width + p.x + gx) * 4;
            p.color.forEach((ink, c) => {
              out[i + c] = Math.round(((out[i + c] as number) * (255 - a) + ink * a) / 255);
            });
          }
        }
      }
      return out;
    },
  };
};

/** Words of 2–9 glyphs separated by spaces, up to `maxWidth` wide. */
const writeLine = (
  out: Placed[],
  atlas: readonly Glyph[],
  random: () => number,
  left: number,
  top: number,
  maxWidth: number,
  color: Rgb,
) => {
  let x = left;
  const end = left + maxWidth * (0.4 + random() * 0.6);
  while (x < end) {
    const letters = 2 + Math.floor(random() * 8);
    for (let i = 0; i < letters && x < end; i++) {
      const glyph = atlas[Math.floor(random() * atlas.length)];
      if (!glyph) continue;
      out.push({ x: Math.round(x), y: Math.round(top), glyph, color });
      x += glyph.w * 0.9;
    }
    x += (atlas[0]?.w ?? 4) * 0.6;
  }
};
