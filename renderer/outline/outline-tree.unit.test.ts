import { describe, expect, it } from 'vitest';
import { layoutGrid } from '../../shared/journey/layout.ts';
import { testMap } from '../../shared/journey/scenarios/test-support.ts';
import { setEmotion, setLaneHidden } from '../../shared/journey/structure-edits.ts';
import { voteMap } from '../../shared/journey/votes/test-support.ts';
import { addDot, nextVoter, revealVote } from '../../shared/journey/votes/vote-edits.ts';
import { mapRecordOf } from '../../shared/model/document.ts';
import { addNote } from '../../shared/model/edits.ts';
import { freshBookkeeping, updateRecord } from '../../shared/model/update.ts';
import { buildOutline } from './outline-model.ts';
import {
  laneKey,
  OUTSIDE_KEY,
  type OutlineNode,
  outlineTree,
  rankedKey,
  stageKey,
  VOTES_KEY,
  visibleItems,
  voteKey,
} from './outline-tree.ts';
import { outlineVotes } from './outline-votes.ts';

const outlineOf = (map: ReturnType<typeof testMap>, scenarioId = map.currentId) =>
  buildOutline(map.doc, scenarioId, layoutGrid(map.doc, scenarioId));

describe('the outline of a scenario', () => {
  it('lists the stages in order with every visible lane and the notes of each cell', () => {
    const map = testMap('lifecycle', 'Toner');
    map.put('Growth', 'Touchpoints', {
      text: 'Reorder email',
      kind: 'touchpoint',
      channel: 'email',
      slot: 1,
    });
    map.put('Growth', 'Touchpoints', { text: 'Web shop', kind: 'touchpoint', slot: 0 });
    map.put('Growth', 'Touchpoints', { text: 'Ideal only', scenarioId: map.idealId });
    setLaneHidden(map.doc, map.laneId('Metrics'), true);
    const outline = outlineOf(map);
    expect(outline.mapName).toBe('Toner');
    expect(outline.scenarioName).toBe('Current');
    expect(outline.stages.map((stage) => stage.stage.name)).toEqual(['Introduction', 'Growth', 'Maturity']);
    const growth = outline.stages[1];
    expect(growth?.noteCount).toBe(2);
    expect(growth?.lanes.map((lane) => lane.lane.name)).not.toContain('Metrics');
    const touchpoints = growth?.lanes.find((lane) => lane.lane.name === 'Touchpoints');
    expect(touchpoints?.notes.map((note) => note.text)).toEqual(['Web shop', 'Reorder email']);
    expect(outline.outside).toEqual([]);
  });

  it('reads as labelled tree items, with notes outside the grid in their own section', () => {
    const map = testMap('lifecycle', 'Toner');
    map.put('Introduction', 'Touchpoints', { text: 'Ad', kind: 'touchpoint', channel: 'ad', wow: true });
    addNote(map.doc, { x: 900, y: -400, text: 'Parking lot', scenarioId: map.currentId });
    setEmotion(map.doc, map.currentId, map.stageId('Introduction'), -2);
    const nodes = outlineTree(outlineOf(map));
    expect(nodes.map((node) => node.label)).toEqual([
      'Stage: Introduction, 1 note',
      'Stage: Growth, no notes',
      'Stage: Maturity, no notes',
      'Outside the grid, 1 note',
    ]);
    const introduction = nodes[0];
    expect(introduction?.key).toBe(stageKey(map.stageId('Introduction')));
    const lanes = introduction?.children ?? [];
    expect(lanes.map((lane) => lane.label)).toContain('Lane: Touchpoints, 1 note');
    expect(lanes.map((lane) => lane.label)).toContain('Lane: Emotion, emotion -2');
    expect(lanes.map((lane) => lane.label)).toContain('Lane: Customer actions, no notes');
    const touchpoints = lanes.find((lane) => lane.title === 'Touchpoints');
    expect(touchpoints?.key).toBe(laneKey(map.stageId('Introduction'), map.laneId('Touchpoints')));
    expect(touchpoints?.children.map((note) => note.label)).toEqual([
      'Touchpoint: Ad, ad, stamp of authenticity',
    ]);
    expect(nodes[3]?.key).toBe(OUTSIDE_KEY);
    expect(nodes[3]?.children.map((note) => note.label)).toEqual(['Note: Parking lot']);
  });

  it('names the active persona', () => {
    const map = testMap('lifecycle');
    expect(outlineOf(map).persona).toBeNull();
    const personas: readonly (readonly [string, string])[] = [
      ['p-ada', 'Ada'],
      ['p-dana', 'Dana'],
    ];
    for (const [id, name] of personas)
      map.doc.records[id] = {
        ...freshBookkeeping(id),
        type: 'persona',
        name,
        role: 'Office manager',
        goals: '',
        needs: '',
        frustrations: '',
        quote: '',
      };
    map.doc.records[map.doc.id] = updateRecord(mapRecordOf(map.doc), { activePersonaId: 'p-dana' });
    expect(outlineOf(map).persona?.name).toBe('Dana');
  });

  it('shows the children of expanded items only', () => {
    const map = testMap('lifecycle');
    map.put('Growth', 'Touchpoints', { text: 'Web shop' });
    const nodes = outlineTree(outlineOf(map));
    const growth = stageKey(map.stageId('Growth'));
    const lanesPerStage = nodes[0]?.children.length ?? 0;
    const open = visibleItems(nodes, new Set());
    expect(open).toHaveLength(3 + 3 * lanesPerStage + 1);
    const touchpoints = laneKey(map.stageId('Growth'), map.laneId('Touchpoints'));
    expect(open.find((item) => item.node.title === 'Web shop')?.parent).toBe(touchpoints);
    const closed = visibleItems(nodes, new Set([growth]));
    expect(closed).toHaveLength(3 + 2 * lanesPerStage);
    expect(closed.find((item) => item.node.key === growth)?.expanded).toBe(false);
  });
});

describe('votes in the outline', () => {
  const labelsIn = (nodes: readonly OutlineNode[]): string[] =>
    nodes.flatMap((node) => [node.label, ...labelsIn(node.children)]);

  it('says the dots the board shows on each note, and whose they are', () => {
    const map = voteMap();
    const outline = outlineOf(map);
    const dots = new Map([[map.courier.id, 3]]);
    const labels = labelsIn(outlineTree(outline, { dots, own: false, past: [] }));
    expect(labels).toContain('Breakdown point: Courier comes while he is at a client, 3 dots');
    expect(labels).toContain('Breakdown point: Prints come out striped');
    expect(labelsIn(outlineTree(outline, { dots, own: true, past: [] }))).toContain(
      'Breakdown point: Courier comes while he is at a client, 3 of your dots',
    );
  });

  it('lists the past votes last, each closed at first, with its notes ranked', () => {
    const map = voteMap();
    const id = map.vote({ voters: 2 });
    addDot(map.doc, id, map.courier.id);
    addDot(map.doc, id, map.cartridge.id);
    nextVoter(map.doc, id);
    addDot(map.doc, id, map.courier.id);
    revealVote(map.doc, id);
    const nodes = outlineTree(outlineOf(map), { dots: new Map(), own: false, past: outlineVotes(map.doc) });
    expect(nodes.slice(-2).map((node) => node.key)).toEqual([OUTSIDE_KEY, VOTES_KEY]);
    const votes = nodes.at(-1);
    expect(votes?.label).toBe('Votes, 1 past vote');
    const day = new Date(1_720_000_000_000).toLocaleDateString();
    expect(votes?.children.map((vote) => vote.label)).toEqual([
      `Vote: Which breakdowns hurt most?, ${day}, Current scenario. 3 dots from 2 voters; first: “Courier comes while he is at a client” with 2.`,
    ]);
    expect(votes?.children[0]?.children.map((row) => row.label)).toEqual([
      'Rank 1, 2 dots, Breakdown point: Courier comes while he is at a client',
      'Rank 2, 1 dot, Breakdown point: Cannot tell which cartridge fits',
    ]);
    expect(votes?.children[0]?.children[0]?.target).toEqual({
      kind: 'ranked',
      voteId: id,
      noteId: map.courier.id,
    });

    const shown = (toggled: Iterable<string>) =>
      visibleItems(nodes, new Set(toggled)).map((item) => item.node.key);
    expect(shown([])).toContain(voteKey(id));
    expect(shown([])).not.toContain(rankedKey(id, map.courier.id));
    expect(shown([voteKey(id)]).slice(-3)).toEqual([
      voteKey(id),
      rankedKey(id, map.courier.id),
      rankedKey(id, map.cartridge.id),
    ]);
    expect(shown([VOTES_KEY]).at(-1)).toBe(VOTES_KEY);
  });

  it('has no Votes item before a vote is revealed', () => {
    const map = voteMap();
    map.vote();
    const nodes = outlineTree(outlineOf(map), { dots: new Map(), own: false, past: outlineVotes(map.doc) });
    expect(nodes.map((node) => node.key)).not.toContain(VOTES_KEY);
  });
});
