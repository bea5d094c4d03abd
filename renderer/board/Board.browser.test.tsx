import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addHeader } from '../../shared/journey/structure-edits.ts';
import { addDot, startVote } from '../../shared/journey/votes/vote-edits.ts';
import { addNote, moveNotes, newMapDocument, updateNote } from '../../shared/model/edits.ts';
import { NOTE_PALETTE } from '../../shared/model/palette.ts';
import { DOT_BADGE_FILL } from '../drawing/dot-badge-style.ts';
import { loadFonts } from '../drawing/fonts.ts';
import { boardStore } from '../store/index.ts';
import { Board } from './Board.tsx';
import { BoardDrawnContext } from './first-draw.ts';
import { DRAW_MEASURE } from './frame-timing.ts';
import { shownNotesById } from './note-order.ts';
import '../styles.css';

let host: HTMLDivElement;
let root: Root;

const hex = (color: string) => [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16));

/**
 * What the board's canvases show now, as a function from a CSS pixel to its colour (top canvas
 * wins): the paper (its presenter worker's canvas, read by copying it) and the Konva stage's layers.
 */
const snapshot = (): ((x: number, y: number) => number[]) => {
  const layers = [...host.querySelectorAll('canvas')]
    // A hidden layer (nothing selected) has an undisplayed canvas: it shows nothing.
    .filter((canvas) => canvas.getBoundingClientRect().width > 0)
    .map((canvas) => {
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const context = copy.getContext('2d', { willReadFrequently: true });
      context?.drawImage(canvas, 0, 0);
      const box = canvas.getBoundingClientRect();
      return {
        box,
        ratio: canvas.width / box.width,
        data: context?.getImageData(0, 0, copy.width, copy.height),
      };
    });
  return (x, y) => {
    let result = [0, 0, 0, 0];
    for (const { box, ratio, data } of layers) {
      const column = Math.round((x - box.left) * ratio);
      const row = Math.round((y - box.top) * ratio);
      if (!data || column < 0 || row < 0 || column >= data.width || row >= data.height) continue;
      const at = (row * data.width + column) * 4;
      const pixel = [...data.data.slice(at, at + 4)];
      if (pixel[3] === 255) result = pixel;
    }
    return result;
  };
};

/** The colour of one CSS pixel of the board. */
const pixelAt = (x: number, y: number): number[] => snapshot()(x, y);

/** Until the paper shows the newest scene at the newest view (see use-board-painter.ts). */
const painted = () =>
  expect.poll(() => host.querySelector('.board')?.getAttribute('data-painted')).toBe('current');

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** Counts ink-coloured pixels (text) inside a rectangle of the board (as a snapshot has it). */
const darkPixels = (x: number, y: number, w: number, h: number, colourAt = snapshot()): number => {
  let dark = 0;
  for (let px = x; px < x + w; px += 2)
    for (let py = y; py < y + h; py += 2) {
      const [r = 255, g = 255, b = 255] = colourAt(px, py);
      if (r + g + b < 200) dark++;
    }
  return dark;
};

beforeEach(async () => {
  await loadFonts();
  host = document.createElement('div');
  host.style.cssText = 'position:fixed;inset:0;display:flex;flex-direction:column;width:800px;height:600px';
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  vi.useRealTimers();
  act(() => root.unmount());
  host.remove();
});

/** The ids of a shown map's notes, in the order they were added. */
const noteIds = (doc: { readonly records: Readonly<Record<string, { readonly type: string }>> }): string[] =>
  Object.keys(doc.records).filter((key) => doc.records[key]?.type === 'note');

/** Shows a map of one note, selected, once the board has drawn it so. */
const showOneSelected = async (note: Parameters<typeof addNote>[1]): Promise<void> => {
  const doc = await show((d) => {
    addNote(d, note);
  });
  act(() => boardStore.getState().select(noteIds(doc)));
  await painted();
};

const show = async (
  build: (doc: { id: string; records: Record<string, never> }) => void,
  viewport = { x: 0, y: 0, scale: 1 },
) => {
  const doc = newMapDocument('Board test');
  const mutable = { id: doc.id, records: { ...doc.records } };
  build(mutable as never);
  act(() => {
    boardStore.getState().loadDocument(mutable);
    boardStore.getState().clearSelection();
    boardStore.getState().setViewport(viewport);
  });
  // Until the board says it has drawn the map (its canvases come a frame before the drawing).
  const drawn = new Promise<void>((resolve) => {
    act(() =>
      root.render(
        <BoardDrawnContext.Provider value={resolve}>
          <Board />
        </BoardDrawnContext.Provider>,
      ),
    );
  });
  await drawn;
  await nextFrame();
  return mutable;
};

describe('the board in Chromium', () => {
  it('opens the text editor of a note in a cell over the note where it is drawn', async () => {
    let id = '';
    await show((doc) => {
      const stageId = addHeader(doc, 'stage', 'Purchase');
      const laneId = addHeader(doc, 'lane', 'Touchpoints');
      // Its stored x/y are far away: in a cell a note is drawn at its slot.
      id = addNote(doc, { x: 3000, y: 3000, text: 'Order page', stageId, laneId }).id;
    });
    const { doc, scenarioId } = boardStore.getState();
    const drawn = shownNotesById(doc, scenarioId).get(id);
    if (!drawn) throw new Error('the note is not drawn');
    expect(drawn.x).toBeLessThan(1000);
    act(() => boardStore.getState().startEditing({ kind: 'existing', id }));
    const editor = host.querySelector('textarea');
    if (!editor) throw new Error('no editor');
    const box = editor.getBoundingClientRect();
    const board = host.querySelector('[role="application"]')?.getBoundingClientRect() ?? { left: 0, top: 0 };
    expect(box.left - board.left).toBeCloseTo(drawn.x, 0);
    expect(box.top - board.top).toBeCloseTo(drawn.y, 0);
    act(() => boardStore.getState().startEditing(null));
  });

  it('draws a note in its colour with its text inside, and nothing outside it', async () => {
    await show((doc) => {
      addNote(doc, { x: 100, y: 100, text: 'Runs out of toner', color: 'blue' });
    });
    expect(pixelAt(110, 200).slice(0, 3)).toEqual(hex(NOTE_PALETTE.blue.fill));
    expect(darkPixels(100, 100, 180, 120)).toBeGreaterThan(20);
    expect(pixelAt(400, 400)[3]).toBe(0);
  });

  it('follows the viewport: pan and zoom move where the note is drawn', async () => {
    await show(
      (doc) => {
        addNote(doc, { x: 0, y: 0, text: '', color: 'pink' });
      },
      { x: 300, y: 200, scale: 2 },
    );
    expect(pixelAt(310, 210).slice(0, 3)).toEqual(hex(NOTE_PALETTE.pink.fill));
    expect(pixelAt(300 + 350, 200 + 230).slice(0, 3)).toEqual(hex(NOTE_PALETTE.pink.fill));
    expect(pixelAt(290, 190)[3]).toBe(0);
  });

  it('draws the text of every note in view, however many were never laid out before', async () => {
    // Texts never measured before, as just after a large map opens: a draw lays out what its
    // budget allows and sketches the rest, and the next draws those in full.
    const sentence = 'The customer cannot tell which cartridge fits the printer in the office';
    await show(
      (doc) => {
        for (let row = 0; row < 7; row++)
          for (let col = 0; col < 7; col++)
            addNote(doc, { x: col * 220, y: row * 160, text: `${row}-${col} ${sentence}`, color: 'yellow' });
      },
      { x: 0, y: 0, scale: 0.5 },
    );
    const everyTextDrawn = () => {
      const colourAt = snapshot();
      return Array.from({ length: 49 }, (_, i) => i).every(
        (i) => darkPixels((i % 7) * 110 + 8, Math.floor(i / 7) * 80 + 8, 60, 24, colourAt) > 0,
      );
    };
    await expect.poll(everyTextDrawn).toBe(true);
  });

  it('draws far-out notes as plain blocks without text', async () => {
    await show(
      (doc) => {
        addNote(doc, { x: 0, y: 0, text: 'Lots of words on this note', color: 'green' });
      },
      { x: 10, y: 10, scale: 0.1 },
    );
    expect(pixelAt(15, 15).slice(0, 3)).toEqual(hex(NOTE_PALETTE.green.fill));
    expect(darkPixels(10, 10, 18, 12)).toBe(0);
  });

  it('during a continuous pan moves the drawn canvases with the view, and redraws the selection layer where the pan ends', async () => {
    await show((doc) => {
      addNote(doc, { x: 100, y: 100, text: '', color: 'blue' });
    });
    const canvasBox = () => host.querySelector<HTMLElement>('.board-canvas');
    const paper = () => host.querySelector<HTMLElement>('.board-paper');
    // The board tells a pan from single changes by the time between them: that clock is the test's.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    for (let step = 1; step <= 5; step++)
      act(() => boardStore.getState().setViewport({ x: step * 10, y: 0, scale: 1 }));
    expect(canvasBox()?.style.transform).toMatch(/translate\(\d+px, 0px\)/);
    // The paper is drawn 256 px beyond each edge and its presenter shows it at the live view:
    // a pan this short needs no new drawing, so the board is current as soon as the presenter
    // has put the view on screen, and the paper's canvas itself never moves.
    expect(paper()?.style.transform).toBe('');
    expect(paper()?.getBoundingClientRect().left).toBe(0);
    const draws = performance.getEntriesByName(DRAW_MEASURE, 'measure').length;
    await painted();
    expect(performance.getEntriesByName(DRAW_MEASURE, 'measure').length).toBe(draws);
    await act(() => vi.advanceTimersByTimeAsync(200));
    vi.useRealTimers();
    await nextFrame();
    expect(canvasBox()?.style.transform).toBe('');
    // Redrawn 50 px to the right: the note now covers 150-330.
    expect(pixelAt(320, 150).slice(0, 3)).toEqual(hex(NOTE_PALETTE.blue.fill));
    expect(pixelAt(120, 150)[3]).toBe(0);
  });

  it('after a pan beyond what was drawn draws the notes it brought into view, and stays put when the board renders again', async () => {
    const doc = await show((d) => {
      addNote(d, { x: 450, y: 100, text: '', color: 'blue' });
      // Beyond the 800 px board's right edge and the 256 px drawn beyond it: not drawn until a
      // pan brings it near.
      addNote(d, { x: 1200, y: 100, text: '', color: 'pink' });
    });
    expect(pixelAt(790, 150)[3]).toBe(0);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    for (let step = 1; step <= 5; step++)
      act(() => boardStore.getState().setViewport({ x: -step * 100, y: 0, scale: 1 }));
    expect(host.querySelector('.board')?.getAttribute('data-painted')).toBe('behind');
    await act(() => vi.advanceTimersByTimeAsync(200));
    vi.useRealTimers();
    await painted();
    await nextFrame();
    // Panned 500 px left: the pink note at 700-880, the blue one at -50-130.
    expect(pixelAt(710, 150).slice(0, 3)).toEqual(hex(NOTE_PALETTE.pink.fill));
    expect(pixelAt(120, 150).slice(0, 3)).toEqual(hex(NOTE_PALETTE.blue.fill));
    expect(pixelAt(140, 150)[3]).toBe(0);
    // Selecting renders the board again; the drawing must not jump back to before the pan.
    const [blue] = noteIds(doc);
    act(() => boardStore.getState().select([blue as string]));
    await painted();
    await nextFrame();
    expect(pixelAt(710, 150).slice(0, 3)).toEqual(hex(NOTE_PALETTE.pink.fill));
    expect(pixelAt(140, 150)[3]).toBe(0);
  });

  it('shows the active layer only while something is selected', async () => {
    const doc = await show((d) => {
      addNote(d, { x: 100, y: 100, text: 'Selected', color: 'yellow' });
    });
    const shownCanvases = () =>
      [...host.querySelectorAll('canvas')].filter((c) => c.getBoundingClientRect().width > 0);
    expect(shownCanvases()).toHaveLength(1);
    const [id] = noteIds(doc);
    act(() => boardStore.getState().select([id as string]));
    await nextFrame();
    expect(shownCanvases()).toHaveLength(2);
  });

  it('moving the selection redraws only the active layer, and a change to another note redraws the rest', async () => {
    const doc = await show((d) => {
      addNote(d, { x: 100, y: 100, text: '', color: 'blue' });
      addNote(d, { x: 400, y: 100, text: '', color: 'green' });
    });
    const [blue, green] = noteIds(doc);
    if (!blue || !green) throw new Error('no notes');
    act(() => boardStore.getState().select([blue]));
    await painted();
    await nextFrame();
    const drawsOf = (layer: string) =>
      performance
        .getEntriesByName(DRAW_MEASURE, 'measure')
        .filter((entry) => (entry as PerformanceMeasure).detail === layer).length;
    performance.clearMeasures(DRAW_MEASURE);
    act(() => boardStore.getState().edit('Nudge', (draft) => moveNotes(draft, [blue], 0, 150)));
    // The paper's drawing is still current: nothing under the selection was sent to be redrawn.
    expect(host.querySelector('.board')?.getAttribute('data-painted')).toBe('current');
    await nextFrame();
    expect(drawsOf('active')).toBeGreaterThan(0);
    expect(drawsOf('static')).toBe(0);
    expect(pixelAt(110, 300).slice(0, 3)).toEqual(hex(NOTE_PALETTE.blue.fill));
    expect(pixelAt(410, 150).slice(0, 3)).toEqual(hex(NOTE_PALETTE.green.fill));

    act(() => boardStore.getState().edit('Colour', (draft) => updateNote(draft, green, { color: 'pink' })));
    await painted();
    expect(drawsOf('static')).toBeGreaterThan(0);
    expect(pixelAt(410, 150).slice(0, 3)).toEqual(hex(NOTE_PALETTE.pink.fill));
  });

  it('a dot on the selected note redraws only the active layer, and shows once it is deselected; a dot on another note redraws the rest', async () => {
    const doc = await show((d) => {
      addNote(d, { x: 100, y: 100, text: '', color: 'blue' });
      addNote(d, { x: 400, y: 100, text: '', color: 'green' });
    });
    const [blue, green] = noteIds(doc);
    const scenarioId = boardStore.getState().scenarioId;
    if (!blue || !green || !scenarioId) throw new Error('no notes');
    let voteId = '';
    act(() =>
      boardStore.getState().edit('Start a vote', (draft) => {
        const started = startVote(draft, {
          question: 'Which hurt most?',
          scenarioId,
          voters: 2,
          dotsPerVoter: 3,
          hidden: false,
        });
        if (started.ok) voteId = started.id;
      }),
    );
    act(() => boardStore.getState().select([blue]));
    await painted();
    await nextFrame();
    const staticDraws = () =>
      performance
        .getEntriesByName(DRAW_MEASURE, 'measure')
        .filter((entry) => (entry as PerformanceMeasure).detail === 'static').length;
    performance.clearMeasures(DRAW_MEASURE);
    act(() => boardStore.getState().edit('Dot', (draft) => addDot(draft, voteId, blue)));
    expect(host.querySelector('.board')?.getAttribute('data-painted')).toBe('current');
    await nextFrame();
    expect(staticDraws()).toBe(0);
    // Deselected, the blue note is drawn by the static layer: with the dot it got while selected.
    // Its badge sits on its top right corner (x 278, y 102), filled once the note has a dot.
    act(() => boardStore.getState().clearSelection());
    await painted();
    expect(pixelAt(287, 108).slice(0, 3)).toEqual(hex(DOT_BADGE_FILL));
    performance.clearMeasures(DRAW_MEASURE);
    act(() => boardStore.getState().edit('Dot', (draft) => addDot(draft, voteId, green)));
    await painted();
    expect(staticDraws()).toBeGreaterThan(0);
  });

  it('a deselected note stays on screen in every frame until the paper’s next drawing shows it', async () => {
    await showOneSelected({ x: 100, y: 100, text: '', color: 'green' });
    await nextFrame();
    act(() => boardStore.getState().clearSelection());
    // Read every frame until the paper has drawn the note again: it is never missing meanwhile.
    const seen: number[][] = [];
    for (let frame = 0; frame < 60; frame++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      seen.push(pixelAt(110, 150).slice(0, 3));
      if (host.querySelector('.board')?.getAttribute('data-painted') === 'current' && frame > 2) break;
    }
    expect(seen.every((colour) => colour.join() === hex(NOTE_PALETTE.green.fill).join())).toBe(true);
  });

  it('outlines the selection on the active layer', async () => {
    const doc = await show((d) => {
      addNote(d, { x: 100, y: 100, text: 'Selected', color: 'yellow' });
    });
    const [id] = noteIds(doc);
    act(() => boardStore.getState().select([id as string]));
    await nextFrame();
    expect(pixelAt(97, 150).slice(0, 3)).toEqual([28, 126, 214]);
  });

  it('a selection made after a zoom with nothing selected is outlined at the new zoom', async () => {
    const doc = await show((d) => {
      addNote(d, { x: 100, y: 100, text: 'Selected', color: 'yellow' });
    });
    const [id] = noteIds(doc);
    act(() => boardStore.getState().setViewport({ x: 40, y: 0, scale: 2 }));
    await painted();
    act(() => boardStore.getState().select([id as string]));
    await nextFrame();
    // The outline is 3 screen pixels outside the note (board x 100, screen x 240) at any zoom:
    // drawn at the zoom before, it would sit 6 pixels out, twice as thick; drawn where the
    // stage was before the pan, 40 pixels to the left.
    expect(pixelAt(237, 300).slice(0, 3)).toEqual([28, 126, 214]);
    expect(pixelAt(233, 300).slice(0, 3)).not.toEqual([28, 126, 214]);
  });

  it('a pan or zoom with nothing selected draws none of the stage’s hidden layers', async () => {
    await show((d) => {
      addNote(d, { x: 100, y: 100, text: 'Not selected', color: 'yellow' });
    });
    const activeDraws = () =>
      performance.getEntriesByName(DRAW_MEASURE, 'measure').filter((entry) => {
        const { detail } = entry as PerformanceMeasure;
        return detail === 'active';
      }).length;
    const before = activeDraws();
    act(() => boardStore.getState().setViewport({ x: 30, y: 20, scale: 1 }));
    await painted();
    // Apart from the pan, as a zoom a moment later is: placed at once, not with a burst.
    await new Promise((resolve) => setTimeout(resolve, 200));
    act(() => boardStore.getState().setViewport({ x: 30, y: 20, scale: 1.5 }));
    await painted();
    await nextFrame();
    expect(activeDraws()).toBe(before);
  });

  it('has the board itself under the pointer, not the stage drawn over it, so every pointer and wheel event is the board’s', async () => {
    await showOneSelected({ x: 100, y: 100, text: 'Selected', color: 'yellow' });
    const board = host.querySelector('[role="application"]');
    const box = board?.getBoundingClientRect();
    if (!board || !box) throw new Error('no board');
    // Over the selected note, where the stage shows its outline: Konva's own listeners (which
    // measure the stage at every pointer move and wheel step) would otherwise take the event first.
    expect(document.elementFromPoint(box.left + 150, box.top + 150)).toBe(board);
  });

  it('a pointer the browser cancels mid-drag leaves the note where it was, with nothing to undo', async () => {
    const doc = await show((d) => {
      addNote(d, { x: 100, y: 100, text: 'Stays put', color: 'yellow' });
    });
    const [id] = noteIds(doc);
    const board = host.querySelector('[role="application"]');
    if (!board || !id) throw new Error('no board or note');
    const at = (type: string, x: number, y: number) =>
      board.dispatchEvent(
        new PointerEvent(type, {
          clientX: x,
          clientY: y,
          pointerId: 1,
          button: 0,
          buttons: 1,
          bubbles: true,
        }),
      );
    const historyBefore = boardStore.getState().past.length;
    act(() => {
      at('pointerdown', 150, 150);
      at('pointermove', 250, 260);
      at('pointermove', 350, 380);
    });
    act(() => {
      at('pointercancel', 350, 380);
    });
    await painted();
    await nextFrame();
    expect(boardStore.getState().doc?.records[id]).toMatchObject({ x: 100, y: 100 });
    expect(boardStore.getState().past.length).toBe(historyBefore);
    // Drawn where it was, not where the drag had it.
    expect(pixelAt(110, 200).slice(0, 3)).toEqual(hex(NOTE_PALETTE.yellow.fill));
  });
});
