import { describe, expect, it } from 'vitest';
import type { OutlineNode, VisibleItem } from './outline-tree.ts';
import { visibleItems } from './outline-tree.ts';
import { treeMove, typeAhead } from './tree-navigation.ts';

const node = (key: string, title: string, children: OutlineNode[] = []): OutlineNode => ({
  key,
  target: { kind: 'note', id: key },
  title,
  badge: null,
  detail: '',
  label: title,
  children,
});

// Purchase > (Touchpoints > Web shop, Émail), Use (no lanes), Referral > Word of mouth
const tree = [
  node('purchase', 'Purchase', [
    node('touchpoints', 'Touchpoints', [node('web', 'Web shop'), node('email', 'Émail')]),
  ]),
  node('use', 'Use'),
  node('referral', 'Referral', [node('word', 'Word of mouth')]),
];

const keys = (items: readonly VisibleItem[]) => items.map((item) => item.node.key);

describe('treeMove', () => {
  const items = visibleItems(tree, new Set());

  it('walks the shown items with Up, Down, Home and End', () => {
    expect(keys(items)).toEqual(['purchase', 'touchpoints', 'web', 'email', 'use', 'referral', 'word']);
    expect(treeMove(items, 'web', 'ArrowDown')).toEqual({ type: 'focus', key: 'email' });
    expect(treeMove(items, 'email', 'ArrowDown')).toEqual({ type: 'focus', key: 'use' });
    expect(treeMove(items, 'use', 'ArrowUp')).toEqual({ type: 'focus', key: 'email' });
    expect(treeMove(items, 'word', 'Home')).toEqual({ type: 'focus', key: 'purchase' });
    expect(treeMove(items, 'purchase', 'End')).toEqual({ type: 'focus', key: 'word' });
    expect(treeMove(items, 'purchase', 'ArrowUp')).toBeNull();
    expect(treeMove(items, 'word', 'ArrowDown')).toBeNull();
  });

  it('opens and enters with Right, closes and goes up with Left', () => {
    expect(treeMove(items, 'purchase', 'ArrowRight')).toEqual({ type: 'focus', key: 'touchpoints' });
    expect(treeMove(items, 'web', 'ArrowRight')).toBeNull();
    expect(treeMove(items, 'use', 'ArrowRight')).toBeNull();
    expect(treeMove(items, 'web', 'ArrowLeft')).toEqual({ type: 'focus', key: 'touchpoints' });
    expect(treeMove(items, 'touchpoints', 'ArrowLeft')).toEqual({ type: 'collapse', key: 'touchpoints' });
    expect(treeMove(items, 'use', 'ArrowLeft')).toBeNull();
    const closed = visibleItems(tree, new Set(['purchase']));
    expect(keys(closed)).toEqual(['purchase', 'use', 'referral', 'word']);
    expect(treeMove(closed, 'purchase', 'ArrowRight')).toEqual({ type: 'expand', key: 'purchase' });
    expect(treeMove(closed, 'purchase', 'ArrowDown')).toEqual({ type: 'focus', key: 'use' });
  });
});

describe('typeAhead', () => {
  const items = visibleItems(tree, new Set());

  it('finds the next item starting with the letters typed, ignoring case and accents, wrapping', () => {
    expect(typeAhead(items, 'purchase', 'w')).toBe('web');
    expect(typeAhead(items, 'web', 'w')).toBe('word');
    expect(typeAhead(items, 'word', 'w')).toBe('web');
    expect(typeAhead(items, 'web', 'wo')).toBe('word');
    expect(typeAhead(items, 'purchase', 'E')).toBe('email');
    expect(typeAhead(items, 'purchase', 'u')).toBe('use');
    expect(typeAhead(items, 'purchase', 'x')).toBeNull();
  });
});
