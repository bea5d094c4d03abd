import { mapRecordOf } from '../../model/document.ts';
import type { MutableDocument } from '../../model/edits.ts';
import { newId } from '../../model/ids.ts';
import type { PersonaRecord } from '../../model/journey-records.ts';
import { maxLiveOf } from '../../model/limits.ts';
import { freshBookkeeping, updateRecord } from '../../model/update.ts';
import { cleanPersonaText, PERSONA_FIELDS, type PersonaFields } from './persona-fields.ts';
import { personaAt, personasOf } from './persona-queries.ts';

/**
 * Adding, changing and removing the personas of a map, and choosing the active one. Like the
 * model's edits, each mutates the records it is given and changes records through updateRecord.
 */

/** Only the persona texts among the changes, each trimmed to its limit. */
const cleanFields = (fields: Partial<PersonaFields>): Partial<PersonaFields> => {
  const clean: Partial<Record<keyof PersonaFields, string>> = {};
  for (const field of PERSONA_FIELDS) {
    const text = fields[field];
    if (typeof text === 'string') clean[field] = cleanPersonaText(field, text);
  }
  return clean;
};

/** Names the active persona (or none) on the map record. Ids that are not a live persona are ignored. */
export const setActivePersona = (doc: MutableDocument, id: string | null, now: number = Date.now()): void => {
  if (id !== null && !personaAt(doc, id)) return;
  doc.records[doc.id] = updateRecord(mapRecordOf(doc), { activePersonaId: id }, now);
};

const hasLiveActivePersona = (doc: MutableDocument): boolean =>
  personaAt(doc, mapRecordOf(doc).activePersonaId) !== null;

/**
 * A new persona with the texts given (blank otherwise); it becomes active if none is. Returns its
 * id, or null when the map has as many as a map may.
 */
export const addPersona = (
  doc: MutableDocument,
  fields: Partial<PersonaFields> = {},
  now: number = Date.now(),
): string | null => {
  if (personasOf(doc).length >= maxLiveOf('persona')) return null;
  const id = newId();
  const persona: PersonaRecord = {
    ...freshBookkeeping(id, now),
    type: 'persona',
    name: '',
    role: '',
    goals: '',
    needs: '',
    frustrations: '',
    quote: '',
    ...cleanFields(fields),
  };
  doc.records[id] = persona;
  if (!hasLiveActivePersona(doc)) setActivePersona(doc, id, now);
  return id;
};

/** Changes a persona's texts (trimmed to their limits); a persona that is gone is left alone. */
export const updatePersona = (
  doc: MutableDocument,
  id: string,
  changes: Partial<PersonaFields>,
  now: number = Date.now(),
): void => {
  const persona = personaAt(doc, id);
  if (!persona) return;
  doc.records[id] = updateRecord(persona, cleanFields(changes), now);
};

export type RemovePersonaResult = 'removed' | 'missing';

/**
 * Tombstones a persona. If it was the active one, the persona after it (in personasOf's order,
 * else the one before) becomes active, or none when it was the last.
 */
export const removePersona = (
  doc: MutableDocument,
  id: string,
  now: number = Date.now(),
): RemovePersonaResult => {
  const persona = personaAt(doc, id);
  if (!persona) return 'missing';
  const personas = personasOf(doc);
  const index = personas.findIndex((candidate) => candidate.id === id);
  const successor = personas[index + 1] ?? personas[index - 1] ?? null;
  doc.records[id] = updateRecord(persona, { isDeleted: true }, now);
  if (!hasLiveActivePersona(doc)) setActivePersona(doc, successor?.id ?? null, now);
  return 'removed';
};
