import type { JourneyDocument } from '../model/document.ts';
import { newMapDocument } from '../model/edits.ts';
import { newId } from '../model/ids.ts';
import type { ConnectedType, LaneRecord, StageRecord } from '../model/journey-records.ts';
import { freshBookkeeping } from '../model/update.ts';
import { GRID } from './grid-geometry.ts';
import type { TemplateDefinition } from './templates.ts';

export interface NewMapOptions {
  readonly connectedType?: ConnectedType | null;
  readonly now?: number;
}

/** A new map laid out from a template: its stages, its lanes, and the Current and Ideal scenarios. */
export const newMapFromTemplate = (
  template: TemplateDefinition,
  name: string,
  options: NewMapOptions = {},
): JourneyDocument => {
  const now = options.now ?? Date.now();
  const base = newMapDocument(name, now);
  const records = { ...base.records };
  const map = records[base.id];
  if (map?.type === 'map') {
    records[base.id] = {
      ...map,
      showCategories: template.showCategories ?? false,
      connectedType: template.connected ? (options.connectedType ?? null) : null,
    };
  }
  template.stages.forEach((definition, order) => {
    const id = newId();
    const stage: StageRecord = {
      ...freshBookkeeping(id, now),
      type: 'stage',
      name: definition.name,
      order,
      width: GRID.defaultStageWidth,
      color: null,
      category: definition.category ?? null,
    };
    records[id] = stage;
  });
  template.lanes.forEach((definition, order) => {
    const id = newId();
    const lane: LaneRecord = {
      ...freshBookkeeping(id, now),
      type: 'lane',
      name: definition.name,
      order,
      height: definition.height ?? GRID.defaultLaneHeight,
      role: definition.role,
      hidden: false,
      color: null,
      noteKind: null,
    };
    records[id] = lane;
  });
  return { id: base.id, records };
};
