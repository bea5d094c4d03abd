import { describe, expect, it } from 'vitest';
import { renameHeader } from '../../shared/journey/structure-edits.ts';
import { pastVotes } from '../../shared/journey/votes/past-votes.ts';
import { voteMap } from '../../shared/journey/votes/test-support.ts';
import { addDot, revealVote } from '../../shared/journey/votes/vote-edits.ts';
import { deleteRecords, updateNote } from '../../shared/model/edits.ts';
import { outlineVotes } from './outline-votes.ts';

const voted = () => {
  const map = voteMap();
  const id = map.vote();
  addDot(map.doc, id, map.courier.id);
  addDot(map.doc, id, map.bundle.id);
  revealVote(map.doc, id);
  return map;
};

describe("the outline's past votes", () => {
  it('are the past votes with their results', () => {
    const map = voted();
    expect(outlineVotes(map.doc)).toEqual(pastVotes(map.doc));
  });

  it('are ranked again only when a record their results read changes', () => {
    const map = voted();
    const [first] = outlineVotes(map.doc);
    updateNote(map.doc, map.striped.id, { text: 'Prints come out pale' });
    expect(outlineVotes(map.doc)[0]).toBe(first);

    updateNote(map.doc, map.courier.id, { text: 'Courier rings twice' });
    expect(outlineVotes(map.doc)[0]?.results.rows.map((row) => row.text)).toContain('Courier rings twice');
    renameHeader(map.doc, map.stageId('Use'), 'Everyday use');
    expect(outlineVotes(map.doc)[0]?.results.rows.find((row) => row.noteId === map.courier.id)?.stage).toBe(
      'Everyday use',
    );
    deleteRecords(map.doc, [map.bundle.id]);
    expect(outlineVotes(map.doc)).toEqual(pastVotes(map.doc));
    expect(outlineVotes(map.doc)[0]?.results.rows.map((row) => row.noteId)).toEqual([map.courier.id]);
  });
});
