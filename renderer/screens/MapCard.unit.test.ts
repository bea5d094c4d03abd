import { expect, it } from 'vitest';
import { noteCountWords } from './MapCard.tsx';

it('a library card counts the notes of each scenario where more than one holds notes', () => {
  expect(noteCountWords({ noteCount: 1 })).toBe('1 note');
  expect(noteCountWords({ noteCount: 1_500, scenarioNotes: [{ name: 'Current', notes: 1_500 }] })).toBe(
    '1,500 notes',
  );
  expect(
    noteCountWords({
      noteCount: 13,
      scenarioNotes: [
        { name: 'Current', notes: 12 },
        { name: 'Ideal', notes: 1 },
      ],
    }),
  ).toBe('Current: 12 notes · Ideal: 1 note');
});
