import { ChevronsLeft, Trash2, UserPlus, UserRound } from 'lucide-react';
import { type CSSProperties, useEffect, useId, useMemo, useRef, useState } from 'react';
import { KIND_STYLES } from '../../shared/journey/note-kinds.ts';
import {
  PERSONA_FIELDS,
  type PersonaField as PersonaFieldName,
  personaDisplayName,
} from '../../shared/journey/personas/persona-fields.ts';
import { activePersonaOf, personasOf } from '../../shared/journey/personas/persona-queries.ts';
import type { PersonaRecord } from '../../shared/model/journey-records.ts';
import { NOTE_PALETTE } from '../../shared/model/palette.ts';
import { useCoverBoard } from '../board/use-cover-board.ts';
import { draftTargets } from '../store/draft.ts';
import { boardStore, useBoard } from '../store/index.ts';
import { ask } from '../ui/prompt-store.ts';
import { ToolButton } from '../ui/ToolButton.tsx';
import { PersonaField } from './PersonaField.tsx';
import { addPersonaToMap, editPersonaField, removePersonaFromMap, showPersona } from './persona-commands.ts';
import { rememberedFolding, rememberFolding } from './persona-folding.ts';
import './persona.css';

/** A find match in a persona's field: the card opens on that persona and marks the field. */
export interface PersonaFound {
  readonly personaId: string;
  readonly field: PersonaFieldName;
  /** A new number for each time find goes to a persona match, even the same one again. */
  readonly request: number;
}

interface PersonaCardProps {
  /** Start as the small "Persona: <name>" chip instead of the whole card. */
  readonly defaultCollapsed?: boolean;
  readonly found?: PersonaFound | null;
}

/** Why a map wants a persona, in the articles' words (domain glossary: who the customer is). */
export const PERSONA_HINT = 'Who is the customer? Their goals, their needs and a quote in their own words.';

/** Short texts get one line; the others may run to a few. */
const ONE_LINE = new Set(['name', 'role']);

/** The text being typed into a persona field, kept in the store (a field remounted keeps it). */
const draftOf = (personaId: string, field: PersonaFieldName): string | undefined => {
  const { draft } = boardStore.getState();
  return draftTargets(draft, { kind: 'persona', personaId, field }) ? draft.text : undefined;
};

/** The customer-quote notes' colours, so the persona's quote reads as the voice of the customer too. */
const QUOTE_COLORS = NOTE_PALETTE[KIND_STYLES.quote.color];

const confirmRemove = async (persona: PersonaRecord): Promise<boolean> =>
  (await ask({
    title: 'Remove persona?',
    message: `Remove ${personaDisplayName(persona)} from this map? Undo brings the persona back.`,
    choices: [
      { value: 'keep', label: 'Keep' },
      { value: 'remove', label: 'Remove', primary: true },
    ],
  })) === 'remove';

/**
 * The persona the map is about, floating at the left of the board: each text edited in place,
 * a switcher among the map's personas, add and remove. It folds into a small chip so it never
 * hides the board on a projector.
 */
export const PersonaCard = ({ defaultCollapsed = false, found = null }: PersonaCardProps) => {
  const doc = useBoard((state) => state.doc);
  const titleId = useId();
  /** A persona text being typed when the app stopped: the card opens on it, editor open. */
  const [restored] = useState(() => {
    const target = boardStore.getState().draft?.target;
    return target?.kind === 'persona' ? target : null;
  });
  const [collapsed, setCollapsed] = useState(() => {
    if (restored) return false;
    const mapId = boardStore.getState().doc?.id;
    return (mapId ? rememberedFolding(mapId) : null) ?? defaultCollapsed;
  });
  /** A persona just added opens with its name ready to type. */
  const [newPersonaId, setNewPersonaId] = useState<string | null>(null);
  /**
   * The persona a find match brought up. Session state of the card: looking is not editing,
   * so the map's active persona (and the undo history) stay as they were.
   */
  const [shownByFind, setShownByFind] = useState<string | null>(restored?.personaId ?? null);
  const personas = useMemo(() => (doc ? personasOf(doc) : []), [doc]);
  const active = useMemo(
    () => personas.find((persona) => persona.id === shownByFind) ?? (doc ? activePersonaOf(doc) : null),
    [doc, personas, shownByFind],
  );

  /** While the card is open, zoom to fit keeps the map clear of it. */
  const coverLeftOfBoard = useCoverBoard('left');

  // Folding and unfolding keep the keyboard focus on the control that undoes it.
  const chip = useRef<HTMLButtonElement>(null);
  const collapse = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);
  useEffect(() => {
    if (!toggled.current) return;
    toggled.current = false;
    (collapsed ? chip : collapse).current?.focus();
  }, [collapsed]);
  const toggle = (next: boolean) => {
    toggled.current = true;
    setCollapsed(next);
    if (doc) rememberFolding(doc.id, next);
  };

  useEffect(() => {
    if (newPersonaId !== null) setNewPersonaId(null);
  }, [newPersonaId]);

  // Each time find goes to a match in a persona (a new request), the card opens on that persona;
  // when find closes (no request), the card goes back to the map's active persona.
  const foundRequest = found?.request ?? 0;
  const foundPersonaId = found?.personaId ?? null;
  useEffect(() => {
    setShownByFind(foundPersonaId);
    if (foundRequest > 0) setCollapsed(false);
  }, [foundRequest, foundPersonaId]);

  if (!doc) return null;

  if (collapsed)
    return (
      <button
        ref={chip}
        type="button"
        className="persona-chip"
        aria-expanded={false}
        title="Show the persona card"
        onClick={() => toggle(false)}
      >
        <UserRound aria-hidden />
        <span>Persona: {active ? personaDisplayName(active) : 'none'}</span>
      </button>
    );

  const add = () => {
    setShownByFind(null);
    setNewPersonaId(addPersonaToMap(boardStore));
  };
  /** Choosing a persona in the switcher is an edit of the map (one undo step) when it changes it. */
  const choose = (id: string) => {
    setShownByFind(null);
    const map = boardStore.getState().doc;
    if (map && activePersonaOf(map)?.id !== id) showPersona(boardStore, id);
  };
  const remove = async () => {
    if (active && (await confirmRemove(active))) removePersonaFromMap(boardStore, active.id);
  };

  return (
    <section
      ref={coverLeftOfBoard}
      className="persona-card"
      aria-labelledby={titleId}
      style={{ '--quote-fill': QUOTE_COLORS.fill, '--quote-edge': QUOTE_COLORS.edge } as CSSProperties}
    >
      <header className="persona-card-header">
        <h2 id={titleId}>
          <UserRound aria-hidden /> Persona
        </h2>
        <ToolButton label="Add persona" onClick={add}>
          <UserPlus aria-hidden />
        </ToolButton>
        {active && (
          <ToolButton label="Remove persona" onClick={remove}>
            <Trash2 aria-hidden />
          </ToolButton>
        )}
        <ToolButton
          ref={collapse}
          label="Collapse persona card"
          expanded={true}
          title="Fold the persona card into a chip"
          onClick={() => toggle(true)}
        >
          <ChevronsLeft aria-hidden />
        </ToolButton>
      </header>
      {active && personas.length > 1 && (
        <label className="persona-switcher">
          <span>Persona shown</span>
          <select value={active.id} onChange={(event) => choose(event.currentTarget.value)}>
            {personas.map((persona) => (
              <option key={persona.id} value={persona.id}>
                {personaDisplayName(persona)}
              </option>
            ))}
          </select>
        </label>
      )}
      {active ? (
        <div className="persona-fields" key={active.id}>
          {PERSONA_FIELDS.map((field) => (
            <PersonaField
              key={field}
              field={field}
              value={active[field]}
              multiline={!ONE_LINE.has(field)}
              editOnMount={field === 'name' && newPersonaId === active.id}
              found={found?.personaId === active.id && found.field === field}
              onCommit={(text) => editPersonaField(boardStore, active.id, field, text)}
              restoredDraft={draftOf(active.id, field)}
              onDraft={(text) => {
                const target = { kind: 'persona', personaId: active.id, field } as const;
                const state = boardStore.getState();
                if (text !== null) state.setDraft({ target, text, scenarioId: state.scenarioId });
                else if (draftTargets(state.draft, target)) state.setDraft(null);
              }}
            />
          ))}
        </div>
      ) : (
        <div className="persona-empty">
          <p>{PERSONA_HINT}</p>
          <button type="button" className="primary with-icon" onClick={add}>
            <UserPlus aria-hidden /> Add a persona
          </button>
        </div>
      )}
    </section>
  );
};
