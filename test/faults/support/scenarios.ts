import { expect } from '@playwright/test';
import { addPersona, boardPoints, createMap, headerPoints, personaValue } from './app.ts';
import type { Action, Plan, Point, Scenario, Tracked } from './kill-loop.ts';
import { type Random, words } from './random.ts';
import { headersOf, recordsOf } from './store.ts';

/**
 * What the kill loop types, one scenario per kind of editor. Every text starts with a token
 * unique in the suite (scenario letter, run, letter), so the checker can tell each one apart.
 */

const LETTERS = 'abcdefghij';

/** Typing a text character by character, each a kill trigger, with a typist's small pauses. */
const typeChars = (random: Random, tracked: Tracked): Action[] =>
  [...tracked.text].flatMap((char, index): Action[] => [
    { do: 'char', char, edit: tracked.id, length: index + 1 },
    { do: 'pause', ms: random.int(5, 45) },
  ]);

const grid = (xs: readonly number[], ys: readonly number[]): [number, number][] =>
  xs.flatMap((x) => ys.map((y): [number, number] => [x, y]));

/** Time for the kill to come when it was drawn after the script's last keystroke. */
const TAIL: Action = { do: 'pause', ms: 1_100 };

/** N at a random place, then a few notes: Tab between them, Enter after the last. */
export const typingNotes: Scenario<{ at: Point[] }> = {
  name: 'notes',
  mapName: 'Kill drill: notes',
  setup: (page) => createMap(page, 'Kill drill: notes', 'Blank'),
  // Left of the middle: Tab puts each next note to the right of the last.
  prepare: async (page) => ({ at: await boardPoints(page, grid([0.15, 0.3], [0.2, 0.35, 0.5])) }),
  plan: (random, tag, { at }): Plan => {
    const tracked: Tracked[] = Array.from({ length: random.int(2, 4) }, (_, index) => {
      const id = `${tag}${LETTERS[index]}`;
      return { id, text: `${id} ${words(random, 1)}`, target: { kind: 'note' }, editor: 'New note text' };
    });
    const actions: Action[] = [
      { do: 'move', at: random.pick(at) },
      { do: 'key', key: 'n' },
    ];
    for (const [index, note] of tracked.entries()) {
      actions.push({ do: 'await-editor', label: 'New note text' }, ...typeChars(random, note));
      actions.push({ do: 'key', key: index === tracked.length - 1 ? 'Enter' : 'Tab', commits: note.id });
    }
    actions.push(TAIL);
    return { actions, tracked };
  },
};

/** Several pastes of many lines, each one edit of the store. */
export const pastingNotes: Scenario<{ at: Point[] }> = {
  name: 'paste',
  mapName: 'Kill drill: pastes',
  setup: (page) => createMap(page, 'Kill drill: pastes', 'Blank'),
  prepare: async (page) => ({ at: await boardPoints(page, grid([0.3, 0.5, 0.7], [0.3, 0.6])) }),
  plan: (random, tag, { at }): Plan => {
    const tracked: Tracked[] = Array.from({ length: random.int(3, 5) }, (_, index) => {
      const id = `${tag}${LETTERS[index]}`;
      const lines = Array.from(
        { length: random.int(6, 24) },
        (_, line) => `${id}-${String(line + 1).padStart(2, '0')} ${words(random, 1)}`,
      );
      return { id, text: lines.join('\n'), target: { kind: 'paste', lines }, editor: null };
    });
    const actions = tracked.flatMap((paste): Action[] => [
      { do: 'move', at: random.pick(at) },
      { do: 'paste', edit: paste.id, text: paste.text },
      { do: 'pause', ms: random.int(100, 400) },
    ]);
    actions.push(TAIL);
    return { actions, tracked };
  },
};

interface HeaderPlaces {
  readonly headers: { kind: 'stage' | 'lane'; id: string; at: Point }[];
}

/** Double-click a stage or lane header, type its new name, Enter. */
export const renamingHeaders: Scenario<HeaderPlaces> = {
  name: 'headers',
  mapName: 'Kill drill: headers',
  setup: (page) => createMap(page, 'Kill drill: headers', 'Customer experience stages'),
  prepare: async (page, stored, mapId) => {
    const stages = headersOf(stored, mapId, 'stage');
    const lanes = headersOf(stored, mapId, 'lane').filter((lane) => lane.hidden !== true);
    const points = await headerPoints(page, {
      stageWidths: stages.map((stage) => Number(stage.width)),
      laneHeights: lanes.map((lane) => Number(lane.height)),
    });
    return {
      headers: [
        ...stages.map((stage, index) => ({
          kind: 'stage' as const,
          id: stage.id,
          at: at(points.stages, index),
        })),
        ...lanes.map((lane, index) => ({ kind: 'lane' as const, id: lane.id, at: at(points.lanes, index) })),
      ],
    };
  },
  plan: (random, tag, { headers }): Plan => {
    const chosen = random.sample(headers, random.int(2, 3));
    const tracked = chosen.map((header, index): Tracked => {
      const id = `${tag}${LETTERS[index]}`;
      return {
        id,
        text: `${id} ${words(random, 1)}`,
        target: { kind: 'header', header: { kind: header.kind, id: header.id } },
        editor: header.kind === 'stage' ? 'Stage name' : 'Lane name',
      };
    });
    const actions = chosen.flatMap((header, index): Action[] => {
      const rename = tracked[index] as Tracked;
      return [
        { do: 'dblclick', at: header.at },
        { do: 'await-editor', label: rename.editor ?? '' },
        ...typeChars(random, rename),
        { do: 'key', key: 'Enter', commits: rename.id },
        { do: 'pause', ms: random.int(50, 250) },
      ];
    });
    actions.push(TAIL);
    return { actions, tracked };
  },
};

const at = (points: readonly Point[], index: number): Point => {
  const point = points[index];
  if (!point) throw new Error(`no screen point for header ${index}`);
  return point;
};

const PERSONA_FIELDS = ['role', 'goals', 'needs', 'frustrations', 'quote'] as const;

/** Click a persona field, select its text, type the new one, Enter. */
export const editingPersona: Scenario<{ personaId: string }> = {
  name: 'persona',
  mapName: 'Kill drill: persona',
  setup: async (page) => {
    await createMap(page, 'Kill drill: persona', 'Customer experience stages');
    await addPersona(page, 'Sam Taylor');
  },
  normalize: async (page) => {
    // The card may come back folded into its chip.
    const chip = page.getByRole('button', { name: /^Persona: / });
    if (await chip.isVisible()) await chip.click();
    await expect(personaValue(page, 'role')).toBeVisible();
  },
  prepare: async (_page, stored, mapId) => {
    const persona = recordsOf(stored, mapId).find((record) => record.type === 'persona');
    if (!persona) throw new Error('the map has no persona record');
    return { personaId: persona.id };
  },
  plan: (random, tag, { personaId }): Plan => {
    const fields = random.sample(PERSONA_FIELDS, random.int(2, 3));
    const tracked = fields.map((field, index): Tracked => {
      const id = `${tag}${LETTERS[index]}`;
      return {
        id,
        text: `${id} ${words(random, 2)}`,
        target: { kind: 'persona', personaId, field },
        editor: `Persona ${field}`,
      };
    });
    const actions = fields.flatMap((field, index): Action[] => {
      const edit = tracked[index] as Tracked;
      return [
        { do: 'click', selector: `.persona-field[data-field="${field}"] button` },
        { do: 'await-editor', label: `Persona ${field}` },
        { do: 'key', key: 'Control+a' },
        ...typeChars(random, edit),
        { do: 'key', key: 'Enter', commits: edit.id },
        { do: 'pause', ms: random.int(50, 250) },
      ];
    });
    actions.push(TAIL);
    return { actions, tracked };
  },
};
