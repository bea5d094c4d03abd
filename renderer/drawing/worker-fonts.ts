import shippedFaceRules from '../../assets/fonts/atkinson-hyperlegible.css?raw';

/** The shipped font files by name, as the build serves them. */
const FONT_FILES = import.meta.glob<string>('../../assets/fonts/*.woff2', {
  query: '?url',
  import: 'default',
  eager: true,
});

/** One face of the shipped font: what its @font-face rule says, and where its file is served. */
export interface ShippedFace {
  readonly family: string;
  readonly weight: string;
  readonly unicodeRange: string;
  readonly url: string;
}

const property = (rule: string, name: string): string =>
  new RegExp(`${name}:\\s*([^;]+);`).exec(rule)?.[1]?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * The shipped faces, read from the font's own stylesheet, so a worker draws with exactly the
 * faces the window does: a worker has no stylesheets, only the FontFace objects it is given.
 */
export const shippedFaces = (rules: string = shippedFaceRules): ShippedFace[] =>
  [...rules.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, rule = '']) => {
    const file = /url\(\.\/([^)]+)\)/.exec(rule)?.[1] ?? '';
    const url = Object.entries(FONT_FILES).find(([path]) => path.endsWith(`/${file}`))?.[1];
    if (!url) throw new Error(`The font file ${file} is not shipped`);
    return {
      family: property(rule, 'font-family').replace(/"/g, ''),
      weight: property(rule, 'font-weight'),
      unicodeRange: property(rule, 'unicode-range'),
      url,
    };
  });

/** Adds the shipped faces to a worker's fonts and resolves once they have loaded. */
export const loadShippedFaces = async (fonts: FontFaceSet): Promise<void> => {
  const faces = shippedFaces().map(
    (face) =>
      new FontFace(face.family, `url(${face.url})`, {
        weight: face.weight,
        unicodeRange: face.unicodeRange,
        style: 'normal',
      }),
  );
  for (const face of faces) fonts.add(face);
  await Promise.all(faces.map((face) => face.load()));
};
