import { describe, expect, it } from 'vitest';
import { noteRecord } from '../../shared/model/edits.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import { notesToWarm } from './warm-text-layouts.ts';

/** A 5,000-note grid of notes of the usual size, 220 × 160 apart: 100 columns of 50. */
const notes: NoteRecord[] = Array.from({ length: 5000 }, (_, index) =>
  noteRecord(
    { id: 'm', records: {} },
    { x: (index % 100) * 220, y: Math.floor(index / 100) * 160, text: `Note ${index}`, scenarioId: 's' },
    `n${index}`,
    index,
    0,
  ),
);

const view = (scale: number, x = 0, y = 0) => ({
  visible: { x, y, w: 1920 / scale, h: 1080 / scale },
  scale,
});

describe('the text laid out ahead of drawing', () => {
  it('is none of a large map seen whole: no note shows text there, even two zoom steps in', () => {
    expect(notesToWarm(notes, view(0.05))).toEqual([]);
  });

  it('at 100 % is the notes of the screen and half a screen around it, nearest the middle first', () => {
    const warmed = notesToWarm(notes, view(1, 4400, 2400));
    // The screen shows about 9 × 7 notes; with half a screen on each side, about 18 × 14.
    expect(warmed.length).toBeGreaterThan(9 * 7);
    expect(warmed.length).toBeLessThan(20 * 16);
    const middle = { x: 4400 + 960, y: 2400 + 540 };
    const distance = (note: NoteRecord) =>
      Math.hypot(note.x + note.w / 2 - middle.x, note.y + note.h / 2 - middle.y);
    expect(warmed.map(distance)).toEqual(warmed.map(distance).sort((a, b) => a - b));
    for (const note of warmed) {
      expect(note.x + note.w).toBeGreaterThan(4400 - 960);
      expect(note.x).toBeLessThan(4400 + 1920 + 960);
    }
  });

  it('starts at half the zoom at which notes show their text', () => {
    // A note 120 units tall shows its text from 44 px on screen, a zoom of 37 %: laid out from 18 %.
    expect(notesToWarm(notes, view(0.1)).length).toBe(0);
    expect(notesToWarm(notes, view(0.2)).length).toBeGreaterThan(0);
  });
});
