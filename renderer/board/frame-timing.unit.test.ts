import { describe, expect, it } from 'vitest';
import { DRAW_MEASURE, MAX_DRAW_MEASURES, measureDraw } from './frame-timing.ts';

const drawMeasures = () => performance.getEntriesByName(DRAW_MEASURE, 'measure');

describe('draw measures', () => {
  it('name the layer drawn and how long it took', () => {
    performance.clearMeasures(DRAW_MEASURE);
    const start = performance.now();
    measureDraw('active', start);
    const [entry] = drawMeasures() as PerformanceMeasure[];
    expect(entry?.detail).toBe('active');
    expect(entry?.startTime).toBe(start);
  });

  it('never pile up beyond their limit, however long the app runs', () => {
    for (let draw = 0; draw < 2 * MAX_DRAW_MEASURES + 5; draw++) measureDraw('static', performance.now());
    const kept = drawMeasures();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThanOrEqual(MAX_DRAW_MEASURES);
    performance.clearMeasures(DRAW_MEASURE);
  });
});
