import { describe, expect, it } from 'vitest';
import { FONT_FAMILY, font } from './font.ts';
import { loadFonts } from './fonts.ts';
import { shippedFaces } from './worker-fonts.ts';

describe('the shipped font, for a worker', () => {
  it('is the four faces the stylesheet declares, regular and bold, latin and latin-ext, each a served file', async () => {
    const faces = shippedFaces();
    expect(faces.map((face) => face.weight).sort()).toEqual(['400', '400', '700', '700']);
    for (const face of faces) {
      expect(FONT_FAMILY).toContain(`"${face.family}"`);
      expect(face.unicodeRange).toMatch(/^U\+[0-9A-F]+(-[0-9A-F]+)?(, U\+[0-9A-F]+(-[0-9A-F]+)?)*$/);
      const response = await fetch(face.url);
      expect(response.ok).toBe(true);
      // A woff2 file starts with its signature.
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('wOF2');
    }
    // Latin and latin-ext: the ranges of the two faces of one weight differ.
    const regular = faces.filter((face) => face.weight === '400').map((face) => face.unicodeRange);
    expect(new Set(regular).size).toBe(2);
  });

  it('refuses a stylesheet naming a file that is not shipped', () => {
    const rule =
      '@font-face { font-family: "X"; font-weight: 400; src: url(./missing.woff2); unicode-range: U+0000-00FF; }';
    expect(() => shippedFaces(rule)).toThrow('The font file missing.woff2 is not shipped');
  });

  it('measures text in a worker exactly as the window does with the shipped font, not a fallback', async () => {
    const text = 'Wayfinding in the warehouse';
    await loadFonts();
    const measure = (face: string) => {
      const context = document.createElement('canvas').getContext('2d');
      if (!context) throw new Error('no 2D context');
      context.font = face;
      return context.measureText(text).width;
    };
    const worker = new Worker(new URL('../test-support/font-probe.worker.ts', import.meta.url), {
      type: 'module',
    });
    const inWorker = await new Promise<number>((resolve) => {
      worker.onmessage = (event: MessageEvent<number>) => resolve(event.data);
      worker.postMessage(text);
    });
    worker.terminate();
    expect(inWorker).toBeCloseTo(measure(font(40)), 3);
    expect(Math.abs(inWorker - measure('400 40px "DejaVu Sans", sans-serif'))).toBeGreaterThan(5);
  });
});
