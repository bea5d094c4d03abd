import type { PersonaField } from '../../shared/journey/personas/persona-fields.ts';
import type { HeaderRef } from '../../shared/journey/structure-edits.ts';
import type { Editing } from './session-slice.ts';

/** What an open editor is typing into. */
export type DraftTarget =
  | { readonly kind: 'note'; readonly editing: Editing }
  | { readonly kind: 'header'; readonly header: HeaderRef }
  | { readonly kind: 'persona'; readonly personaId: string; readonly field: PersonaField };

/**
 * Text typed in an open editor and not yet committed to the map. It is stored like any edit
 * (autosave keeps one per map), so a crash mid-sentence reopens the editor with the sentence.
 */
export interface Draft {
  readonly target: DraftTarget;
  readonly text: string;
  /** The scenario shown while typing: a restored note draft reopens there. */
  readonly scenarioId: string | null;
}

/** Whether a draft belongs to this editor (the same note, header or persona field). */
export const draftTargets = (draft: Draft | null, target: DraftTarget): draft is Draft => {
  if (!draft || draft.target.kind !== target.kind) return false;
  switch (target.kind) {
    case 'note':
      return draft.target.kind === 'note' && sameEditing(draft.target.editing, target.editing);
    case 'header':
      return (
        draft.target.kind === 'header' &&
        draft.target.header.kind === target.header.kind &&
        draft.target.header.id === target.header.id
      );
    case 'persona':
      return (
        draft.target.kind === 'persona' &&
        draft.target.personaId === target.personaId &&
        draft.target.field === target.field
      );
  }
};

const sameEditing = (a: Editing, b: Editing): boolean => {
  if (a.kind === 'existing') return b.kind === 'existing' && a.id === b.id;
  return b.kind === 'new' && a.x === b.x && a.y === b.y && a.run === b.run;
};
