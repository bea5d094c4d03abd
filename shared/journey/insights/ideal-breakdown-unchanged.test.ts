import { describe, expect, it } from 'vitest';
import { updateNote } from '../../model/edits.ts';
import { idealBreakdownUnchanged } from './ideal-breakdown-unchanged.ts';
import { testMap } from './test-map.ts';

/** A current breakdown point and its copy in the ideal scenario, as "Create ideal from current" makes. */
const carriedOver = (idealText = 'Toner arrives late', idealStage = 'Purchase') => {
  const map = testMap();
  const current = map.note('breakdown', 'Purchase', { text: 'Toner arrives late' });
  const copy = map.note('breakdown', idealStage, { text: idealText, scenarioId: map.ideal, origin: current });
  return { map, current, copy };
};

describe('ideal breakdown point carried over unchanged', () => {
  it('warns about a breakdown point copied from current and left as it was', () => {
    const { map, copy } = carriedOver();
    const found = map.check(idealBreakdownUnchanged, map.ideal);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: 'ideal-breakdown-unchanged',
      severity: 'warning',
      title: 'Breakdown point “Toner arrives late” carried over unchanged from Current',
      noteIds: [copy],
      stageIds: [map.stage('Purchase')],
    });
  });

  it('sees through case and surrounding spaces', () => {
    const { map } = carriedOver('  toner ARRIVES late ');
    expect(map.check(idealBreakdownUnchanged, map.ideal)).toHaveLength(1);
  });

  it('says nothing once the breakdown point is rewritten, moved, or no longer a breakdown point', () => {
    const reworded = carriedOver('Toner arrives a day late');
    expect(reworded.map.check(idealBreakdownUnchanged, reworded.map.ideal)).toEqual([]);
    const moved = carriedOver('Toner arrives late', 'Use');
    expect(moved.map.check(idealBreakdownUnchanged, moved.map.ideal)).toEqual([]);
    const changed = carriedOver();
    updateNote(changed.map.doc, changed.copy, { kind: 'opportunity' });
    expect(changed.map.check(idealBreakdownUnchanged, changed.map.ideal)).toEqual([]);
  });

  it('says nothing when the original was deleted or was not a breakdown point', () => {
    const deleted = carriedOver();
    deleted.map.remove(deleted.current);
    expect(deleted.map.check(idealBreakdownUnchanged, deleted.map.ideal)).toEqual([]);
    const wasNote = carriedOver();
    updateNote(wasNote.map.doc, wasNote.current, { kind: 'note' });
    expect(wasNote.map.check(idealBreakdownUnchanged, wasNote.map.ideal)).toEqual([]);
  });

  it('says nothing of a deleted copy, of a breakdown point typed fresh, or of a scenario that is not ideal', () => {
    const { map, copy } = carriedOver();
    map.note('breakdown', 'Purchase', { text: 'Toner arrives late', scenarioId: map.ideal });
    map.remove(copy);
    expect(map.check(idealBreakdownUnchanged, map.ideal)).toEqual([]);

    const same = testMap();
    const first = same.note('breakdown', 'Use', { text: 'Wrong cartridge' });
    same.note('breakdown', 'Use', { text: 'Wrong cartridge', origin: first });
    expect(same.check(idealBreakdownUnchanged, same.current)).toEqual([]);

    const backwards = testMap();
    const fromIdeal = backwards.note('breakdown', 'Use', {
      text: 'Wrong cartridge',
      scenarioId: backwards.ideal,
    });
    backwards.note('breakdown', 'Use', { text: 'Wrong cartridge', origin: fromIdeal });
    expect(backwards.check(idealBreakdownUnchanged, backwards.current)).toEqual([]);
  });
});
