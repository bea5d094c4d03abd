import {
  addPersona,
  removePersona,
  setActivePersona,
  updatePersona,
} from '../../shared/journey/personas/persona-edits.ts';
import { PERSONA_FIELD_WORDS, type PersonaField } from '../../shared/journey/personas/persona-fields.ts';
import { atLimitMessage } from '../../shared/model/limits.ts';
import type { BoardStore } from '../store/index.ts';
import { showNotice } from '../ui/notice-store.ts';

/** What the persona card does to the map, each as one undo step. */

/**
 * Adds a blank persona and shows it, so the facilitator can fill it in. Returns its id; null,
 * said in a notice, when the map is full.
 */
export const addPersonaToMap = (store: BoardStore): string | null => {
  let id: string | null = null;
  store.getState().edit('Add persona', (draft) => {
    id = addPersona(draft);
    if (id !== null) setActivePersona(draft, id);
  });
  if (id === null) showNotice(atLimitMessage('persona'));
  return id;
};

export const editPersonaField = (store: BoardStore, id: string, field: PersonaField, text: string): void =>
  store
    .getState()
    .edit(`Edit persona ${PERSONA_FIELD_WORDS[field].label.toLowerCase()}`, (draft) =>
      updatePersona(draft, id, { [field]: text }),
    );

export const showPersona = (store: BoardStore, id: string): void =>
  store.getState().edit('Switch persona', (draft) => setActivePersona(draft, id));

export const removePersonaFromMap = (store: BoardStore, id: string): void =>
  store.getState().edit('Remove persona', (draft) => {
    removePersona(draft, id);
  });
