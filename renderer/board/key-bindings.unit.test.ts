import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CELL_KEYS,
  EDITOR_KEYS,
  keyHelp,
  NOTE_KINDS_KEYS,
  SELECTION_KEYS,
  TOUCHPOINT_KEYS,
} from './key-bindings.ts';
import { type KeyPress, SHORTCUTS } from './shortcuts.ts';

/** A key press as the label says it: "Mod+Shift+S" is Ctrl, Shift and S on Windows and Linux. */
const pressOf = (label: string): KeyPress => {
  const parts = label.split('+');
  const key = parts.at(-1) ?? '';
  return {
    key: key.length === 1 ? key.toLowerCase() : key,
    code: /^\d$/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`,
    ctrlKey: parts.includes('Mod'),
    shiftKey: parts.includes('Shift'),
    metaKey: false,
    altKey: false,
  };
};

describe('the keys the help sheet shows are the keys that work', () => {
  it('every menu shortcut answers the keys its label names, and no other shortcut does', () => {
    for (const shortcut of SHORTCUTS) {
      const press = pressOf(shortcut.keys);
      expect(shortcut.matches(press), `${shortcut.action}: ${shortcut.keys}`).toBe(true);
      const others = SHORTCUTS.filter((other) => other !== shortcut && other.matches(press));
      expect(
        others.map((other) => other.action),
        shortcut.keys,
      ).toEqual([]);
    }
  });

  it('the editor, cell and selection keys answer the keys they name', () => {
    expect(EDITOR_KEYS.finish.matches(pressOf('Enter'))).toBe(true);
    expect(EDITOR_KEYS.newLine.matches(pressOf('Shift+Enter'))).toBe(true);
    expect(EDITOR_KEYS.finish.matches(pressOf('Shift+Enter'))).toBe(false);
    expect(EDITOR_KEYS.next.matches(pressOf('Tab'))).toBe(true);
    expect(EDITOR_KEYS.next.matches(pressOf('Mod+Enter'))).toBe(true);
    expect(EDITOR_KEYS.close.matches(pressOf('Escape'))).toBe(true);
    for (const arrow of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'])
      expect(CELL_KEYS.move.matches(pressOf(arrow)) && SELECTION_KEYS.nudge.matches(pressOf(arrow))).toBe(
        true,
      );
    for (const typed of ['a', 'É', '?', '7']) expect(CELL_KEYS.type.matches(pressOf(typed))).toBe(true);
    expect(CELL_KEYS.empty.matches(pressOf('Enter'))).toBe(true);
    for (const digit of ['1', '7']) expect(SELECTION_KEYS.colour.matches(pressOf(digit))).toBe(true);
    expect(SELECTION_KEYS.colour.matches(pressOf('8'))).toBe(false);
    expect(SELECTION_KEYS.stepOut.matches(pressOf('Escape'))).toBe(true);
  });

  it('+ (or =, unshifted) adds a dot and - takes one off; with Ctrl they zoom instead', () => {
    const typed = (key: string, ctrlKey = false): KeyPress => ({
      key,
      code: '',
      ctrlKey,
      shiftKey: key === '+',
      metaKey: false,
      altKey: false,
    });
    const answering = (press: KeyPress) =>
      [...Object.values(SELECTION_KEYS), ...NOTE_KINDS_KEYS, ...Object.values(TOUCHPOINT_KEYS), ...SHORTCUTS]
        .filter((binding) => binding.matches(press))
        .map((binding) => binding.action);
    for (const key of ['+', '=']) expect(answering(typed(key))).toEqual([SELECTION_KEYS.addDot.action]);
    expect(answering(typed('-'))).toEqual([SELECTION_KEYS.removeDot.action]);
    expect(answering(typed('=', true))).toEqual(['Zoom in']);
    expect(answering(typed('-', true))).toEqual(['Zoom out']);
  });

  it('each kind, channel, stamp and rating key answers its own key, and no other binding on a selection does', () => {
    const onSelection = [...NOTE_KINDS_KEYS, ...Object.values(TOUCHPOINT_KEYS), ...SHORTCUTS];
    for (const binding of [...NOTE_KINDS_KEYS, ...Object.values(TOUCHPOINT_KEYS)]) {
      const press = pressOf(binding.keys);
      expect(binding.matches(press), `${binding.action}: ${binding.keys}`).toBe(true);
      expect(
        onSelection.filter((other) => other !== binding && other.matches(press)).map((other) => other.action),
        binding.keys,
      ).toEqual([]);
    }
    expect(NOTE_KINDS_KEYS.map((binding) => binding.kind)).toEqual([
      'touchpoint',
      'breakdown',
      'opportunity',
      'idea',
      'quote',
      'question',
    ]);
    expect(CELL_KEYS.notes.matches(pressOf('Tab')) && CELL_KEYS.notes.matches(pressOf('Shift+Tab'))).toBe(
      true,
    );
  });

  it('says that Tab puts the next note in the same cell, as it does on a journey map', () => {
    const notes = keyHelp(false).find((group) => group.group === 'Notes');
    expect(notes?.rows).toContainEqual({
      action: 'Finish and type the next note (in the same cell; outside the grid, beside it)',
      keys: 'Tab or Ctrl+Enter',
    });
  });
});

/** The README's keyboard tables, as keyHelp makes them (Windows and Linux keys). */
const keyTablesMarkdown = (): string =>
  keyHelp(false)
    .map(({ group, rows }) =>
      [
        `**${group}**`,
        '',
        '| Action | Keys |',
        '| --- | --- |',
        ...rows.map((row) => `| ${row.action} | ${row.keys} |`),
      ].join('\n'),
    )
    .join('\n\n');

it('the README lists every key binding, as the help sheet does', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section =
    /<!-- keys: made from renderer\/board\/key-bindings.ts -->\n([\s\S]*?)\n<!-- \/keys -->/.exec(readme);
  expect(section?.[1], `README keys section; it should read:\n${keyTablesMarkdown()}`).toBe(
    keyTablesMarkdown(),
  );
});
