import { expect, test } from 'vitest';
import { font } from './font.ts';
import { loadFonts } from './fonts.ts';

/** The font files the app ships (assets/fonts) are the ones its canvas text is drawn with. */

const widthOf = (spec: string, text: string): number => {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  context.font = spec;
  return context.measureText(text).width;
};

test('after loadFonts, the shipped regular and bold faces of both subsets are loaded', async () => {
  await loadFonts();
  const loaded = [...document.fonts].filter(
    (face) => face.family.replace(/["']/g, '') === 'Atkinson Hyperlegible' && face.status === 'loaded',
  );
  // A regular and a bold face for each subset: latin, and latin-ext (accented letters such as ā, ł, ő).
  expect(loaded.map((face) => face.weight).sort()).toEqual(['400', '400', '700', '700']);
  expect(document.fonts.check(font(16, 400), 'Zażółć ā')).toBe(true);
  expect(document.fonts.check(font(16, 700), 'Zażółć ā')).toBe(true);
});

test('canvas text is measured with Atkinson Hyperlegible, not a fallback, in both weights', async () => {
  await loadFonts();
  for (const text of ['Orders two cartridges', 'Zażółć gęślą jaźń']) {
    for (const weight of [400, 700]) {
      // Only a loaded face can make the first spec measure differently from its own fallback.
      expect(widthOf(`${weight} 16px "Atkinson Hyperlegible", monospace`, text)).not.toBe(
        widthOf(`${weight} 16px monospace`, text),
      );
    }
  }
});
