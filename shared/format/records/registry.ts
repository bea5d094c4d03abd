import { z } from 'zod';
import type { JourneyRecord, RecordType } from '../../model/records.ts';
import { LANE_SPEC } from './lane.ts';
import { MAP_SPEC } from './map.ts';
import { NOTE_SPEC } from './note.ts';
import { PERSONA_SPEC } from './persona.ts';
import { ROUND_SPEC } from './round.ts';
import type { Assert, SameShape } from './same-shape.ts';
import { SCENARIO_SPEC } from './scenario.ts';
import type { RecordSpec } from './spec.ts';
import { STAGE_SPEC } from './stage.ts';
import { VOTE_SPEC } from './vote.ts';

export type { RecordSpec } from './spec.ts';
export { MAP_SPEC };

/**
 * The fields that say where a note is: its scenario and its cell (stage and lane, or neither).
 * A file lists notes in groups sharing these fields ("places"), written once per group: most
 * notes of a journey sit in a cell, and three ids on every line would cost a third of the file.
 */
export const PLACE_FIELDS = ['scenarioId', 'stageId', 'laneId'] as const;

/** One array of a file: the records of one type. */
export interface Collection {
  /** The key of the array in the file. */
  readonly key: string;
  readonly spec: RecordSpec<JourneyRecord>;
  /**
   * Fields written once for a group of records rather than on each record: the array then
   * holds groups, `{ <field>: value..., <key>: [records without those fields] }`.
   */
  readonly groupBy?: readonly string[];
}

/**
 * The arrays of a file beside its map record, one per record type, in the order they are
 * written: the structure of the map first, its notes last.
 */
export const COLLECTIONS = [
  { key: 'stages', spec: STAGE_SPEC },
  { key: 'lanes', spec: LANE_SPEC },
  { key: 'scenarios', spec: SCENARIO_SPEC },
  { key: 'personas', spec: PERSONA_SPEC },
  { key: 'votes', spec: VOTE_SPEC },
  { key: 'rounds', spec: ROUND_SPEC },
  { key: 'notes', spec: NOTE_SPEC, groupBy: PLACE_FIELDS },
] as const satisfies readonly Collection[];

/** Fails to compile when the model gains a record type the file cannot hold. */
export type CollectionsCoverModel = Assert<
  SameShape<(typeof COLLECTIONS)[number]['spec']['type'], Exclude<RecordType, 'map'>>
>;

/** The grouping fields of a collection; none for most. */
export const groupByOf = (collection: Collection): readonly string[] => collection.groupBy ?? [];

export interface GroupSchemas {
  /** The fields a group states once for all its records. */
  readonly shared: z.ZodObject;
  /** What each record of a group still carries: every field but its type and the shared ones. */
  readonly own: z.ZodObject;
}

const groupSchemas = new WeakMap<Collection, GroupSchemas>();

/** The schemas of a grouped collection's groups, made once. */
export const groupSchemasOf = (collection: Collection): GroupSchemas => {
  let schemas = groupSchemas.get(collection);
  if (!schemas) {
    const groupBy = groupByOf(collection);
    const entries = Object.entries(collection.spec.schema.shape);
    schemas = {
      shared: z.object(Object.fromEntries(entries.filter(([field]) => groupBy.includes(field)))),
      own: z.object(
        Object.fromEntries(entries.filter(([field]) => field !== 'type' && !groupBy.includes(field))),
      ),
    };
    groupSchemas.set(collection, schemas);
  }
  return schemas;
};
