import { normalizeForSearch } from '../../shared/journey/search.ts';
import type { VisibleItem } from './outline-tree.ts';

/**
 * The keys of the WAI-ARIA tree view pattern over the shown items: Up and Down move one item,
 * Home and End to the first and last, Right opens a closed item or enters an open one, Left
 * closes an open item or goes up to its parent.
 */
export type TreeMove =
  | { readonly type: 'focus'; readonly key: string }
  | { readonly type: 'expand'; readonly key: string }
  | { readonly type: 'collapse'; readonly key: string };

export const treeMove = (items: readonly VisibleItem[], currentKey: string, key: string): TreeMove | null => {
  const index = items.findIndex((item) => item.node.key === currentKey);
  const item = items[index];
  if (!item) return null;
  const focus = (target: VisibleItem | undefined): TreeMove | null =>
    target ? { type: 'focus', key: target.node.key } : null;
  switch (key) {
    case 'ArrowDown':
      return focus(items[index + 1]);
    case 'ArrowUp':
      return focus(items[index - 1]);
    case 'Home':
      return focus(items[0]);
    case 'End':
      return focus(items.at(-1));
    case 'ArrowRight':
      if (item.node.children.length === 0) return null;
      return item.expanded ? focus(items[index + 1]) : { type: 'expand', key: currentKey };
    case 'ArrowLeft':
      if (item.expanded) return { type: 'collapse', key: currentKey };
      return item.parent ? { type: 'focus', key: item.parent } : null;
    default:
      return null;
  }
};

/**
 * Type-ahead: the next shown item whose title starts with what was typed (ignoring case and
 * accents), searching on from the current item and wrapping. A first letter moves past the
 * current item, so pressing it again cycles; further letters refine from where the reader is.
 */
export const typeAhead = (
  items: readonly VisibleItem[],
  currentKey: string,
  typed: string,
): string | null => {
  const prefix = normalizeForSearch(typed);
  if (prefix === '') return null;
  const index = Math.max(
    0,
    items.findIndex((item) => item.node.key === currentKey),
  );
  const start = typed.length > 1 ? index : index + 1;
  for (let offset = 0; offset < items.length; offset++) {
    const item = items[(start + offset) % items.length];
    if (item && normalizeForSearch(item.node.title).startsWith(prefix)) return item.node.key;
  }
  return null;
};
