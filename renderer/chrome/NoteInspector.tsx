import { setNoteKind } from '../../shared/journey/note-edits.ts';
import { CHANNEL_LABELS, KIND_STYLES } from '../../shared/journey/note-kinds.ts';
import { authorsOf } from '../../shared/journey/rounds/round-queries.ts';
import { isLiveNote } from '../../shared/model/document.ts';
import { updateNote } from '../../shared/model/edits.ts';
import {
  CHANNELS,
  NOTE_KINDS,
  type NoteKind,
  RATING_RANGE,
  type TouchpointRatings,
} from '../../shared/model/journey-records.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import { NOTE_KINDS_KEYS, TOUCHPOINT_KEYS } from '../board/key-bindings.ts';
import { isMac, keysForPeople } from '../board/shortcuts.ts';
import { boardStore, useBoard } from '../store/index.ts';

const RATING_NAMES: readonly [keyof TouchpointRatings, string][] = [
  ['effortless', 'Effortless'],
  ['productive', 'Productive'],
  ['painless', 'Painless'],
];

/** "Ana", "Ana and Ben", "Ana, Ben and Cara". */
const listed = (names: readonly string[]): string =>
  names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

const NO_RATINGS: TouchpointRatings = { effortless: null, productive: null, painless: null };

const keys = (binding: { readonly keys: string }): string => keysForPeople(binding.keys, isMac());

/** The tooltips name the keys that do the same on the selection (key-bindings.ts). */
const KIND_TIP = `Keys: ${NOTE_KINDS_KEYS.map((binding) => `${keys(binding)} ${KIND_STYLES[binding.kind].label.toLowerCase()}`).join(', ')}; the same key again: a plain note`;
const CHANNEL_TIP = `Key: ${keys(TOUCHPOINT_KEYS.channel)}, the next channel (Shift: the one before)`;
const STAMP_TIP = `A stamp of authenticity: one of the few touchpoints that wow customers. Key: ${keys(TOUCHPOINT_KEYS.stamp)}`;
const RATINGS_TIP = `Key: ${keys(TOUCHPOINT_KEYS.ratings)}, then a digit for each of effortless, productive, painless (0: not rated)`;

/**
 * What the selected notes are: kind, and for touchpoints their channel, stamp of authenticity
 * and effortless / productive / painless ratings. Each change is one undo step.
 */
export const NoteInspector = () => {
  const doc = useBoard((state) => state.doc);
  const selection = useBoard((state) => state.selection);
  const notes = [...selection].map((id) => doc?.records[id]).filter(isLiveNote);
  if (notes.length === 0) return null;
  const ids = notes.map((note) => note.id);
  const [first] = notes;
  const kind = notes.every((note) => note.kind === first?.kind) ? first?.kind : undefined;
  const edit = (label: string, recipe: (note: NoteRecord) => Partial<NoteRecord>) =>
    boardStore.getState().edit(label, (draft) => {
      for (const note of notes) updateNote(draft, note.id, recipe(note));
    });
  const single = notes.length === 1 && first?.kind === 'touchpoint' ? first : null;
  // Who wrote it on their phone, when the room's round was revealed with names.
  const authors = notes.length === 1 && doc && first ? authorsOf(doc, first.id) : [];
  return (
    <fieldset className="toolbar-group note-inspector" aria-label="Selected notes">
      <label className="inline-field" title={KIND_TIP}>
        <span>Kind</span>
        <select
          aria-label="Note kind"
          value={kind ?? ''}
          onChange={(event) =>
            boardStore
              .getState()
              .edit('Change kind', (draft) => setNoteKind(draft, ids, event.target.value as NoteKind))
          }
        >
          {kind === undefined && <option value="">Mixed</option>}
          {NOTE_KINDS.map((candidate) => (
            <option key={candidate} value={candidate}>
              {KIND_STYLES[candidate].label}
            </option>
          ))}
        </select>
      </label>
      {authors.length > 0 && <span className="inline-field note-authors">Written by {listed(authors)}</span>}
      {single && (
        <>
          <label className="inline-field" title={CHANNEL_TIP}>
            <span>Channel</span>
            <select
              aria-label="Touchpoint channel"
              value={single.channel ?? ''}
              onChange={(event) =>
                edit('Change channel', () => ({
                  channel: (event.target.value || null) as NoteRecord['channel'],
                }))
              }
            >
              <option value="">—</option>
              {CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {CHANNEL_LABELS[channel]}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field checkbox" title={STAMP_TIP}>
            <input
              type="checkbox"
              checked={single.wow}
              onChange={(event) => edit('Stamp of authenticity', () => ({ wow: event.target.checked }))}
            />
            <span>Wow</span>
          </label>
          {RATING_NAMES.map(([key, label]) => (
            <label key={key} className="inline-field" title={RATINGS_TIP}>
              <span>{label}</span>
              <select
                aria-label={`${label} rating`}
                value={single.ratings?.[key] ?? ''}
                onChange={(event) => {
                  const value = event.target.value === '' ? null : Number(event.target.value);
                  edit(`Rate ${label.toLowerCase()}`, (note) => ({
                    ratings: { ...(note.ratings ?? NO_RATINGS), [key]: value },
                  }));
                }}
              >
                <option value="">—</option>
                {Array.from(
                  { length: RATING_RANGE.max - RATING_RANGE.min + 1 },
                  (_, index) => RATING_RANGE.min + index,
                ).map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </>
      )}
    </fieldset>
  );
};
