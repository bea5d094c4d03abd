import { type JourneyDocument, mapRecordOf } from '../../model/document.ts';
import type { PersonaRecord } from '../../model/journey-records.ts';
import type { JourneyRecord } from '../../model/records.ts';
import { recordsOfType } from '../../model/records-by-type.ts';

export const isLivePersona = (record: JourneyRecord | undefined): record is PersonaRecord =>
  record !== undefined && record.type === 'persona' && !record.isDeleted;

/** The live persona with this id, or null (missing, deleted, or another kind of record). */
export const personaAt = (doc: JourneyDocument, id: string | null): PersonaRecord | null => {
  const record = id !== null && Object.hasOwn(doc.records, id) ? doc.records[id] : undefined;
  return isLivePersona(record) ? record : null;
};

/**
 * The map's personas, by name (then id, so every copy of the map lists them alike). Personas
 * have no order of their own: the switcher and "the next persona" both follow this one.
 */
export const personasOf = (doc: JourneyDocument): PersonaRecord[] =>
  recordsOfType(doc, 'persona')
    .filter(isLivePersona)
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * The persona the map is about. When the map names none that is live (a merge brought
 * personas in, or took the active one away), the first persona stands in, so the card never
 * hides a persona the map holds. Null only for a map without personas.
 */
export const activePersonaOf = (doc: JourneyDocument): PersonaRecord | null =>
  personaAt(doc, mapRecordOf(doc).activePersonaId) ?? personasOf(doc)[0] ?? null;
