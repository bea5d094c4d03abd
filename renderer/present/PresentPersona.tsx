import { PERSONA_FIELD_WORDS, personaDisplayName } from '../../shared/journey/personas/persona-fields.ts';
import type { PersonaRecord } from '../../shared/model/journey-records.ts';

interface PresentPersonaProps {
  readonly persona: PersonaRecord;
  /** CSS pixels: the strip at the left of the first step. */
  readonly width: number;
}

const DETAILS = ['goals', 'needs', 'frustrations'] as const;

/** The persona card's content, large, beside the whole map on the first step. */
export const PresentPersona = ({ persona, width }: PresentPersonaProps) => (
  <aside className="present-persona" style={{ width }} aria-label={`Persona: ${personaDisplayName(persona)}`}>
    <h2>{personaDisplayName(persona)}</h2>
    {persona.role && <p className="present-persona-role">{persona.role}</p>}
    <dl>
      {DETAILS.filter((field) => persona[field].trim() !== '').map((field) => (
        <div key={field}>
          <dt>{PERSONA_FIELD_WORDS[field].label}</dt>
          <dd>{persona[field]}</dd>
        </div>
      ))}
    </dl>
    {persona.quote && <blockquote>“{persona.quote}”</blockquote>}
  </aside>
);
