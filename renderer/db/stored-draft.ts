import { z } from 'zod';
import { PERSONA_FIELDS } from '../../shared/journey/personas/persona-fields.ts';
import { NOTE_COLORS, NOTE_TEXT_MAX } from '../../shared/model/records.ts';
import type { Draft } from '../store/draft.ts';

const id = z.string().min(1).max(200);
const coordinate = z.number().finite();
const text = z.string().max(NOTE_TEXT_MAX);

const editing = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('existing'), id, text: text.optional() }),
  z.object({
    kind: z.literal('new'),
    x: coordinate,
    y: coordinate,
    w: z.number().positive().max(100_000),
    h: z.number().positive().max(100_000),
    color: z.enum(NOTE_COLORS),
    run: z.number().int().min(0),
    text: text.optional(),
    cell: z.object({ stageId: id, laneId: id, slot: coordinate }).optional(),
  }),
]);

const draftSchema = z.object({
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('note'), editing }),
    z.object({
      kind: z.literal('header'),
      header: z.object({ kind: z.enum(['stage', 'lane']), id }),
    }),
    z.object({ kind: z.literal('persona'), personaId: id, field: z.enum(PERSONA_FIELDS) }),
  ]),
  text,
  scenarioId: id.nullable(),
});

/**
 * A stored draft row as a draft, or null when it is damaged or of another shape: a draft is a
 * convenience, so one that does not validate is dropped rather than repaired.
 */
export const readStoredDraft = (row: unknown): Draft | null => {
  const parsed = draftSchema.safeParse(row);
  return parsed.success ? parsed.data : null;
};
