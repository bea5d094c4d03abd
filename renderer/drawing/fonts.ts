import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';

/**
 * Atkinson Hyperlegible ships with the app (no network): it was designed for low-vision
 * readers, which is what the back row of a workshop room is.
 */
export const FONT_FAMILY = '"Atkinson Hyperlegible", "DejaVu Sans", sans-serif';

export const font = (size: number, weight: 400 | 700 = 400): string => `${weight} ${size}px ${FONT_FAMILY}`;

/** Resolves once the faces canvas text needs are loaded; canvas drawing never waits on CSS. */
export const loadFonts = async (): Promise<void> => {
  await Promise.all([document.fonts.load(font(16, 400)), document.fonts.load(font(16, 700))]);
};
