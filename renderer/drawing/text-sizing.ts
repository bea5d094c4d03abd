/**
 * How large the drawing's text is. The board and posters draw with BOARD_TEXT; present mode (a
 * projector, read from the back of the room) enlarges the marks drawn at a fixed small size and
 * leaves out any text that would still come out under the projector minimum, so no text on the
 * screen is too small to read.
 */
export interface TextSizing {
  /**
   * Factor on the marks drawn at a fixed size: a touchpoint's channel and ratings (and the strip
   * that holds them), the stamp's badge, the emotion scores' tags, the band and scenario labels.
   */
  readonly markScale: number;
  /** Text under this font size, in board units, is not drawn (note text is sketched as bars); 0 draws all. */
  readonly minFontSize: number;
}

export const BOARD_TEXT: TextSizing = { markScale: 1, minFontSize: 0 };

/** The font sizes of the fixed-size marks at markScale 1, in board units. */
export const MARK_FONT_SIZES = {
  footer: 13,
  wow: 10,
  score: 18,
  unscored: 14,
  band: 16,
  continuum: 18,
  scenarioLabel: 14,
} as const;

/** Whether text of this size is drawn at all. */
export const drawsText = (fontSize: number, sizing: TextSizing): boolean => fontSize >= sizing.minFontSize;
