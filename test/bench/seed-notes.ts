import { NOTE_COLORS, type NoteColor } from '../../shared/model/records.ts';
import { seeded } from './seeded.ts';

/**
 * A large, realistic map to measure against: notes in a wide grid (a journey runs left to
 * right), mostly yellow with every other colour in use, and text from two words to a long
 * paragraph so wrapping and shrinking are exercised. Deterministic, so runs compare.
 */
export interface SeedNote {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly text: string;
  readonly color: NoteColor;
  readonly z: number;
}

/** Grid pitch: a default note (180 × 120) plus a 20-unit gap. */
export const PITCH = { x: 200, y: 140 } as const;

const WHO = ['Customer', 'New user', 'Returning guest', 'Caller', 'Shopper', 'Patient', 'Tenant', 'Member'];
const DID = [
  'waits for a callback',
  'cannot find the opening hours',
  'is asked for the address twice',
  'pays by card at the desk',
  'gets a confirmation email',
  'abandons the basket',
  'compares prices on a phone',
  'asks staff for help',
  'reads the reviews first',
  'is transferred three times',
];
const WHERE = ['on the website', 'in the shop', 'on the phone', 'in the app', 'at the counter', 'by email'];
const FEELING = ['Frustrated.', 'Relieved.', 'Confused about the next step.', 'Happy with the result.', ''];
const SHORT = [
  'Queue',
  'Parking',
  'Wi-Fi down',
  'Great staff',
  'Refund?',
  'Signage',
  'Too many forms',
  'Upsell',
];

export const seedNotes = (count: number, seed = 20261123): SeedNote[] => {
  const next = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const sentence = () => `${pick(WHO)} ${pick(DID)} ${pick(WHERE)}. ${pick(FEELING)}`.trim();
  const columns = Math.ceil(Math.sqrt(count * 2));
  const notes: SeedNote[] = [];
  for (let index = 0; index < count; index++) {
    const roll = next();
    const text =
      roll < 0.3 ? pick(SHORT) : roll < 0.8 ? sentence() : `${sentence()} ${sentence()} ${sentence()}`;
    const colorRoll = next();
    const color: NoteColor = colorRoll < 0.4 ? 'yellow' : pick(NOTE_COLORS);
    const small = next() < 0.15;
    notes.push({
      x: (index % columns) * PITCH.x,
      y: Math.floor(index / columns) * PITCH.y,
      w: small ? 150 : 180,
      h: small ? 100 : 120,
      text,
      color,
      z: index,
    });
  }
  return notes;
};

/** The rectangle around all notes, in board units. */
export const boundsOfNotes = (notes: readonly SeedNote[]) => {
  const minX = Math.min(...notes.map((note) => note.x));
  const minY = Math.min(...notes.map((note) => note.y));
  const maxX = Math.max(...notes.map((note) => note.x + note.w));
  const maxY = Math.max(...notes.map((note) => note.y + note.h));
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
};
