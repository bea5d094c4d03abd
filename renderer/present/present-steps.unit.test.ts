import { describe, expect, it } from 'vitest';
import { GRID } from '../../shared/journey/grid-geometry.ts';
import { type GridLayout, layoutGrid } from '../../shared/journey/layout.ts';
import { createScenarioFrom } from '../../shared/journey/scenarios/create-scenario-from.ts';
import { type TestMap, testMap } from '../../shared/journey/scenarios/test-support.ts';
import { liveNotesByZ } from '../../shared/model/document.ts';
import { updateNote } from '../../shared/model/edits.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import { finalSteps } from './final-steps.ts';
import {
  moveStep,
  type PresentStep,
  presentSteps,
  type StageStep,
  stepNotes,
  type TextSizes,
} from './present-steps.ts';
import { projectorMinTextPx } from './projector-text.ts';

/**
 * Text sizes as the drawing gives them, in board units: long texts are fitted smaller (as
 * fitText does), touchpoints' channel labels are enlarged marks, headers are bold and large.
 */
const TEXT: TextSizes = {
  note: (note) => Math.min(note.channel ? 19.5 : 28, Math.max(9, 28 - note.text.length / 3)),
  stageName: (column) => (column.stage.name.length > 20 ? 18 : 24),
  laneName: (row) => (row.lane.name.length > 16 ? 20 : 24),
  emotion: () => 27,
  band: 24,
};

const SCREENS = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
] as const;

/** The example's kind of map: the customer-experience template with a few notes in most stages. */
const workshopMap = (): TestMap => {
  const map = testMap();
  map.put('Brand awareness', 'Customer actions', { text: 'Notices the low-toner warning' });
  map.put('Brand awareness', 'Touchpoints', { text: 'Search result', kind: 'touchpoint', channel: 'web' });
  map.put('Interest', 'Breakdown points', { text: 'Cannot tell which cartridge fits', kind: 'breakdown' });
  map.put('Purchase', 'Touchpoints', { text: 'Order page', kind: 'touchpoint', channel: 'web' });
  map.put('Purchase', 'Opportunities', { text: 'Guest checkout', kind: 'opportunity' });
  map.put('Referral', 'Thoughts and feelings', {
    text: 'Would tell a colleague about the video',
    kind: 'quote',
  });
  return map;
};

const stepsFor = (map: TestMap, screen: { width: number; height: number }, personaWidth = 0) => {
  const layout = layoutGrid(map.doc, map.currentId);
  const minTextPx = projectorMinTextPx(screen.height);
  const steps = presentSteps({
    layout,
    bandHeight: GRID.categoryHeight,
    screen,
    minTextPx,
    text: TEXT,
    personaWidth,
    finalSteps: finalSteps(map.doc, map.currentId, screen, minTextPx),
  });
  return { layout, steps, minTextPx };
};

const stageStepsOf = (steps: readonly PresentStep[]): StageStep[] =>
  steps.filter((step): step is StageStep => step.kind === 'stage');

/** Every text a stage step shows, in board units, as the view draws it. */
const textsIn = (layout: GridLayout, step: StageStep): number[] => {
  const column = layout.stages.find((candidate) => candidate.stage.id === step.stageId);
  if (!column) throw new Error('no stage');
  const rows = layout.lanes.filter((row) => step.laneIds.includes(row.lane.id));
  return [
    ...stepNotes(layout, step).map((note) => TEXT.note(note) ?? Number.POSITIVE_INFINITY),
    ...(step.pinned.stages ? [TEXT.stageName(column) ?? 0, TEXT.band ?? 0] : []),
    ...(step.pinned.lanes ? rows.map((row) => TEXT.laneName(row) ?? 0) : []),
    ...(rows.some((row) => row.lane.role === 'emotion') ? [TEXT.emotion(column) ?? 0] : []),
  ];
};

/** How much of the screen a stage step's frame and pinned headers take, in CSS pixels. */
const onScreen = (step: StageStep) => ({
  width: (step.frame.w + (step.pinned.lanes ? GRID.laneHeaderWidth : 0)) * step.viewport.scale,
  height:
    (step.frame.h + (step.pinned.stages ? GRID.headerHeight + GRID.categoryHeight : 0)) * step.viewport.scale,
});

describe('present mode walks the map', () => {
  it('starts with the whole map, then every stage in order, then the gap list', () => {
    const map = workshopMap();
    createScenarioFrom(map.doc, map.currentId, { name: 'Ideal', kind: 'ideal' });
    const idealOrder = liveNotesByZ(map.doc).find(
      (note) => note.scenarioId !== map.currentId && note.text === 'Order page',
    ) as NoteRecord;
    updateNote(map.doc, idealOrder.id, { text: 'Printer orders its own toner' });
    const { layout, steps } = stepsFor(map, SCREENS[0]);
    expect(steps[0]?.kind).toBe('overview');
    const stages = stageStepsOf(steps);
    // Every stage, in order, its parts (if it has several) one after the other.
    const numbers = stages.map((step) => step.stageNumber);
    expect([...new Set(numbers)]).toEqual(layout.stages.map((_, index) => index + 1));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect([...new Set(stages.map((step) => step.stageId))]).toEqual(
      layout.stages.map((column) => column.stage.id),
    );
    expect(steps.slice(1, 1 + stages.length)).toEqual(stages);
    expect(steps.at(-1)?.kind).toBe('gaps');
    expect(steps).toHaveLength(1 + stages.length + 1);
  });

  it('has no gap list step while the ideal is no different from the current journey', () => {
    const map = testMap();
    map.put('Purchase', 'Touchpoints', { text: 'Order page', kind: 'touchpoint', channel: 'web' });
    createScenarioFrom(map.doc, map.currentId, { name: 'Ideal', kind: 'ideal' });
    const { steps } = stepsFor(map, SCREENS[0]);
    expect(steps.filter((step) => step.kind === 'gaps')).toEqual([]);
    expect(steps.at(-1)?.kind).toBe('stage');
  });

  it('has no gap list step while the ideal has not been started', () => {
    const { steps } = stepsFor(workshopMap(), SCREENS[0]);
    expect(steps.filter((step) => step.kind === 'gaps')).toEqual([]);
  });

  it('shows the whole map on the first step, beside the persona', () => {
    const map = workshopMap();
    const { steps, layout } = stepsFor(map, SCREENS[0], 600);
    const first = steps[0];
    if (first?.kind !== 'overview') throw new Error('no overview');
    const left = first.viewport.x - GRID.laneHeaderWidth * first.viewport.scale;
    const right = first.viewport.x + layout.width * first.viewport.scale;
    expect(left).toBeGreaterThanOrEqual(600);
    expect(right).toBeLessThanOrEqual(SCREENS[0].width);
  });

  it.each(SCREENS)(
    'at $width×$height, frames each stage so its smallest text reaches the projector minimum',
    (screen) => {
      const { layout, steps, minTextPx } = stepsFor(workshopMap(), screen);
      const stages = stageStepsOf(steps);
      expect(stages.length).toBeGreaterThanOrEqual(layout.stages.length);
      for (const step of stages) {
        const texts = textsIn(layout, step);
        expect(texts.length).toBeGreaterThan(0);
        expect(Math.min(...texts) * step.viewport.scale).toBeGreaterThanOrEqual(minTextPx - 1e-9);
        const taken = onScreen(step);
        expect(taken.width).toBeLessThanOrEqual(screen.width + 1e-6);
        expect(taken.height).toBeLessThanOrEqual(screen.height + 1e-6);
      }
    },
  );

  it('gives a stage with a long quote the zoom its small text needs: 32.4 px at 1080p', () => {
    const map = workshopMap();
    map.put('Use', 'Thoughts and feelings', { text: 'q'.repeat(57), kind: 'quote' });
    const { layout, steps } = stepsFor(map, SCREENS[0]);
    const use = layout.stages.find((column) => column.stage.name === 'Use');
    const step = stageStepsOf(steps).find((candidate) => candidate.stageId === use?.stage.id);
    // The quote is fitted at 9 board units: 3.6 times is 32.4 px.
    expect(step?.viewport.scale).toBeCloseTo(32.4 / 9, 6);
  });

  it('frames a stage with the edges of its neighbours, and the first stage with the lane names', () => {
    const { layout, steps } = stepsFor(workshopMap(), SCREENS[0]);
    const stages = stageStepsOf(steps);
    const purchase = stages.find((step) => step.stageNumber === 4);
    const column = layout.stages[3];
    if (!purchase || !column) throw new Error('no Purchase');
    expect(purchase.frame.x).toBeLessThan(column.x);
    expect(purchase.frame.x + purchase.frame.w).toBeGreaterThan(column.x + column.w);
    const first = stages[0];
    expect(first?.frame.x).toBe(0);
    expect(first?.pinned.lanes).toBe(true);
  });

  it('splits a crowded stage into parts, lanes in turn from the top, rather than shrinking its text', () => {
    const map = workshopMap();
    for (let index = 0; index < 24; index++)
      map.put('Purchase', 'Customer actions', { text: `Step ${index + 1} of checking out` });
    for (const text of ['Card declined', 'Coupon field hidden', 'Shipping cost at the end'])
      map.put('Purchase', 'Breakdown points', { text, kind: 'breakdown' });
    const screen = SCREENS[1];
    const { layout, steps, minTextPx } = stepsFor(map, screen);
    const purchase = layout.stages[3];
    if (!purchase) throw new Error('no Purchase');
    const parts = stageStepsOf(steps).filter((step) => step.stageId === purchase.stage.id);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.map((step) => [step.part, step.parts])).toEqual(
      parts.map((_, index) => [index + 1, parts.length]),
    );
    // Top to bottom, one zoom for the whole stage, each part on the screen at the minimum.
    const tops = parts.map((step) => step.frame.y);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    expect(new Set(parts.map((step) => step.viewport.scale)).size).toBe(1);
    for (const step of parts) {
      expect(Math.min(...textsIn(layout, step)) * step.viewport.scale).toBeGreaterThanOrEqual(
        minTextPx - 1e-9,
      );
      expect(onScreen(step).height).toBeLessThanOrEqual(screen.height + 1e-6);
    }
    // Every note of the stage is whole in one part or another.
    const inside = (note: NoteRecord, step: StageStep) =>
      note.y >= step.frame.y && note.y + note.h <= step.frame.y + step.frame.h;
    for (const note of layout.notes.filter((candidate) => candidate.stageId === purchase.stage.id))
      expect(
        parts.some((step) => inside(note, step)),
        note.text,
      ).toBe(true);
    // The crowded lane is as tall in every stage: the others show only the part that holds notes.
    const emotion = layout.lanes.find((row) => row.lane.role === 'emotion');
    for (const step of stageStepsOf(steps).filter((candidate) => candidate.stageNumber !== 4))
      expect(
        stepNotes(layout, step).length > 0 || step.laneIds.includes(emotion?.lane.id ?? ''),
        `stage ${step.stageNumber}, part ${step.part}`,
      ).toBe(true);
  });
});

describe('moving between steps', () => {
  const { steps } = stepsFor(workshopMap(), SCREENS[0]);
  const last = steps.length - 1;

  it('goes on and back one step, and stops at either end', () => {
    expect(moveStep(steps, 0, 'next')).toBe(1);
    expect(moveStep(steps, 3, 'previous')).toBe(2);
    expect(moveStep(steps, last, 'next')).toBe(last);
    expect(moveStep(steps, 0, 'previous')).toBe(0);
  });

  it('Home goes to the first step and End to the last, from anywhere', () => {
    for (const from of [0, 2, last]) {
      expect(moveStep(steps, from, 'first')).toBe(0);
      expect(moveStep(steps, from, 'last')).toBe(last);
    }
  });

  it('a digit goes to the first part of that stage; a stage the map lacks leaves the step as it is', () => {
    const third = moveStep(steps, 0, { stage: 3 });
    const step = steps[third];
    expect(step?.kind === 'stage' && step.stageNumber === 3 && step.part === 1).toBe(true);
    expect(moveStep(steps, 5, { stage: 9 })).toBe(5);
  });
});
