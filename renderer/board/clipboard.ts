import { z } from 'zod';
import { noteSchema } from '../../shared/format/records/note.ts';
import { placeCopies } from '../../shared/journey/drop-notes.ts';
import { deleteRecords, insertCopies, NOTE_GAP } from '../../shared/model/edits.ts';
import { NOTE_COLORS, NOTE_MAX_SIZE, NOTE_MIN_SIZE, NOTE_SIZE } from '../../shared/model/records.ts';
import type { BoardStore } from '../store/index.ts';
import { boardLayout, shownNotesById } from './note-order.ts';
import { lastPointer } from './pointer.ts';
import { boundsOf, toBoard } from './viewport.ts';

/**
 * Copy, cut and paste of notes through the system clipboard, so notes move between maps (and
 * between two Journeywall windows). Pasted data is untrusted: it is validated like a file.
 * Plain text pastes as one note per line: a list from an email becomes notes.
 */
const JSON_MARKER = 'journeywall/notes';

const finite = z.number().finite().min(-1e7).max(1e7);
const ClipboardNotes = z.object({
  type: z.literal(JSON_MARKER),
  notes: z
    .array(
      z.object({
        x: finite,
        y: finite,
        w: z.number().min(NOTE_MIN_SIZE.w).max(NOTE_MAX_SIZE.w),
        h: z.number().min(NOTE_MIN_SIZE.h).max(NOTE_MAX_SIZE.h),
        text: z.string().max(10000),
        color: z.enum(NOTE_COLORS),
        z: finite,
        ...noteSchema.pick({ kind: true, channel: true, wow: true, ratings: true }).partial().shape,
      }),
    )
    .max(20000),
});
type ClipboardNote = z.infer<typeof ClipboardNotes>['notes'][number];

/** Kept too in memory: some environments deny clipboard data to synthetic key events. */
let lastCopied: string | null = null;

const selectedForClipboard = (store: BoardStore): ClipboardNote[] => {
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
  lastCopied = json;
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

export const parseClipboard = (text: string): ClipboardNote[] => {
  if (text.length > 20_000_000) return [];
  try {
    const parsed = ClipboardNotes.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data.notes;
  } catch {
    // Not our JSON: fall through to plain text.
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 500)
    .map((line, index) => ({
      x: (index % 5) * (NOTE_SIZE.w + NOTE_GAP),
      y: Math.floor(index / 5) * (NOTE_SIZE.h + NOTE_GAP),
      w: NOTE_SIZE.w,
      h: NOTE_SIZE.h,
      text: line.slice(0, 10000),
      color: 'yellow' as const,
      z: index,
    }));
};

/** Pastes at the pointer (or the middle of the screen) and selects what was pasted. */
export const pasteNotes = (store: BoardStore, text: string | null): number => {
  const notes = parseClipboard(text ?? lastCopied ?? '');
  const bounds = boundsOf(notes);
  if (!bounds) return 0;
  const { viewport, canvasSize, doc, scenarioId } = store.getState();
  const layout = boardLayout(doc, scenarioId);
  const target =
    lastPointer(viewport) ?? toBoard(viewport, { x: canvasSize.width / 2, y: canvasSize.height / 2 });
  const dx = Math.round(target.x - (bounds.x + bounds.w / 2));
  const dy = Math.round(target.y - (bounds.y + bounds.h / 2));
  let ids: string[] = [];
  store.getState().edit(notes.length === 1 ? 'Paste note' : 'Paste notes', (draft) => {
    ids = insertCopies(draft, notes, dx, dy, scenarioId);
    placeCopies(draft, layout, ids);
  });
  store.getState().select(ids);
  return ids.length;
};
