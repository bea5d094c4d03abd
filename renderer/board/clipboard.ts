import { z } from 'zod';
import { noteSchema } from '../../shared/format/records/note.ts';
import { counted } from '../../shared/format/records/repairs.ts';
import { placeCopies, placeCopiesInCell } from '../../shared/journey/drop-notes.ts';
import { deleteRecords, insertCopies, NOTE_GAP, type NoteContent } from '../../shared/model/edits.ts';
import { FILE_LIMITS, PASTE_LIMITS } from '../../shared/model/limits.ts';
import { NOTE_SIZE } from '../../shared/model/records.ts';
import type { BoardStore } from '../store/index.ts';
import { showNotice } from '../ui/notice-store.ts';
import { boardLayout, shownNotesById } from './note-order.ts';
import { pointerOrCentre } from './pointer.ts';
import { boundsOf } from './viewport.ts';

/**
 * Copy, cut and paste of notes through the system clipboard, so notes move between maps (and
 * between two Journeywall windows). Pasted data is untrusted: it is validated like a file.
 * Plain text pastes as one note per line: a list from an email becomes notes.
 */
const JSON_MARKER = 'journeywall/notes';

/**
 * A copied note is read as a note in a file is: the note schema's fields, bounds and defaults.
 * Paste needs nothing stricter: z, unbounded there, only orders the copies, which go on top.
 */
const CopiedNote = noteSchema.pick({
  x: true,
  y: true,
  w: true,
  h: true,
  text: true,
  color: true,
  z: true,
  kind: true,
  channel: true,
  wow: true,
  ratings: true,
});
// Notes past the limit are only counted, so only the kept ones are validated.
const CopiedNotes = z.object({ type: z.literal(JSON_MARKER), notes: z.array(z.unknown()) });

/** What a paste would put on the board, and what of the clipboard it leaves out. */
export type ParsedClipboard =
  | {
      /** Notes copied in Journeywall, or lines of plain text. */
      readonly from: 'journeywall' | 'text';
      readonly notes: NoteContent[];
      /** Copied notes or non-empty lines past the paste limit. */
      readonly leftOut: number;
    }
  | { readonly from: 'too-long'; readonly notes: []; readonly leftOut: 0 };

const selectedForClipboard = (store: BoardStore): NoteContent[] => {
  const { doc, selection, scenarioId } = store.getState();
  // Copies are placed from where the notes are drawn (a note in a cell at its place there).
  const shown = shownNotesById(doc, scenarioId);
  return [...selection]
    .map((id) => shown.get(id))
    .filter((note) => note !== undefined)
    .map(({ x, y, w, h, text, color, z, kind, channel, wow, ratings }) => ({
      ...{ x, y, w, h, text, color, z },
      ...{ kind, channel, wow, ratings },
    }));
};

export const copySelection = (store: BoardStore, data: DataTransfer | null): boolean => {
  const notes = selectedForClipboard(store);
  if (notes.length === 0) return false;
  const json = JSON.stringify({ type: JSON_MARKER, notes });
  store.getState().setCopied(json);
  data?.setData('text/plain', json);
  return true;
};

export const cutSelection = (store: BoardStore, data: DataTransfer | null): boolean => {
  if (!copySelection(store, data)) return false;
  const ids = [...store.getState().selection];
  store.getState().edit('Cut', (draft) => deleteRecords(draft, ids));
  store.getState().clearSelection();
  return true;
};

const parseCopied = (text: string): ParsedClipboard | null => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const copied = CopiedNotes.safeParse(value);
  if (!copied.success) return null;
  const kept = z.array(CopiedNote).safeParse(copied.data.notes.slice(0, PASTE_LIMITS.maxCopiedNotes));
  if (!kept.success) return null;
  return { from: 'journeywall', notes: kept.data, leftOut: copied.data.notes.length - kept.data.length };
};

export const parseClipboard = (text: string): ParsedClipboard => {
  if (text.length > PASTE_LIMITS.maxChars) return { from: 'too-long', notes: [], leftOut: 0 };
  const copied = parseCopied(text);
  if (copied) return copied;
  // Anything else, broken or hostile JSON included, is plain text.
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const notes = lines.slice(0, PASTE_LIMITS.maxLines).map((line, index) => ({
    x: (index % 5) * (NOTE_SIZE.w + NOTE_GAP),
    y: Math.floor(index / 5) * (NOTE_SIZE.h + NOTE_GAP),
    w: NOTE_SIZE.w,
    h: NOTE_SIZE.h,
    text: line.slice(0, FILE_LIMITS.maxTextLength),
    color: 'yellow' as const,
    z: index,
  }));
  return { from: 'text', notes, leftOut: lines.length - notes.length };
};

/** What the user is told about a paste that left something out; null when nothing was. */
export const pasteNotice = ({ from, notes, leftOut }: ParsedClipboard): string | null => {
  if (from === 'too-long')
    return `Nothing was pasted: the clipboard holds more than ${PASTE_LIMITS.maxChars.toLocaleString('en-US')} characters.`;
  if (leftOut === 0) return null;
  const unit = from === 'text' ? 'line' : 'note';
  const limit = from === 'text' ? PASTE_LIMITS.maxLines : PASTE_LIMITS.maxCopiedNotes;
  const rest = leftOut === 1 ? `the last ${unit} was` : `the other ${counted(leftOut, unit)} were`;
  return `Pasted ${counted(notes.length, 'note')}; ${rest} left out (up to ${counted(limit, 'note')} go in one paste).`;
};

/**
 * Pastes into the selected cell when there is one (after its notes, in their order), otherwise
 * at the pointer (or the middle of the screen), and selects what was pasted.
 */
export const pasteNotes = (store: BoardStore, text: string | null): number => {
  const parsed = parseClipboard(text ?? store.getState().copied ?? '');
  const { notes } = parsed;
  const notice = pasteNotice(parsed);
  const bounds = boundsOf(notes);
  if (!bounds) {
    // Nothing to paste; if that is because the text was too long to read, the user is told.
    if (notice) showNotice(notice);
    return 0;
  }
  const { doc, scenarioId, selectedCell } = store.getState();
  const layout = boardLayout(doc, scenarioId);
  const target = pointerOrCentre(store);
  const dx = Math.round(target.x - (bounds.x + bounds.w / 2));
  const dy = Math.round(target.y - (bounds.y + bounds.h / 2));
  let ids: string[] = [];
  store.getState().edit(notes.length === 1 ? 'Paste note' : 'Paste notes', (draft) => {
    ids = insertCopies(draft, notes, dx, dy, scenarioId);
    if (selectedCell) placeCopiesInCell(draft, layout, ids, selectedCell);
    else placeCopies(draft, layout, ids);
  });
  store.getState().select(ids);
  // If the store refused the edit (the map is held in another window), nothing was pasted.
  if (notice && ids.length > 0) showNotice(notice);
  return ids.length;
};
