import { describe, expect, it } from 'vitest';
import type { GapRow } from '../../shared/journey/scenarios/gap-rows.ts';
import { voteMap } from '../../shared/journey/votes/test-support.ts';
import { addDot, nextVoter, revealVote } from '../../shared/journey/votes/vote-edits.ts';
import { addNote } from '../../shared/model/edits.ts';
import { finalSteps, type VoteResultsStep } from './final-steps.ts';
import { gapRowText } from './gap-pages.ts';

const SCREEN = { width: 1920, height: 1040 };
const FONT = 32;

const voteStepsOf = (steps: ReturnType<typeof finalSteps>): VoteResultsStep[] =>
  steps.filter((step): step is VoteResultsStep => step.kind === 'votes');

describe('the vote results step', () => {
  it('ends the walk once the vote is revealed, ranked, with ties sharing a rank', () => {
    const map = voteMap();
    const id = map.vote({ stacking: true, hidden: true });
    addDot(map.doc, id, map.cartridge.id);
    addDot(map.doc, id, map.cartridge.id);
    addDot(map.doc, id, map.striped.id);
    nextVoter(map.doc, id);
    addDot(map.doc, id, map.courier.id);
    addDot(map.doc, id, map.cartridge.id);
    addDot(map.doc, id, map.striped.id);

    // While the room votes, nothing is shown: a hidden vote's totals never reach the projector.
    expect(voteStepsOf(finalSteps(map.doc, map.currentId, SCREEN, FONT))).toEqual([]);

    revealVote(map.doc, id);
    const [step, ...more] = voteStepsOf(finalSteps(map.doc, map.currentId, SCREEN, FONT));
    expect(more).toEqual([]);
    expect(step?.question).toBe('Which breakdowns hurt most?');
    expect(step?.summary).toBe('Current · 2 voters, 3 dots each · 6 dots');
    expect(step?.rows.map((row) => row.text)).toEqual([
      '1. 3 dots: Cannot tell which cartridge fits (Breakdown point; Purchase, Breakdown points)',
      '2. 2 dots: Prints come out striped (Breakdown point; Use, Breakdown points)',
      '3. 1 dot: Courier comes while he is at a client (Breakdown point; Use, Breakdown points)',
    ]);
  });

  it('belongs to the scenario shown: the ideal has none of the current one’s results', () => {
    const map = voteMap();
    const id = map.vote();
    addDot(map.doc, id, map.cartridge.id);
    revealVote(map.doc, id);
    expect(voteStepsOf(finalSteps(map.doc, map.idealId, SCREEN, FONT))).toEqual([]);
  });

  it('splits a long ranking into pages that each fit the screen, every row once', () => {
    const map = voteMap();
    const id = map.vote({ voters: 40, dotsPerVoter: 1, kinds: [] });
    for (let voter = 0; voter < 40; voter += 1) {
      const note = addNote(map.doc, {
        x: 5000 + voter * 200,
        y: 0,
        scenarioId: map.currentId,
        text: `Idea ${voter + 1}: a sentence long enough to take a good part of a projector line`,
        kind: 'idea',
      });
      expect(addDot(map.doc, id, note.id)).toBe('added');
      if (voter < 39) nextVoter(map.doc, id);
    }
    revealVote(map.doc, id);
    const steps = voteStepsOf(finalSteps(map.doc, map.currentId, { width: 1280, height: 660 }, 21.6));
    expect(steps.length).toBeGreaterThan(1);
    expect(steps.map((step) => [step.page, step.pages])).toEqual(
      steps.map((_, index) => [index + 1, steps.length]),
    );
    const rows = steps.flatMap((step) => step.rows);
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((row) => row.noteId)).size).toBe(40);
    // 40 notes with one dot each: one rank for all, a tie.
    expect(new Set(rows.map((row) => row.rank))).toEqual(new Set([1]));
  });
});

describe('the gap list step', () => {
  it('says the dots of a revealed vote on the current journey beside each gap, none before the reveal', () => {
    const map = voteMap();
    const id = map.vote({ stacking: true });
    addDot(map.doc, id, map.cartridge.id);
    addDot(map.doc, id, map.cartridge.id);
    const rowsAbout = (text: string) =>
      finalSteps(map.doc, map.currentId, SCREEN, FONT)
        .flatMap((step) => (step.kind === 'gaps' ? step.sections.flatMap((section) => section.rows) : []))
        .filter((row) => row.subject.includes(text));
    expect(rowsAbout('Cannot tell which cartridge fits').length).toBeGreaterThan(0);
    expect(rowsAbout('Cannot tell which cartridge fits').map((row) => row.dots)).not.toContain(2);
    revealVote(map.doc, id);
    expect(rowsAbout('Cannot tell which cartridge fits').map((row) => row.dots)).toContain(2);
    expect(gapRowText(rowsAbout('Cannot tell which cartridge fits')[0] as GapRow)).toMatch(/ · 2 dots$/);
  });
});
