import { afterEach, describe, expect, it } from 'vitest';
import { createBoardStore } from '../../store/index.ts';
import { attachZoomLabel } from './zoom-label.ts';
import { zoomLabelText } from './zoom-label-messages.ts';

const labelWorker = () => new Worker(new URL('./zoom-label.worker.ts', import.meta.url), { type: 'module' });

const detachers: (() => void)[] = [];
afterEach(() => {
  for (const detach of detachers.splice(0)) detach();
  document.body.replaceChildren();
});

/** A zoom level's button on the page with its label attached, and the store it follows. */
const attach = (startWorker: () => Worker) => {
  const store = createBoardStore();
  const button = document.createElement('button');
  button.style.cssText =
    'position: relative; width: 64px; height: 38px; font: 14px sans-serif; color: #1b1b1f';
  document.body.append(button);
  detachers.push(attachZoomLabel(button, store, startWorker));
  const zoomTo = (scale: number) => store.getState().setViewport({ x: 0, y: 0, scale });
  return { button, zoomTo };
};

const nextFrames = () =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** The pixels of a canvas, read through a copy (the worker owns it). */
const pixelsOf = (canvas: HTMLCanvasElement): Uint8ClampedArray => {
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = copy.getContext('2d');
  context?.drawImage(canvas, 0, 0);
  return context?.getImageData(0, 0, copy.width, copy.height).data ?? new Uint8ClampedArray();
};

/** `text` drawn as the label's worker draws it, on a canvas of the button's size, here. */
const expected = (button: HTMLElement, text: string): Uint8ClampedArray => {
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(button.clientWidth * ratio);
  canvas.height = Math.round(button.clientHeight * ratio);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D context');
  const style = getComputedStyle(button);
  context.scale(ratio, ratio);
  context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  context.fillStyle = style.color;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(text, button.clientWidth / 2, button.clientHeight / 2);
  return context.getImageData(0, 0, canvas.width, canvas.height).data;
};

/** How many pixels differ by more than anti-aliasing would. */
const differing = (a: Uint8ClampedArray, b: Uint8ClampedArray): number => {
  let count = 0;
  for (let i = 3; i < Math.max(a.length, b.length); i += 4)
    if (Math.abs((a[i] ?? -1) - (b[i] ?? -1)) > 64) count++;
  return count;
};

describe('the zoom level', () => {
  it('is named with the zoom at once, and its label drawn off the window’s thread reads the zoom', async () => {
    const { button, zoomTo } = attach(labelWorker);
    zoomTo(1.5);
    expect(button.getAttribute('aria-label')).toBe('Zoom 150%, reset to 100%');
    // The button's own text goes once the worker's label is on screen.
    await expect.poll(() => button.querySelector('span')).toBeNull();
    const canvas = button.querySelector('canvas');
    if (!canvas) throw new Error('No label canvas');
    await nextFrames();
    expect(differing(pixelsOf(canvas), expected(button, '150%'))).toBeLessThan(3);
    expect(differing(pixelsOf(canvas), expected(button, '100%'))).toBeGreaterThan(20);

    zoomTo(0.8);
    expect(button.getAttribute('aria-label')).toBe('Zoom 80%, reset to 100%');
    await expect.poll(() => differing(pixelsOf(canvas), expected(button, '80%'))).toBeLessThan(3);
  });

  it.each([
    ['cannot load its worker', () => new Worker('/no-such-zoom-label.worker.js', { type: 'module' })],
    [
      'may not make a worker at all',
      (): Worker => {
        throw new DOMException('Workers are forbidden here', 'SecurityError');
      },
    ],
  ])('where it %s, shows the zoom as text', async (_, startWorker) => {
    const { button, zoomTo } = attach(startWorker);
    zoomTo(1.25);
    await nextFrames();
    zoomTo(2);
    await expect.poll(() => button.textContent).toBe(zoomLabelText(200));
    expect(button.querySelector('canvas')).toBeNull();
    expect(button.getAttribute('aria-label')).toBe('Zoom 200%, reset to 100%');
  });

  it('takes its text back when its worker fails once it has the canvas', async () => {
    // A worker that runs, then cannot draw on the canvas it is given.
    const source =
      "self.postMessage({ kind: 'ready' }); self.onmessage = () => { throw new Error('No canvas'); };";
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    let started: Worker | null = null;
    const { button, zoomTo } = attach(() => {
      started = new Worker(url, { type: 'module' });
      return started;
    });
    const terminated = new Promise<void>((resolve) => {
      const stop = (started as Worker | null)?.terminate.bind(started);
      if (started)
        (started as Worker).terminate = () => {
          stop?.();
          resolve();
        };
    });
    await terminated;
    zoomTo(1.75);
    expect(button.querySelector('canvas')).toBeNull();
    expect(button.textContent).toBe('175%');
    URL.revokeObjectURL(url);
  });

  it('takes its text back when its worker stops after drawing', async () => {
    let worker: Worker | null = null;
    const { button, zoomTo } = attach(() => {
      worker = labelWorker();
      return worker;
    });
    await expect.poll(() => button.querySelector('span')).toBeNull();
    // A worker that stops reports an error to the window, as a crash in it would.
    (worker as Worker | null)?.dispatchEvent(
      new ErrorEvent('error', { message: 'stopped', cancelable: true }),
    );
    zoomTo(0.5);
    expect(button.textContent).toBe('50%');
    expect(button.querySelector('canvas')).toBeNull();
  });

  it('leaves the button as it found it once detached', () => {
    const { button } = attach(labelWorker);
    detachers.pop()?.();
    expect(button.childNodes).toHaveLength(0);
  });
});
