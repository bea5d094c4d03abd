import { describe, expect, it } from 'vitest';
import { voteMap } from '../../shared/journey/votes/test-support.ts';
import { addDot } from '../../shared/journey/votes/vote-edits.ts';
import { updateNote } from '../../shared/model/edits.ts';
import { createBoardStore } from '../store/index.ts';
import { applyDelta, isToBoard, isToProjector, projectorIdOf, recordsDelta } from './projector-protocol.ts';

describe('the projector window’s copy of the map', () => {
  it('follows an edit by the records it changed alone, and ends equal to the board’s map', () => {
    const map = voteMap();
    const voteId = map.vote();
    const board = createBoardStore();
    board.getState().loadDocument(map.doc);
    const before = board.getState().doc;
    board.getState().edit('Edit', (draft) => {
      updateNote(draft, map.cartridge.id, { text: 'Which cartridge fits my printer?' });
      addDot(draft, voteId, map.striped.id);
    });
    const after = board.getState().doc;
    if (!before || !after) throw new Error('no map');
    const { put, removed } = recordsDelta(before.records, after.records);
    // The note typed in and the vote given a dot, nothing else of the map's records.
    expect(Object.keys(put).sort()).toEqual([map.cartridge.id, voteId].sort());
    expect(removed).toEqual([]);
    expect(applyDelta(before, put, removed)).toEqual(after);
  });

  it('drops records purged from the map', () => {
    const map = voteMap();
    const { [map.bundle.id]: _gone, ...rest } = map.doc.records;
    const after = { id: map.doc.id, records: rest };
    const { put, removed } = recordsDelta(map.doc.records, after.records);
    expect(put).toEqual({});
    expect(removed).toEqual([map.bundle.id]);
    expect(applyDelta(map.doc, put, removed)).toEqual(after);
  });
});

describe('the projector channel', () => {
  it('tells a projector page by its address, and only by a well-formed id', () => {
    expect(projectorIdOf('#projector=V1StGXR8_Z5jdHi6B-myT')).toBe('V1StGXR8_Z5jdHi6B-myT');
    expect(projectorIdOf('')).toBeNull();
    expect(projectorIdOf('#projector=short')).toBeNull();
    expect(projectorIdOf('#projector=abc<script>defgh')).toBeNull();
  });

  it('tells the two directions’ messages apart and ignores anything else', () => {
    expect(isToProjector({ kind: 'map', doc: null, scenarioId: null })).toBe(true);
    expect(isToProjector({ kind: 'room', room: null })).toBe(true);
    expect(isToBoard({ kind: 'map' })).toBe(false);
    expect(isToBoard({ kind: 'vote', action: 'reveal' })).toBe(true);
    expect(isToProjector({ kind: 'vote' })).toBe(false);
    expect(isToBoard(null)).toBe(false);
    expect(isToProjector('close')).toBe(false);
  });
});
