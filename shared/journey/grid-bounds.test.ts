import { describe, expect, it } from 'vitest';
import { mapRecordOf } from '../model/document.ts';
import { newMapFromTemplate } from './create-map.ts';
import { gridBounds, hasBandAbove } from './grid-bounds.ts';
import { GRID } from './grid-geometry.ts';
import { layoutGrid } from './layout.ts';
import { templateById } from './templates.ts';

const mapFrom = (templateId: string, connectedType: 'coach-behaviour' | null = null) => {
  const template = templateById(templateId);
  if (!template) throw new Error(`no template ${templateId}`);
  return newMapFromTemplate(template, 'Toner', { connectedType, now: 1 });
};

const currentScenario = (doc: ReturnType<typeof mapFrom>) => {
  const scenario = Object.values(doc.records).find(
    (record) => record.type === 'scenario' && record.kind === 'current',
  );
  if (!scenario) throw new Error('no current scenario');
  return scenario.id;
};

describe('the band over the stage headers', () => {
  it('is there for the experience categories and for a map placed on the connected continuum', () => {
    expect(hasBandAbove(mapRecordOf(mapFrom('customer-experience')))).toBe(true);
    expect(hasBandAbove(mapRecordOf(mapFrom('connected', 'coach-behaviour')))).toBe(true);
    expect(hasBandAbove(mapRecordOf(mapFrom('connected')))).toBe(false);
    expect(hasBandAbove(mapRecordOf(mapFrom('lifecycle')))).toBe(false);
  });

  it('makes the grid taller by its height, so zoom to fit shows it', () => {
    const doc = mapFrom('connected', 'coach-behaviour');
    const layout = layoutGrid(doc, currentScenario(doc));
    const without = gridBounds(layout, false);
    const withBand = gridBounds(layout, true);
    expect(withBand?.h).toBe((without?.h ?? 0) + GRID.categoryHeight);
    expect(withBand?.y).toBe((without?.y ?? 0) - GRID.categoryHeight);
  });

  it('leaves a map with no stages or lanes without a grid', () => {
    const doc = mapFrom('blank');
    expect(gridBounds(layoutGrid(doc, currentScenario(doc)), true)).toBeNull();
  });
});
