import type { PersonaRecord } from '../../model/journey-records.ts';
import { MAP_NAME_MAX, NOTE_TEXT_MAX } from '../../model/records.ts';

/** The texts of a persona card, in the order the card shows them. */
export const PERSONA_FIELDS = ['name', 'role', 'goals', 'needs', 'frustrations', 'quote'] as const;
export type PersonaField = (typeof PERSONA_FIELDS)[number];
export type PersonaFields = Pick<PersonaRecord, PersonaField>;

/** A name shares the map name's limit and the other texts a note's, as the file format holds them. */
export const PERSONA_LIMITS: Readonly<Record<PersonaField, number>> = {
  name: MAP_NAME_MAX,
  role: NOTE_TEXT_MAX,
  goals: NOTE_TEXT_MAX,
  needs: NOTE_TEXT_MAX,
  frustrations: NOTE_TEXT_MAX,
  quote: NOTE_TEXT_MAX,
};

/** What the card calls each field, and what it says while the field is empty. */
export const PERSONA_FIELD_WORDS: Readonly<Record<PersonaField, { label: string; empty: string }>> = {
  name: { label: 'Name', empty: 'Who is the customer?' },
  role: { label: 'Role', empty: 'Their role or situation' },
  goals: { label: 'Goals', empty: 'What they want to achieve' },
  needs: { label: 'Needs', empty: 'What they need from the business' },
  frustrations: { label: 'Frustrations', empty: 'What gets in their way' },
  quote: { label: 'Quote', empty: 'Something they said, in their own words' },
};

/** The name shown for a persona whose name is blank. */
export const UNNAMED_PERSONA = 'Unnamed persona';

export const personaDisplayName = (persona: Pick<PersonaRecord, 'name'>): string =>
  persona.name || UNNAMED_PERSONA;

/** Trimmed, then cut to the field's limit so the map always saves. */
export const cleanPersonaText = (field: PersonaField, text: string): string =>
  text.trim().slice(0, PERSONA_LIMITS[field]);
