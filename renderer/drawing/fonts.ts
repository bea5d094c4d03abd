import '../../assets/fonts/atkinson-hyperlegible.css';
// The licence travels with the fonts, as the SIL Open Font License asks of whoever distributes them.
import '../../assets/fonts/OFL.txt?url';
import { font } from './font.ts';

/** A character from each shipped subset (latin, latin-ext): a face loads only for text in its range. */
const SUBSET_SAMPLES = 'aā';

/** Resolves once the faces canvas text needs are loaded; canvas drawing never waits on CSS. */
export const loadFonts = async (): Promise<void> => {
  await Promise.all([
    document.fonts.load(font(16, 400), SUBSET_SAMPLES),
    document.fonts.load(font(16, 700), SUBSET_SAMPLES),
  ]);
};
