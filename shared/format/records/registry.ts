import type { RecordType } from '../../model/records.ts';
import { LANE_SPEC } from './lane.ts';
import { MAP_SPEC } from './map.ts';
import { NOTE_SPEC } from './note.ts';
import { PERSONA_SPEC } from './persona.ts';
import type { Assert, SameShape } from './same-shape.ts';
import { SCENARIO_SPEC } from './scenario.ts';
import { STAGE_SPEC } from './stage.ts';

export type { RecordSpec } from './spec.ts';
export { MAP_SPEC };

/**
 * The arrays of a file beside its map record, one per record type, in the order they are
 * written: the structure of the map first, its notes last.
 */
export const COLLECTIONS = [
  { key: 'stages', spec: STAGE_SPEC },
  { key: 'lanes', spec: LANE_SPEC },
  { key: 'scenarios', spec: SCENARIO_SPEC },
  { key: 'personas', spec: PERSONA_SPEC },
  { key: 'notes', spec: NOTE_SPEC },
] as const;

/** Fails to compile when the model gains a record type the file cannot hold. */
export type CollectionsCoverModel = Assert<
  SameShape<(typeof COLLECTIONS)[number]['spec']['type'], Exclude<RecordType, 'map'>>
>;
