/**
 * The smallest text present mode draws, as a share of the screen's height.
 *
 * AVIXA's DISCAS standard (ANSI/INFOCOMM V202.01:2016, Display Image Size for 2D Content in
 * Audiovisual Systems) sizes an element for "basic decision making" (reading a presentation) as
 * %EH = FV / (IH × 200): the farthest viewer FV, in image heights IH, over the acuity factor 200
 * (AETM's guide to DISCAS, "BDM only: sizing the image"). The 4/6/8 rule that DISCAS replaced
 * seats the farthest viewer who must read text at 6 image heights (Sound & Communications,
 * "Throwing the DISCAS out there"), a workshop room's back row: 6 / 200 = 3 % of the image height, 32.4 px at 1080p. ISO 9241-3's minimum of
 * 16 minutes of arc gives about the same from 6 image heights (6 × tan 16′ = 2.8 %).
 *
 * The share is of the image, so it holds on any projector: 21.6 px at 720p, 23 px at 768. It is
 * applied to the font size, the size the drawing sets and any measurement of it reads.
 */
export const PROJECTOR_MIN_TEXT_SHARE = 6 / 200;

/** The projector minimum for a screen this many CSS pixels high. */
export const projectorMinTextPx = (screenHeight: number): number => screenHeight * PROJECTOR_MIN_TEXT_SHARE;
