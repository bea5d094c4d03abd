import type { NoteColor } from './records.ts';

/**
 * Note colours, chosen to stay distinct on a washed-out projector and to keep dark text
 * readable (every fill has a contrast ratio above 7:1 against the ink colour).
 */
export const NOTE_PALETTE: Readonly<Record<NoteColor, { fill: string; edge: string; label: string }>> = {
  yellow: { fill: '#FFE66D', edge: '#D9B700', label: 'Yellow' },
  orange: { fill: '#FFB870', edge: '#E07B00', label: 'Orange' },
  pink: { fill: '#FFB3C7', edge: '#D6336C', label: 'Pink' },
  blue: { fill: '#A5D8FF', edge: '#1C7ED6', label: 'Blue' },
  green: { fill: '#B2F2BB', edge: '#2F9E44', label: 'Green' },
  purple: { fill: '#D0BFFF', edge: '#7048E8', label: 'Purple' },
  grey: { fill: '#DEE2E6', edge: '#868E96', label: 'Grey' },
};

export const NOTE_INK = '#1B1B1F';
export const BOARD_BACKGROUND = '#F4F1EA';
