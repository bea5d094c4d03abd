import { describeNote } from './describe-note.ts';
import type { Outline } from './outline-model.ts';

/**
 * The outline as tree items: stages, the lanes in each, their notes, then "Outside the grid".
 * Each item has a stable key (a lane appears once per stage, so its key names both) and the
 * words a screen reader says for it.
 */
export type OutlineTarget =
  | { readonly kind: 'stage'; readonly id: string }
  | { readonly kind: 'lane'; readonly stageId: string; readonly laneId: string }
  | { readonly kind: 'note'; readonly id: string }
  | { readonly kind: 'outside' };

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
}

export const noteKey = (id: string): string => `note:${id}`;
export const stageKey = (id: string): string => `stage:${id}`;
export const laneKey = (stageId: string, laneId: string): string => `lane:${stageId}:${laneId}`;
export const OUTSIDE_KEY = 'outside';

const count = (n: number): string => (n === 0 ? 'no notes' : n === 1 ? '1 note' : `${n} notes`);

const score = (emotion: number | null): string =>
  emotion === null ? 'emotion not scored' : `emotion ${emotion > 0 ? '+' : ''}${emotion}`;

const noteNode = (note: Parameters<typeof describeNote>[0]): OutlineNode => {
  const description = describeNote(note);
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

export const outlineTree = (outline: Outline): OutlineNode[] => {
  const stages = outline.stages.map(({ stage, lanes, noteCount }): OutlineNode => {
    const children = lanes.map(({ lane, notes, emotion }): OutlineNode => {
      const detail = lane.role === 'emotion' ? score(emotion) : count(notes.length);
      return {
        key: laneKey(stage.id, lane.id),
        target: { kind: 'lane', stageId: stage.id, laneId: lane.id },
        title: lane.name,
        badge: null,
        detail,
        label: `Lane: ${lane.name}, ${detail}`,
        children: notes.map(noteNode),
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
  if (outline.outside.length === 0) return stages;
  return [
    ...stages,
    {
      key: OUTSIDE_KEY,
      target: { kind: 'outside' },
      title: 'Outside the grid',
      badge: null,
      detail: count(outline.outside.length),
      label: `Outside the grid, ${count(outline.outside.length)}`,
      children: outline.outside.map(noteNode),
    },
  ];
};

/** One row of the tree as the keyboard walks it: shown items only, top to bottom. */
export interface VisibleItem {
  readonly node: OutlineNode;
  readonly parent: string | null;
  readonly expanded: boolean;
}

/** The items a reader can reach: every top-level item, and the children of expanded ones. */
export const visibleItems = (
  nodes: readonly OutlineNode[],
  collapsed: ReadonlySet<string>,
): VisibleItem[] => {
  const items: VisibleItem[] = [];
  const walk = (level: readonly OutlineNode[], parent: string | null) => {
    for (const node of level) {
      const expanded = node.children.length > 0 && !collapsed.has(node.key);
      items.push({ node, parent, expanded });
      if (expanded) walk(node.children, node.key);
    }
  };
  walk(nodes, null);
  return items;
};
