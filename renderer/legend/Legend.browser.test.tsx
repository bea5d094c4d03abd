import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { NOTE_KINDS } from '../../shared/model/journey-records.ts';
import { Legend } from './Legend.tsx';
import { MARK_SAMPLES } from './legend-samples.ts';
import '../styles.css';

let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  root.unmount();
  host.remove();
});

/** Pixels the drawing covered: a canvas that was never painted has none. */
const paintedPixels = (canvas: HTMLCanvasElement): number => {
  const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
  let painted = 0;
  for (let alpha = 3; alpha < data.length; alpha += 4) if ((data[alpha] as number) > 0) painted++;
  return painted;
};

it('draws a sample of every kind and every mark, each named for a screen reader', async () => {
  root.render(<Legend onClose={() => undefined} />);
  await expect.element(page.getByRole('img', { name: 'Stamp of authenticity' })).toBeVisible();
  const samples = page.getByRole('img').elements() as HTMLCanvasElement[];
  expect(samples).toHaveLength(NOTE_KINDS.length + MARK_SAMPLES.length);
  for (const sample of samples) {
    expect(paintedPixels(sample), sample.getAttribute('aria-label') ?? '').toBeGreaterThan(0);
    // Held in device pixels, shown at its CSS size, so it is as sharp as the board.
    expect(sample.width).toBe(Number.parseFloat(sample.style.width) * Math.ceil(devicePixelRatio));
  }
});

it('closes from its close button', async () => {
  const onClose = vi.fn();
  root.render(<Legend onClose={onClose} />);
  await page.getByRole('button', { name: 'Close legend' }).click();
  expect(onClose).toHaveBeenCalledOnce();
});
