import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import {
  anyEditor,
  board,
  expectSaved,
  goToLibrary,
  mapTitle,
  openApp,
  openFromLibrary,
  pasteText,
  zoomShown,
  zoomTo,
} from './app.ts';
import { type FaultBrowser, launchBrowser, pause } from './browser.ts';
import { type Random, seededRandom, seedFor } from './random.ts';
import {
  corruptions,
  draftOf,
  liveNoteTexts,
  mapNamed,
  openChecker,
  readStore,
  recordsOf,
  type Snapshot,
} from './store.ts';

/**
 * Kill at random moments: each run types (or pastes) from a script drawn from a seeded PRNG,
 * SIGKILLs the browser 0–1,000 ms after one of its keystrokes, relaunches it on the same
 * profile, reads IndexedDB with the independent checker before the app starts, then lets the
 * app start and looks at what it shows. Every keystroke's wall-clock time is recorded in the
 * test process, so each edit's age at the kill is known.
 */

/** Edits at least this old at the kill must have been stored. */
export const MUST_SURVIVE_MS = 300;

/** A zoom set at least this long before the kill must come back (the viewport is stored lazily). */
export const VIEWPORT_MUST_SURVIVE_MS = 1_000;

export const AGE_BUCKETS = ['<100 ms', '100–300 ms', '≥300 ms'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export const ageBucket = (ageMs: number): AgeBucket =>
  ageMs < 100 ? '<100 ms' : ageMs < MUST_SURVIVE_MS ? '100–300 ms' : '≥300 ms';

/** Where a tracked text ends up: a note, a stage or lane name, a persona field, pasted notes. */
export type Target =
  | { readonly kind: 'note' }
  | { readonly kind: 'header'; readonly header: { readonly kind: 'stage' | 'lane'; readonly id: string } }
  | { readonly kind: 'persona'; readonly personaId: string; readonly field: string }
  | { readonly kind: 'paste'; readonly lines: readonly string[] };

/** One text the script types (or pastes), identified by a token unique in the whole suite. */
export interface Tracked {
  readonly id: string;
  readonly text: string;
  readonly target: Target;
  /** The editor it is typed in (its accessible name); null for a paste. */
  readonly editor: string | null;
}

/** What the script does, step by step; `op` steps (keystrokes, pastes) are the kill triggers. */
export type Action =
  | { readonly do: 'move'; readonly at: Point }
  | { readonly do: 'dblclick'; readonly at: Point }
  | { readonly do: 'click'; readonly selector: string }
  | { readonly do: 'await-editor'; readonly label: string }
  | { readonly do: 'key'; readonly key: string; readonly commits?: string }
  | { readonly do: 'char'; readonly char: string; readonly edit: string; readonly length: number }
  | { readonly do: 'paste'; readonly edit: string; readonly text: string }
  | { readonly do: 'pause'; readonly ms: number };

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Plan {
  readonly actions: readonly Action[];
  readonly tracked: readonly Tracked[];
}

export interface Scenario<Prepared = unknown> {
  readonly name: string;
  /** The map's name; one map per scenario, made by setup on a fresh profile. */
  readonly mapName: string;
  readonly setup: (page: Page) => Promise<void>;
  /** Brings the app to its starting state for the next run (a folded card opened again...). */
  readonly normalize?: (page: Page) => Promise<void>;
  /** Reads what the plan needs from the screen and the stored map (header places, the persona). */
  readonly prepare: (page: Page, stored: Snapshot, mapId: string) => Promise<Prepared>;
  readonly plan: (random: Random, tag: string, prepared: Prepared) => Plan;
}

export type EditKind = 'typed' | 'finished' | 'paste';

/** One edit as judged after the crash. */
export interface EditResult {
  readonly edit: string;
  readonly kind: EditKind;
  readonly ageMs: number;
  readonly present: boolean;
  /** What was expected and what was found, for failure messages. */
  readonly detail: string;
}

export interface EditorSeen {
  readonly label: string;
  readonly value: string;
}

export interface RunResult {
  readonly run: number;
  readonly trigger: { readonly op: number; readonly delayMs: number };
  readonly ops: number;
  readonly edits: readonly EditResult[];
  readonly duplicates: readonly string[];
  readonly partialPastes: readonly string[];
  readonly corruptions: readonly string[];
  readonly libraryLost: boolean;
  readonly reopen: {
    /** What the app showed after the relaunch. */
    readonly screen: 'board' | 'library';
    readonly mapExpected: string;
    readonly mapName: string | null;
    readonly staleLock: boolean;
    /** The zoom label before the kill, when it was set long enough before it to be expected. */
    readonly zoomExpected: string | null;
    readonly zoomSeen: string | null;
    /** The editor open at the kill and the text older than 300 ms typed in it, if any. */
    readonly editorExpected: EditorSeen | null;
    readonly editorSeen: EditorSeen | null;
  };
}

export interface LoopResult {
  readonly scenario: string;
  readonly seed: number;
  readonly runs: readonly RunResult[];
  readonly durationMs: number;
}

export const runKillLoop = async <P>(
  scenario: Scenario<P>,
  runs: number,
  seed: number,
): Promise<LoopResult> => {
  const started = Date.now();
  const profile = mkdtempSync(join(tmpdir(), `journeywall-faults-${scenario.name}-`));
  let session = await launchBrowser(profile);
  const results: RunResult[] = [];
  try {
    await openApp(session.page);
    await scenario.setup(session.page);
    await expectSaved(session.page);
    for (let run = 0; run < runs; run++) {
      const where = `${scenario.name} run ${run + 1}/${runs} (seed ${seed})`;
      const random = seededRandom(seedFor(seed, `${scenario.name}#${run}`));
      let page = session.page;
      await inStep(`${where}: getting the map ready`, () => normalize(page, scenario));
      const before = await readStore(page);
      const mapId = mapNamed(before, scenario.mapName)?.id;
      if (!mapId)
        throw new Error(`${where}: the map "${scenario.mapName}" is not in IndexedDB before the run`);
      // A new zoom every run, so that finding it after the relaunch means it was stored.
      await zoomTo(page, random.int(-2, 2));
      const prepared = await inStep(`${where}: preparing`, () => scenario.prepare(page, before, mapId));
      const plan = scenario.plan(random, `${scenario.name[0]}${String(run).padStart(2, '0')}`, prepared);
      const ops = plan.actions.filter(isOp).length;
      const trigger = { op: random.int(0, ops - 1), delayMs: random.int(0, 999) };
      const zoom = await zoomShown(page);
      const zoomSetAt = Date.now();

      const executed = await execute(session, page, plan, trigger, where);
      session = await launchBrowser(profile);
      page = session.page;
      await openChecker(page);
      const after = await readStore(page);
      const judged = judge(plan, executed, after, mapId);
      const reopen = await observeReopen(page, judged.editorExpected);
      results.push({
        run,
        trigger,
        ops,
        edits: judged.edits,
        duplicates: judged.duplicates,
        partialPastes: judged.partialPastes,
        corruptions: corruptions(after),
        libraryLost: before.maps.some((map) => !after.maps.some((kept) => kept.id === map.id)),
        reopen: {
          ...reopen,
          mapExpected: scenario.mapName,
          zoomExpected: executed.killAt - zoomSetAt >= VIEWPORT_MUST_SURVIVE_MS ? zoom : null,
          editorExpected: judged.editorExpected,
        },
      });
    }
  } finally {
    await session.kill();
    rmSync(profile, { recursive: true, force: true });
  }
  return { scenario: scenario.name, seed, runs: results, durationMs: Date.now() - started };
};

const isOp = (action: Action): boolean =>
  action.do === 'key' || action.do === 'char' || action.do === 'paste';

/** Names the step a harness failure happened in. */
const inStep = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    throw new Error(`${step}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
};

/** The map on the board, no editor open, everything saved: where every run starts. */
const normalize = async (page: Page, scenario: Pick<Scenario, 'mapName' | 'normalize'>): Promise<void> => {
  if (!(await board(page).isVisible()) || (await mapTitle(page).inputValue()) !== scenario.mapName) {
    if (await board(page).isVisible()) await goToLibrary(page);
    await openFromLibrary(page, scenario.mapName);
  }
  // An editor the app reopened: Escape leaves it (a new note keeps its text).
  for (let tries = 0; tries < 3 && (await anyEditor(page).count()) > 0; tries++) {
    await anyEditor(page).first().press('Escape');
  }
  await expect(anyEditor(page)).toHaveCount(0);
  await page.mouse.move(1, 1);
  await scenario.normalize?.(page);
  await expectSaved(page, 15_000);
};

interface Executed {
  readonly killAt: number;
  /** For each tracked edit: when each typed length was reached, and when it was committed. */
  readonly typed: ReadonlyMap<string, readonly { at: number; length: number }[]>;
  readonly committed: ReadonlyMap<string, number>;
  /** The edit being typed in an open editor at the kill, if any. */
  readonly typing: string | null;
}

/**
 * Runs the plan and kills the browser `trigger.delayMs` after op number `trigger.op` has been
 * handled by the page; the script goes on typing until then. Steps cut short by the kill are
 * not recorded; a step that fails before the kill is a harness or app failure and is thrown.
 */
const execute = async (
  session: FaultBrowser,
  page: Page,
  plan: Plan,
  trigger: { op: number; delayMs: number },
  where: string,
): Promise<Executed> => {
  const typed = new Map<string, { at: number; length: number }[]>();
  const committed = new Map<string, number>();
  let typing: string | null = null;
  let killAt = 0;
  let killing: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const kill = (): Promise<void> => {
    killing ??= (async () => {
      killAt = Date.now();
      await session.kill();
    })();
    return killing;
  };
  const armKill = () => {
    timer ??= setTimeout(() => void kill(), trigger.delayMs);
  };

  let op = 0;
  try {
    for (const action of plan.actions) {
      if (killing) break;
      await perform(page, action);
      const at = Date.now();
      if (action.do === 'char') {
        const lengths = typed.get(action.edit) ?? [];
        lengths.push({ at, length: action.length });
        typed.set(action.edit, lengths);
        typing = action.edit;
      } else if (action.do === 'key' && action.commits) {
        committed.set(action.commits, at);
        typing = null;
      } else if (action.do === 'paste') {
        committed.set(action.edit, at);
      }
      if (isOp(action)) {
        if (op === trigger.op) armKill();
        op++;
      }
    }
  } catch (error) {
    if (!killing) {
      if (timer) clearTimeout(timer);
      await kill();
      throw new Error(`${where}: the script failed before the kill: ${String(error)}`, { cause: error });
    }
  }
  // A script shorter than its trigger: the kill still comes, after the last op.
  armKill();
  while (!killing) await pause(5);
  await killing;
  return { killAt, typed, committed, typing };
};

const perform = async (page: Page, action: Action): Promise<void> => {
  switch (action.do) {
    case 'move':
      return page.mouse.move(action.at.x, action.at.y);
    case 'dblclick':
      return page.mouse.dblclick(action.at.x, action.at.y);
    case 'click':
      return page.locator(action.selector).click({ timeout: 5_000 });
    case 'await-editor':
      return expect(page.getByRole('textbox', { name: action.label, exact: true })).toBeFocused({
        timeout: 5_000,
      });
    case 'key':
      return page.keyboard.press(action.key);
    case 'char':
      return page.keyboard.type(action.char);
    case 'paste':
      return pasteText(page, action.text);
    case 'pause':
      return pause(action.ms);
  }
};

interface Judged {
  readonly edits: EditResult[];
  readonly duplicates: string[];
  readonly partialPastes: string[];
  readonly editorExpected: EditorSeen | null;
}

/**
 * What survived, read from the checker's snapshot after the crash. A typed character survives
 * when a stored text of its edit (the note, name or field, or the draft) holds everything typed
 * up to it; a finished edit when the record holds the whole text; a paste when all its lines are
 * notes. Texts carry a unique token, so a stored note belongs to an edit when it is a prefix of
 * the edit's text at least as long as the token; a name or field, and the draft of the editor
 * open at the kill, belong to it when they are any prefix of its text (their target says whose).
 */
const judge = (plan: Plan, executed: Executed, after: Snapshot, mapId: string): Judged => {
  const notes = liveNoteTexts(after, mapId);
  const draft = draftOf(after, mapId);
  const records = recordsOf(after, mapId);
  const edits: EditResult[] = [];
  const duplicates: string[] = [];
  const partialPastes: string[] = [];
  const age = (at: number) => Math.max(0, executed.killAt - at);
  const owned = (tracked: Tracked, text: string) =>
    text.length >= tracked.id.length && tracked.text.startsWith(text);

  for (const tracked of plan.tracked) {
    const { target } = tracked;
    const committedAt = executed.committed.get(tracked.id);
    if (target.kind === 'paste') {
      if (committedAt === undefined) continue;
      const found = target.lines.filter((line) => notes.includes(line)).length;
      if (found > 0 && found < target.lines.length) {
        partialPastes.push(`${tracked.id}: ${found} of ${target.lines.length} lines stored`);
      }
      for (const line of target.lines) {
        if (notes.filter((text) => text === line).length > 1) duplicates.push(`pasted line "${line}"`);
      }
      edits.push({
        edit: tracked.id,
        kind: 'paste',
        ageMs: age(committedAt),
        present: found === target.lines.length,
        detail: `${found} of ${target.lines.length} pasted lines are notes`,
      });
      continue;
    }
    const stored = storedValue(records, target);
    const draftText = draft && sameTarget(draft.target, target) ? draft.text : null;
    const prefix = (text: string) => text.length > 0 && tracked.text.startsWith(text);
    const mine = [
      ...(target.kind === 'note' ? notes.filter((text) => owned(tracked, text)) : []),
      ...(stored !== null && prefix(stored) ? [stored] : []),
      ...(draftText !== null &&
      (owned(tracked, draftText) || (executed.typing === tracked.id && prefix(draftText)))
        ? [draftText]
        : []),
    ];
    for (const { at, length } of executed.typed.get(tracked.id) ?? []) {
      edits.push({
        edit: tracked.id,
        kind: 'typed',
        ageMs: age(at),
        present: mine.some((text) => text.length >= length),
        detail: `"${tracked.text.slice(0, length)}" typed; stored: ${describe(mine, draftText)}`,
      });
    }
    if (committedAt !== undefined) {
      const whole = target.kind === 'note' ? notes.includes(tracked.text) : stored === tracked.text;
      edits.push({
        edit: tracked.id,
        kind: 'finished',
        ageMs: age(committedAt),
        present: whole,
        detail: `"${tracked.text}" finished; stored: ${target.kind === 'note' ? describe(mine, null) : JSON.stringify(stored)}`,
      });
    }
    if (target.kind === 'note') {
      const copies = notes.filter((text) => owned(tracked, text)).length;
      if (copies > 1) duplicates.push(`note "${tracked.text}" is stored ${copies} times`);
    }
  }

  // The editor open at the kill must come back with what was typed in it 300 ms before.
  let editorExpected: EditorSeen | null = null;
  const { typing } = executed;
  const tracked = plan.tracked.find((candidate) => candidate.id === typing);
  const old = (executed.typed.get(typing ?? '') ?? []).filter(({ at }) => age(at) >= MUST_SURVIVE_MS).at(-1);
  if (tracked?.editor && old)
    editorExpected = { label: tracked.editor, value: tracked.text.slice(0, old.length) };
  return { edits, duplicates, partialPastes, editorExpected };
};

const storedValue = (records: ReturnType<typeof recordsOf>, target: Target): string | null => {
  if (target.kind === 'header') {
    const header = records.find((record) => record.id === target.header.id);
    return typeof header?.name === 'string' ? header.name : null;
  }
  if (target.kind === 'persona') {
    const persona = records.find((record) => record.id === target.personaId);
    const value = persona?.[target.field];
    return typeof value === 'string' ? value : null;
  }
  return null;
};

const sameTarget = (draft: NonNullable<ReturnType<typeof draftOf>>['target'], target: Target): boolean => {
  if (!draft || typeof draft !== 'object') return false;
  if (target.kind === 'note') return draft.kind === 'note';
  if (target.kind === 'header') {
    return draft.kind === 'header' && draft.header?.id === target.header.id;
  }
  if (target.kind === 'persona') {
    return draft.kind === 'persona' && draft.personaId === target.personaId && draft.field === target.field;
  }
  return false;
};

const describe = (mine: readonly string[], draft: string | null): string => {
  const parts = mine.map((text) => JSON.stringify(text));
  if (draft !== null && !mine.includes(draft)) parts.push(`draft ${JSON.stringify(draft)} (not this edit)`);
  return parts.length > 0 ? parts.join(', ') : 'nothing';
};

/** Starts the app on the relaunched browser and records what it shows. */
const observeReopen = async (
  page: Page,
  editorExpected: EditorSeen | null,
): Promise<Omit<RunResult['reopen'], 'mapExpected' | 'zoomExpected' | 'editorExpected'>> => {
  const screen = await openApp(page);
  const handOver = page.getByRole('button', { name: 'Open here instead' });
  // A lock left by the killed browser must not keep the map from its only window.
  const staleLock = await handOver.isVisible();
  if (staleLock) await handOver.click();
  if (screen === 'library') {
    return { screen, mapName: null, staleLock, zoomSeen: null, editorSeen: null };
  }
  await expect(mapTitle(page)).not.toHaveValue('');
  if (editorExpected) {
    // The app may open the editor a moment after the board (longer on a loaded CI machine):
    // give it that moment.
    await anyEditor(page)
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
  }
  const editor = anyEditor(page).first();
  const editorSeen =
    (await anyEditor(page).count()) > 0
      ? { label: (await editor.getAttribute('aria-label')) ?? '', value: await editor.inputValue() }
      : null;
  return {
    screen,
    mapName: await mapTitle(page).inputValue(),
    staleLock,
    zoomSeen: await zoomShown(page),
    editorSeen,
  };
};
