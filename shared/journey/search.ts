import type { JourneyDocument } from '../model/document.ts';
import type { PersonaRecord } from '../model/journey-records.ts';
import type { NoteRecord } from '../model/records.ts';
import type { GridLayout } from './layout.ts';
import { PERSONA_FIELDS, type PersonaField } from './personas/persona-fields.ts';
import { activePersonaOf, personasOf } from './personas/persona-queries.ts';

/**
 * Find in a map: what a facilitator can read on the board (the shown scenario's notes, the stage
 * and lane headers) and on the persona card. Matching ignores case and accents, so "cafe" finds
 * "Café" and a room typing on a laptop without accent keys still finds what was written.
 */

export type SearchMatch =
  | { readonly kind: 'note' | 'stage' | 'lane'; readonly id: string; readonly text: string }
  | { readonly kind: 'persona'; readonly id: string; readonly field: PersonaField; readonly text: string };

/**
 * Lower case, then compatibility decomposition (NFKD, which also splits ligatures such as "ﬁ"
 * and full-width letters) with the combining marks dropped; runs of white space become one
 * space, so a query finds text that wraps onto a new line in the note.
 */
export const normalizeForSearch = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/\s+/gu, ' ');

/**
 * The notes of a layout in the order the journey is read: stage by stage left to right, in each
 * stage lane by lane top to bottom, in each cell as the notes are arranged; then the notes
 * outside the grid, left to right (a note between two stages comes between them in time).
 */
export const notesInReadingOrder = (layout: GridLayout): NoteRecord[] => {
  const stageIndex = new Map(layout.stages.map((column, index) => [column.stage.id, index]));
  const laneIndex = new Map(layout.lanes.map((row, index) => [row.lane.id, index]));
  const cellOf = (note: NoteRecord) => {
    const stage = note.stageId === null ? undefined : stageIndex.get(note.stageId);
    const lane = note.laneId === null ? undefined : laneIndex.get(note.laneId);
    return stage === undefined || lane === undefined ? null : { stage, lane };
  };
  const inGrid: { note: NoteRecord; stage: number; lane: number }[] = [];
  const outside: NoteRecord[] = [];
  for (const note of layout.notes) {
    const cell = cellOf(note);
    if (cell) inGrid.push({ note, ...cell });
    else outside.push(note);
  }
  inGrid.sort(
    (a, b) =>
      a.stage - b.stage ||
      a.lane - b.lane ||
      a.note.y - b.note.y ||
      a.note.x - b.note.x ||
      byId(a.note, b.note),
  );
  outside.sort((a, b) => a.x - b.x || a.y - b.y || byId(a, b));
  return [...inGrid.map((entry) => entry.note), ...outside];
};

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The map's personas as the card offers them: the active one first, then the others by name. */
const personasActiveFirst = (doc: JourneyDocument): PersonaRecord[] => {
  const active = activePersonaOf(doc);
  return active ? [active, ...personasOf(doc).filter((persona) => persona.id !== active.id)] : [];
};

/**
 * Everything in the shown scenario that contains the query, in reading order: stage headers left
 * to right, lane headers top to bottom, notes (notesInReadingOrder), then the personas' fields.
 * One match per note, header or persona field. An empty query matches nothing.
 */
export const searchMap = (doc: JourneyDocument, layout: GridLayout, query: string): SearchMatch[] => {
  const needle = normalizeForSearch(query).trim();
  if (needle === '') return [];
  const found = (text: string) => normalizeForSearch(text).includes(needle);
  const matches: SearchMatch[] = [];
  for (const { stage } of layout.stages)
    if (found(stage.name)) matches.push({ kind: 'stage', id: stage.id, text: stage.name });
  for (const { lane } of layout.lanes)
    if (found(lane.name)) matches.push({ kind: 'lane', id: lane.id, text: lane.name });
  for (const note of notesInReadingOrder(layout))
    if (found(note.text)) matches.push({ kind: 'note', id: note.id, text: note.text });
  for (const persona of personasActiveFirst(doc))
    for (const field of PERSONA_FIELDS)
      if (found(persona[field]))
        matches.push({ kind: 'persona', id: persona.id, field, text: persona[field] });
  return matches;
};
