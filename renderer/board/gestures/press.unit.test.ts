import { beforeEach, describe, expect, it } from 'vitest';
import { newMapFromTemplate } from '../../../shared/journey/create-map.ts';
import { templateById } from '../../../shared/journey/templates.ts';
import { startVote as startVoteEdit } from '../../../shared/journey/votes/vote-edits.ts';
import { dotsOn } from '../../../shared/journey/votes/vote-queries.ts';
import { addNote, type MutableDocument } from '../../../shared/model/edits.ts';
import { type BoardStore, createBoardStore } from '../../store/index.ts';
import { createGestureStore, IDLE_PREVIEW } from '../gesture-store.ts';
import { boardLayout } from '../note-order.ts';
import { toScreen } from '../viewport.ts';
import { runningVote } from '../vote-dots.ts';
import type { Gesture, GestureContext, PointerAt } from './gesture.ts';
import { gestureForPress } from './press.ts';

let store: BoardStore;
let context: GestureContext;
/** Two notes right of the grid (it ends at x 3520), where a drop leaves them free. */
let left: string;
let right: string;

beforeEach(() => {
  const template = templateById('customer-experience');
  if (!template) throw new Error('no template');
  const made = newMapFromTemplate(template, 'Toner');
  const doc: MutableDocument = { id: made.id, records: { ...made.records } };
  left = addNote(doc, { x: 4000, y: 100, text: 'Left' }).id;
  right = addNote(doc, { x: 4400, y: 100, text: 'Right' }).id;
  store = createBoardStore();
  store.getState().loadDocument(doc);
  context = { store, preview: createGestureStore() };
});

/** The pointer over a board point, at the viewport of the moment. */
const at = (x: number, y: number): PointerAt => ({
  board: { x, y },
  screen: toScreen(store.getState().viewport, { x, y }),
});

const press = (
  x: number,
  y: number,
  options: { button?: number; shift?: boolean; spaceHeld?: boolean } = {},
) =>
  gestureForPress(context, {
    at: at(x, y),
    button: options.button ?? 0,
    shift: options.shift ?? false,
    spaceHeld: options.spaceHeld ?? false,
  });

/** A press at `from`, moves in a few steps to `to`, and a release. */
const drag = (from: [number, number], to: [number, number], options: { shift?: boolean } = {}): Gesture => {
  const gesture = press(...from, options);
  if (!gesture) throw new Error('the press started no gesture');
  for (const step of [0.25, 0.5, 1])
    gesture.move(at(from[0] + (to[0] - from[0]) * step, from[1] + (to[1] - from[1]) * step));
  gesture.up();
  return gesture;
};

const note = (id: string) => store.getState().doc?.records[id];
const selection = () => [...store.getState().selection].sort();
const undoSteps = () => store.getState().past.length;
const layout = () => boardLayout(store.getState().doc, store.getState().scenarioId);

describe('a press on a note', () => {
  it('selects it; a drag moves it, shown through the preview first, as one undo step', () => {
    const gesture = press(4050, 150);
    expect(selection()).toEqual([left]);
    gesture?.move(at(4150, 180));
    expect(context.preview.getState().dragOffset).toEqual({ x: 100, y: 30 });
    expect(note(left)).toMatchObject({ x: 4000, y: 100 });
    gesture?.move(at(4250, 200));
    gesture?.up();
    expect(note(left)).toMatchObject({ x: 4200, y: 150 });
    expect(undoSteps()).toBe(1);
    store.getState().undo();
    expect(note(left)).toMatchObject({ x: 4000, y: 100 });
  });

  it('moves the whole selection together', () => {
    store.getState().select([left, right]);
    drag([4050, 150], [4050, 350]);
    expect(note(left)).toMatchObject({ x: 4000, y: 300 });
    expect(note(right)).toMatchObject({ x: 4400, y: 300 });
    expect(undoSteps()).toBe(1);
  });

  it('is a click, not a drag, while the pointer stays within a few screen pixels', () => {
    store.getState().setViewport({ x: 0, y: 0, scale: 0.5 });
    store.getState().select([left, right]);
    // 4 board units are 2 screen pixels at half size.
    drag([4050, 150], [4054, 150]);
    expect(note(left)).toMatchObject({ x: 4000, y: 100 });
    expect(undoSteps()).toBe(0);
    // The click without a drag picks the one note out of the selection.
    expect(selection()).toEqual([left]);
  });

  it('with shift toggles the note in the selection, and a shift-drag of a note taken out moves nothing', () => {
    store.getState().select([left, right]);
    drag([4050, 150], [4250, 150], { shift: true });
    expect(selection()).toEqual([right]);
    expect(note(left)).toMatchObject({ x: 4000 });
    expect(note(right)).toMatchObject({ x: 4400 });
    expect(undoSteps()).toBe(0);
  });
});

describe('a press on empty board', () => {
  it('clears the selection and selects the cell under it', () => {
    store.getState().select([left]);
    const [stage] = layout().stages;
    const [lane] = layout().lanes;
    press(100, 100)?.up();
    expect(selection()).toEqual([]);
    expect(store.getState().selectedCell).toEqual({ stageId: stage?.stage.id, laneId: lane?.lane.id });
  });

  it('drags a marquee that selects the notes it touches, added to the selection with shift', () => {
    drag([3900, 50], [4100, 300]);
    expect(selection()).toEqual([left]);
    drag([4500, 50], [4600, 300], { shift: true });
    expect(selection()).toEqual([left, right].sort());
    expect(undoSteps()).toBe(0);
  });
});

describe('a press on a header', () => {
  it('by a stage header’s right edge resizes the stage, as one undo step', () => {
    const [first] = layout().stages;
    if (!first) throw new Error('no stage');
    const edge = first.x + first.w;
    const gesture = press(edge - 3, -20);
    expect(store.getState().selectedHeader).toEqual({ kind: 'stage', id: first.stage.id });
    gesture?.move(at(edge + 57, -20));
    expect(context.preview.getState().headerSize).toEqual({ id: first.stage.id, size: first.w + 60 });
    expect(layout().stages[0]?.w).toBe(first.w);
    gesture?.up();
    expect(layout().stages[0]?.w).toBe(first.w + 60);
    expect(undoSteps()).toBe(1);
  });

  it('by a lane header’s bottom edge resizes the lane', () => {
    const [first] = layout().lanes;
    if (!first) throw new Error('no lane');
    drag([-50, first.y + first.h - 2], [-50, first.y + first.h + 38]);
    expect(layout().lanes[0]?.h).toBe(first.h + 40);
  });

  it('inside it drags the stage to a new place, shown by a line first', () => {
    const [first, second, third] = layout().stages.map((column) => column.stage.id);
    const gesture = press(100, -20);
    gesture?.move(at(1100, -20));
    expect(context.preview.getState().headerDrop).not.toBeNull();
    gesture?.move(at(1200, -20));
    gesture?.up();
    expect(
      layout()
        .stages.slice(0, 3)
        .map((column) => column.stage.id),
    ).toEqual([second, third, first]);
    expect(store.getState().past.at(-1)?.label).toBe('Move stage');
    expect(undoSteps()).toBe(1);
  });

  it('inside it without a drag only selects the header', () => {
    const order = layout().lanes.map((row) => row.lane.id);
    press(-100, 60)?.up();
    expect(store.getState().selectedHeader).toEqual({ kind: 'lane', id: order[0] });
    expect(layout().lanes.map((row) => row.lane.id)).toEqual(order);
    expect(undoSteps()).toBe(0);
  });
});

describe('a press on the emotion lane', () => {
  it('sets the stage’s score to the one under the pointer, dragged up or down, as one undo step', () => {
    const row = layout().lanes.find((lane) => lane.lane.role === 'emotion');
    const [stage] = layout().stages;
    if (!row || !stage) throw new Error('no emotion lane');
    const gesture = press(200, row.y + row.h / 2);
    const middle = context.preview.getState().emotion;
    expect(middle?.stageId).toBe(stage.stage.id);
    gesture?.move(at(200, row.y + 1));
    const top = context.preview.getState().emotion?.score ?? 0;
    expect(top).toBeGreaterThan(middle?.score ?? 0);
    gesture?.up();
    expect(undoSteps()).toBe(1);
    const { doc, scenarioId } = store.getState();
    const scenario = scenarioId ? doc?.records[scenarioId] : undefined;
    expect(scenario?.type === 'scenario' && scenario.emotions[stage.stage.id]).toBe(top);
  });
});

describe('a press on a selected note’s corner', () => {
  it('resizes the note by that corner, the opposite corner staying put', () => {
    store.getState().select([left]);
    const gesture = press(4180, 220);
    gesture?.move(at(4240, 260));
    expect(note(left)).toMatchObject({ w: 180, h: 120 });
    gesture?.up();
    expect(note(left)).toMatchObject({ x: 4000, y: 100, w: 240, h: 160 });
    expect(undoSteps()).toBe(1);
  });
});

describe('panning', () => {
  it('with the middle button or space held follows the pointer in screen pixels, with nothing to undo', () => {
    const pan = press(100, 100, { button: 1 });
    expect(context.preview.getState().panning).toBe(true);
    pan?.move({ board: { x: 0, y: 0 }, screen: { x: 130, y: 90 } });
    expect(store.getState().viewport).toMatchObject({ x: 30, y: -10 });
    pan?.up();
    // The board's origin is now at screen (30, -10); the pointer goes 30 px right and 5 px up.
    press(0, 0, { spaceHeld: true })?.move({ board: { x: 0, y: 0 }, screen: { x: 60, y: -15 } });
    expect(store.getState().viewport).toMatchObject({ x: 60, y: -15 });
    expect(selection()).toEqual([]);
    expect(undoSteps()).toBe(0);
  });

  it('cancelled goes back to where it started', () => {
    const pan = press(100, 100, { button: 1 });
    pan?.move({ board: { x: 0, y: 0 }, screen: { x: 400, y: 300 } });
    pan?.cancel?.();
    expect(store.getState().viewport).toMatchObject({ x: 0, y: 0 });
  });
});

it('a right click starts no gesture and leaves the selection', () => {
  store.getState().select([left]);
  expect(press(4050, 150, { button: 2 })).toBeNull();
  expect(selection()).toEqual([left]);
  expect(context.preview.getState()).toEqual(IDLE_PREVIEW);
});

describe('a click on a note’s vote badge', () => {
  const startVote = (options: { voters?: number; dotsPerVoter?: number; stacking?: boolean } = {}) => {
    const { scenarioId } = store.getState();
    if (!scenarioId) throw new Error('no scenario shown');
    store.getState().edit('Start a vote', (draft) => {
      startVoteEdit(draft, {
        question: 'Which notes matter most?',
        scenarioId,
        voters: options.voters ?? 2,
        dotsPerVoter: options.dotsPerVoter ?? 2,
        stacking: options.stacking ?? true,
      });
    });
  };
  const dotsOnLeft = () => {
    const { doc, scenarioId } = store.getState();
    const vote = doc && scenarioId ? runningVote(doc, scenarioId) : null;
    return vote ? dotsOn(vote, left) : 0;
  };
  /** The badge's centre: the note's top right corner (the left note is 4000–4200 across, from y 100). */
  const badge = (): [number, number] => {
    const record = note(left);
    if (record?.type !== 'note') throw new Error('no note');
    return [record.x + record.w - 2, record.y + 2];
  };
  const click = (point: [number, number], options: { shift?: boolean } = {}) => {
    const gesture = press(...point, options);
    gesture?.up();
  };

  it('puts a dot on the note on release, Shift takes it off, each one undo step; the selection stays', () => {
    startVote();
    store.getState().select([right]);
    const before = undoSteps();
    click(badge());
    click(badge());
    expect(dotsOnLeft()).toBe(2);
    click(badge(), { shift: true });
    expect(dotsOnLeft()).toBe(1);
    expect(undoSteps()).toBe(before + 3);
    expect(selection()).toEqual([right]);
    // Just outside the note, over the badge's outer half, still counts.
    const [x, y] = badge();
    click([x + 10, y - 10]);
    expect(dotsOnLeft()).toBe(2);
  });

  it('without a running vote is a press on the note: it is picked up', () => {
    drag(badge(), [badge()[0] + 100, badge()[1]]);
    expect(selection()).toEqual([left]);
    const record = note(left);
    expect(record?.type === 'note' && record.x).toBe(4100);
  });
});
