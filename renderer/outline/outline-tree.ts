import { oneLine } from '../../shared/journey/list-export.ts';
import { KIND_STYLES } from '../../shared/journey/note-kinds.ts';
import type { PastVote } from '../../shared/journey/votes/past-votes.ts';
import { dotCount, type ResultRow } from '../../shared/journey/votes/vote-results.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import { describeNote } from './describe-note.ts';
import type { Outline } from './outline-model.ts';

/**
 * The outline as tree items: stages, the lanes in each, their notes, then "Outside the grid",
 * then "Votes": the map's past votes, each with its notes ranked. Each item has a stable key (a
 * lane appears once per stage, so its key names both; a note ranked in a vote names the vote)
 * and the words a screen reader says for it.
 */
export type OutlineTarget =
  | { readonly kind: 'stage'; readonly id: string }
  | { readonly kind: 'lane'; readonly stageId: string; readonly laneId: string }
  | { readonly kind: 'note'; readonly id: string }
  | { readonly kind: 'outside' }
  | { readonly kind: 'votes' }
  | { readonly kind: 'vote'; readonly id: string }
  | { readonly kind: 'ranked'; readonly voteId: string; readonly noteId: string };

export interface OutlineNode {
  readonly key: string;
  readonly target: OutlineTarget;
  /** What is written on the row: a header's name, a note's text. Type-ahead matches it. */
  readonly title: string;
  /** A note's kind, shown before its text. */
  readonly badge: string | null;
  /** Counts, the emotion score, a note's marks. */
  readonly detail: string;
  /** The item's accessible name: badge, title and detail in one phrase. */
  readonly label: string;
  readonly children: readonly OutlineNode[];
  /** Shown closed until the reader opens it: a past vote, whose ranking is there when asked for. */
  readonly startsCollapsed?: boolean;
}

/** What the outline says of votes: the dots on notes, and the map's past votes. */
export interface OutlineVotes {
  /** The dots the board shows on each note, by note id (shownDots). */
  readonly dots: ReadonlyMap<string, number>;
  /** Whether those are the current voter's own: a hidden vote before its reveal. */
  readonly own: boolean;
  /** The map's revealed votes, newest first. */
  readonly past: readonly PastVote[];
}

const NO_VOTES: OutlineVotes = { dots: new Map(), own: false, past: [] };

export const noteKey = (id: string): string => `note:${id}`;
export const stageKey = (id: string): string => `stage:${id}`;
export const laneKey = (stageId: string, laneId: string): string => `lane:${stageId}:${laneId}`;
export const OUTSIDE_KEY = 'outside';
export const VOTES_KEY = 'votes';
export const voteKey = (id: string): string => `vote:${id}`;
export const rankedKey = (voteId: string, noteId: string): string => `ranked:${voteId}:${noteId}`;

const count = (n: number): string => (n === 0 ? 'no notes' : n === 1 ? '1 note' : `${n} notes`);

const score = (emotion: number | null): string =>
  emotion === null ? 'emotion not scored' : `emotion ${emotion > 0 ? '+' : ''}${emotion}`;

const noteNode = (note: NoteRecord, votes: OutlineVotes): OutlineNode => {
  const description = describeNote(note, { count: votes.dots.get(note.id) ?? 0, own: votes.own });
  return {
    key: noteKey(note.id),
    target: { kind: 'note', id: note.id },
    title: description.text,
    badge: description.kind,
    detail: description.marks.join(', '),
    label: description.label,
    children: [],
  };
};

const rankedNode = (voteId: string, row: ResultRow): OutlineNode => {
  const text = oneLine(row.text) || 'empty note';
  const kind = KIND_STYLES[row.kind].label;
  const detail = `rank ${row.rank}, ${dotCount(row.dots)}`;
  return {
    key: rankedKey(voteId, row.noteId),
    target: { kind: 'ranked', voteId, noteId: row.noteId },
    title: text,
    badge: kind,
    detail,
    label: `Rank ${row.rank}, ${dotCount(row.dots)}, ${kind}: ${text}`,
    children: [],
  };
};

const voteNode = (vote: PastVote): OutlineNode => {
  const question = oneLine(vote.question);
  // As the vote panel writes the day of a past vote.
  const day = new Date(vote.startedAt).toLocaleDateString();
  const scenario = vote.scenario === null ? 'a deleted scenario' : `${vote.scenario} scenario`;
  return {
    key: voteKey(vote.id),
    target: { kind: 'vote', id: vote.id },
    title: question,
    badge: null,
    detail: `${day} · ${scenario} · ${vote.summary}`,
    label: `Vote: ${question}, ${day}, ${scenario}. ${vote.summary}`,
    children: vote.results.rows.map((row) => rankedNode(vote.id, row)),
    startsCollapsed: true,
  };
};

const votesNode = (past: readonly PastVote[]): OutlineNode => {
  const detail = past.length === 1 ? '1 past vote' : `${past.length} past votes`;
  return {
    key: VOTES_KEY,
    target: { kind: 'votes' },
    title: 'Votes',
    badge: null,
    detail,
    label: `Votes, ${detail}`,
    children: past.map(voteNode),
  };
};

/** O(items): a note's dots are looked up by id, and the past votes come ranked. */
export const outlineTree = (outline: Outline, votes: OutlineVotes = NO_VOTES): OutlineNode[] => {
  const noteOf = (note: NoteRecord) => noteNode(note, votes);
  const nodes = outline.stages.map(({ stage, lanes, noteCount }): OutlineNode => {
    const children = lanes.map(({ lane, notes, emotion }): OutlineNode => {
      const detail = lane.role === 'emotion' ? score(emotion) : count(notes.length);
      return {
        key: laneKey(stage.id, lane.id),
        target: { kind: 'lane', stageId: stage.id, laneId: lane.id },
        title: lane.name,
        badge: null,
        detail,
        label: `Lane: ${lane.name}, ${detail}`,
        children: notes.map(noteOf),
      };
    });
    return {
      key: stageKey(stage.id),
      target: { kind: 'stage', id: stage.id },
      title: stage.name,
      badge: null,
      detail: count(noteCount),
      label: `Stage: ${stage.name}, ${count(noteCount)}`,
      children,
    };
  });
  if (outline.outside.length > 0)
    nodes.push({
      key: OUTSIDE_KEY,
      target: { kind: 'outside' },
      title: 'Outside the grid',
      badge: null,
      detail: count(outline.outside.length),
      label: `Outside the grid, ${count(outline.outside.length)}`,
      children: outline.outside.map(noteOf),
    });
  if (votes.past.length > 0) nodes.push(votesNode(votes.past));
  return nodes;
};

/**
 * Whether an item shows its children. `toggled`: the items the reader opened or closed, against
 * how each starts (open, or closed for startsCollapsed).
 */
export const isExpanded = (node: OutlineNode, toggled: ReadonlySet<string>): boolean =>
  node.children.length > 0 && toggled.has(node.key) === Boolean(node.startsCollapsed);

/** One row of the tree as the keyboard walks it: shown items only, top to bottom. */
export interface VisibleItem {
  readonly node: OutlineNode;
  readonly parent: string | null;
  readonly expanded: boolean;
}

/** The items a reader can reach: every top-level item, and the children of expanded ones. */
export const visibleItems = (nodes: readonly OutlineNode[], toggled: ReadonlySet<string>): VisibleItem[] => {
  const items: VisibleItem[] = [];
  const walk = (level: readonly OutlineNode[], parent: string | null) => {
    for (const node of level) {
      const expanded = isExpanded(node, toggled);
      items.push({ node, parent, expanded });
      if (expanded) walk(node.children, node.key);
    }
  };
  walk(nodes, null);
  return items;
};
